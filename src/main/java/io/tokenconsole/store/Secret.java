package io.tokenconsole.store;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An API secret. It prints as {@code [secret]} wherever it ends up — a log line, an exception
 * message, a debugger's view of a record — and gives its text only through {@link #reveal()}, the
 * one call a reviewer has to look for.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A secret cannot be empty");
        }
        return new Secret(value.strip());
    }

    /**
     * A password exactly as given, spaces included (a database password may start or end with one);
     * only an empty one is refused.
     */
    public static Secret verbatim(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("A password cannot be empty");
        }
        return new Secret(value);
    }

    /** The secret's text, for the HTTP Basic header and the credential store only. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // Constant time: comparing secrets should not leak how many leading characters matched.
        return other instanceof Secret that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
