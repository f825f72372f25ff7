package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Objects;

/**
 * Something support did, about to be written to the audit log. The log adds when and who.
 *
 * @param environment where it happened; {@code null} for general settings
 * @param userId the Argyle user it concerned; {@code null} when none
 * @param token the issued or inspected token's facts; {@code null} when none
 * @param detail a short, secret-free description ("theme: dark", "12 imported, 2 rejected")
 * @param stamp the row's id and time when they were fixed before writing (a spooled action keeps the time it
 *     happened and writes one row however often it is replayed); {@code null}: the log stamps it with its
 *     clock when it writes it
 */
public record AuditEvent(
        Environment environment,
        AuditAction action,
        String userId,
        TokenFacts token,
        Outcome outcome,
        String detail,
        AuditStamp stamp) {

    public AuditEvent(Environment environment, AuditAction action, String userId, TokenFacts token, Outcome outcome,
            String detail) {
        this(environment, action, userId, token, outcome, detail, null);
    }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        userId = Text.blankToNull(userId);
        // Free text reaches the disk: scrub anything token-shaped, and keep it short.
        detail = TokenScrubber.scrub(Text.shortened(Text.blankToNull(detail), Text.MAX_NOTE));
        if (userId != null && userId.length() > Text.MAX_LABEL) {
            throw new IllegalArgumentException("A user id of " + userId.length() + " characters is not a user id");
        }
        // Argyle ids are UUIDs, compared case-insensitively everywhere in the console.
        userId = userId == null ? null : TokenScrubber.scrub(userId).toLowerCase(java.util.Locale.ROOT);
    }

    public static AuditEvent ok(Environment environment, AuditAction action, String userId) {
        return new AuditEvent(environment, action, userId, null, Outcome.OK, null);
    }

    public static AuditEvent failed(Environment environment, AuditAction action, String userId, String error) {
        return new AuditEvent(environment, action, userId, null, new Outcome.Failed(error), null);
    }

    public AuditEvent withToken(TokenFacts facts) {
        return new AuditEvent(environment, action, userId, facts, outcome, detail, stamp);
    }

    public AuditEvent withDetail(String text) {
        return new AuditEvent(environment, action, userId, token, outcome, text, stamp);
    }

    /** The same event with its row id and time fixed now, so writing it again later keeps one row. */
    public AuditEvent stamped(AuditStamp fixed) {
        return new AuditEvent(environment, action, userId, token, outcome, detail, java.util.Objects.requireNonNull(fixed, "stamp"));
    }
}
