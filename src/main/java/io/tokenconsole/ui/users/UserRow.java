package io.tokenconsole.ui.users;

import io.tokenconsole.store.UserOrigin;

/**
 * One saved user as the Users pane's table shows it: texts ready to show ({@code ""} for none),
 * times already in the person's zone. {@code version} is the saved user's version the row shows: an edit
 * names it, so a change someone else made meanwhile is not overwritten.
 */
public record UserRow(String id, String label, String note, String externalId, String created, String lastToken,
        UserOrigin origin, long version) {

    /** What the session and the status bar call this user: the label when there is one. */
    public String labelOrNull() {
        return label.isEmpty() ? null : label;
    }
}
