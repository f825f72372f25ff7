package io.tokenconsole.inspect;

import java.util.Locale;

/** Where a token stands in time, judged by its {@code exp} and {@code nbf} claims. */
public enum TokenStatus {
    VALID("Valid"),
    EXPIRED("Expired"),
    NOT_YET_VALID("Not yet valid"),
    NO_EXPIRY("No expiry");

    private final String displayName;

    TokenStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The identifier of the JSON contract: {@code valid}, {@code expired}, {@code not_yet_valid}, {@code no_expiry}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }
}
