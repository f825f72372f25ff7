package io.tokenconsole.inspect;

import java.util.Objects;

/**
 * One thing the inspector noticed about a token. {@code code} is a stable identifier that
 * scripts may match on (see {@link FindingCode}); {@code message} is for people and may change.
 */
public record Finding(Severity severity, String code, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Finding of(FindingCode code, String message) {
        return new Finding(code.severity(), code.name(), message);
    }
}
