package io.tokenconsole.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit row's identity, made by the client when the event happens: a random id and the time (to the
 * millisecond, as stored). Writing a row with a stamp that is already there keeps the row that is there,
 * so a spooled action replayed after an outage, or a workspace copied twice, is in the log once.
 */
public record AuditStamp(UUID uid, Instant at) {

    public AuditStamp {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MILLIS);
        Text.checkInstant("at", at);
    }

    /** A new stamp: a random id and the clock's time. */
    public static AuditStamp now(Clock clock) {
        return new AuditStamp(UUID.randomUUID(), clock.instant());
    }

    /**
     * The id of a row written before rows had ids (schema 1 and 2 on SQLite): derived from what the row says,
     * so the same old row gets the same id on every read and every copy.
     */
    static UUID derived(long sequence, long atMillis, String operator, String action, String userId) {
        String name = "token-console-audit:" + sequence + ":" + atMillis + ":" + operator + ":" + action + ":" + userId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
