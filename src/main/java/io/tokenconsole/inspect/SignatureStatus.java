package io.tokenconsole.inspect;

import java.util.Locale;

/**
 * The verdict on a token's signature. A token the console has no key for is {@link #UNVERIFIED},
 * never {@link #INVALID}: Argyle signs with a secret only Argyle holds.
 */
public enum SignatureStatus {
    UNVERIFIED("Not verified"),
    VALID("Valid signature"),
    INVALID("Invalid signature");

    private final String displayName;

    SignatureStatus(String displayName) {
        this.displayName = displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }
}
