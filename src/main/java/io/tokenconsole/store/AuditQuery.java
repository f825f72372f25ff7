package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Instant;

/**
 * Which audit rows to show. Every filter is optional ({@code null} = any); {@code since} is
 * inclusive and {@code until} exclusive, so consecutive ranges never show a row twice.
 */
public record AuditQuery(Instant since, Instant until, Environment environment, String userId,
        AuditAction action, int limit) {

    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null, NO_LIMIT);

    public AuditQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("A limit must be positive");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since (" + since + ") must be before --until (" + until + ")");
        }
        userId = Text.blankToNull(userId);
    }

    public AuditQuery since(Instant value) {
        return new AuditQuery(value, until, environment, userId, action, limit);
    }

    public AuditQuery until(Instant value) {
        return new AuditQuery(since, value, environment, userId, action, limit);
    }

    public AuditQuery in(Environment value) {
        return new AuditQuery(since, until, value, userId, action, limit);
    }

    public AuditQuery user(String value) {
        return new AuditQuery(since, until, environment, value, action, limit);
    }

    public AuditQuery action(AuditAction value) {
        return new AuditQuery(since, until, environment, userId, value, limit);
    }

    public AuditQuery limit(int value) {
        return new AuditQuery(since, until, environment, userId, action, value);
    }
}
