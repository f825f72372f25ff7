package io.tokenconsole.store;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An edit started from a version of a saved user that someone else changed (or forgot) meanwhile. Nothing
 * was written; the message says who and when, and {@link #current()} is what the workspace holds now.
 */
public final class UserChangedException extends WorkspaceException {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final transient SavedUser current;
    private final String changedBy;
    private final java.time.Instant changedAt;

    private UserChangedException(String message, SavedUser current, String changedBy, java.time.Instant changedAt) {
        super(message);
        this.current = current;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /** The user was changed: "Changed by bob at 2026-11-25 10:00:00 UTC while you were editing. …" */
    static UserChangedException changed(SavedUser current) {
        String who = current.changedBy() == null ? "someone" : current.changedBy();
        return new UserChangedException("Changed by " + who + " at " + TIME.format(current.changedAt().truncatedTo(ChronoUnit.SECONDS))
                + " while you were editing. Reload to see their change, then edit again.", current, who, current.changedAt());
    }

    /** The user was forgotten meanwhile; who and when come from the audit log when it says. */
    static UserChangedException forgotten(String who, java.time.Instant when) {
        String by = who == null ? "someone" : who;
        return new UserChangedException("Forgotten by " + by + (when == null ? "" : " at " + TIME.format(when.truncatedTo(ChronoUnit.SECONDS)))
                + " while you were editing. Save the user again if it should stay.", null, by, when);
    }

    /** What the workspace holds now; empty when the user was forgotten. */
    public Optional<SavedUser> current() {
        return Optional.ofNullable(current);
    }

    public String changedBy() {
        return changedBy;
    }

    public Optional<java.time.Instant> changedAt() {
        return Optional.ofNullable(changedAt);
    }
}
