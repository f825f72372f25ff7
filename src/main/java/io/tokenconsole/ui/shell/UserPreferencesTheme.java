package io.tokenconsole.ui.shell;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Keeps the theme choice in the JDK's per-user preferences (on Linux under ~/.java). Only the
 * theme lives here; it holds nothing secret.
 */
public final class UserPreferencesTheme implements ThemePreference {

    private static final String KEY = "theme";
    private final Preferences node;

    public UserPreferencesTheme(Preferences node) {
        this.node = node;
    }

    public static UserPreferencesTheme forCurrentUser() {
        return new UserPreferencesTheme(Preferences.userRoot().node("io/tokenconsole"));
    }

    @Override
    public boolean dark() {
        return "dark".equals(node.get(KEY, "light"));
    }

    @Override
    public void setDark(boolean dark) {
        node.put(KEY, dark ? "dark" : "light");
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // The choice still holds for this session; a read-only home must not break the window.
        }
    }
}
