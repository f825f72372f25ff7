package io.tokenconsole.ui.shell;

/**
 * How a pane brings another to the front without knowing it: by the other pane's id
 * ({@code "inspector"}, {@code "users"}, {@code "tokens"}, {@code "link"}, {@code "audit"}, {@code "settings"}).
 */
@FunctionalInterface
public interface Navigator {

    String INSPECTOR = "inspector";
    String USERS = "users";
    String TOKENS = "tokens";
    String LINK = "link";
    String AUDIT = "audit";
    String SETTINGS = "settings";

    void navigate(String paneId);
}
