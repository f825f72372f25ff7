package io.tokenconsole.ui.shell;

import java.util.Objects;

/**
 * One pane of the window as the registry lists it: its id (for {@link Navigator}), the sidebar's
 * text, its view ({@code fxml/<view>.fxml}), and what the status bar says while it shows.
 */
public record PaneSpec(String id, String title, String view, String statusHint) {
    public PaneSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(view, "view");
        statusHint = statusHint == null ? "" : statusHint;
    }

    @Override
    public String toString() {
        return title;
    }
}
