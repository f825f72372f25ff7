package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Instant;
import java.util.Optional;

/** One row of the audit log, as written. {@code sequence} orders rows written in the same millisecond. */
public record AuditEntry(
        long sequence,
        Instant at,
        String operator,
        Environment environment,
        AuditAction action,
        String userId,
        TokenFacts token,
        Outcome outcome,
        String detail) {

    public Optional<Environment> environmentIfAny() {
        return Optional.ofNullable(environment);
    }

    public Optional<String> error() {
        return outcome instanceof Outcome.Failed failed ? Optional.of(failed.error()) : Optional.empty();
    }
}
