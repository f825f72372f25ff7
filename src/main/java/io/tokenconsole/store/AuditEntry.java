package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the audit log, as written. {@code sequence} orders rows written in the same millisecond in
 * one workspace; {@code uid} names the row in every workspace (made by the client when the event happened,
 * so a row written twice — a spool replayed, a workspace copied again — is kept once).
 */
public record AuditEntry(
        long sequence,
        Instant at,
        String operator,
        Environment environment,
        AuditAction action,
        String userId,
        TokenFacts token,
        Outcome outcome,
        String detail,
        UUID uid) {

    public AuditEntry {
        java.util.Objects.requireNonNull(uid, "uid");
    }

    /** When and under which id the row was first written: what a copy or a replay keeps. */
    public AuditStamp stamp() {
        return new AuditStamp(uid, at);
    }

    public Optional<Environment> environmentIfAny() {
        return Optional.ofNullable(environment);
    }

    public Optional<String> error() {
        return outcome instanceof Outcome.Failed failed ? Optional.of(failed.error()) : Optional.empty();
    }
}
