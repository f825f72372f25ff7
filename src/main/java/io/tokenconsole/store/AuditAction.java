package io.tokenconsole.store;

import java.util.Locale;
import java.util.Optional;

/** What support did, as the audit log records it. Stored by name: never rename a constant. */
public enum AuditAction {
    USER_CREATED,
    TOKEN_ISSUED,
    USER_DELETED,
    TOKEN_INSPECTED,
    SETTINGS_CHANGED,
    USER_SAVED,
    USER_FORGOTTEN,
    USERS_IMPORTED,
    USERS_EXPORTED,
    /** Link reported {@code onAccountConnected} in a session the console opened. */
    LINK_ACCOUNT_CONNECTED,
    /** Link reported {@code onError} in a session the console opened. */
    LINK_ERROR,
    /** Saved users and audit rows were copied in from another workspace ({@code workspace copy}). */
    WORKSPACE_COPIED;

    /** Accepts {@code TOKEN_ISSUED}, {@code token-issued} and {@code token_issued}. */
    public static Optional<AuditAction> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (AuditAction action : values()) {
            if (action.name().equals(wanted)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** The form shown to people and on the command line: {@code token-issued}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
