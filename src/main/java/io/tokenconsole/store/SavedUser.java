package io.tokenconsole.store;

import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.argyle.Environment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user support has worked with, remembered so a returning user gets a new token instead of a
 * second account. An id belongs to exactly one environment.
 *
 * @param label a short name support chose ("Jane — payroll bug"); {@code null} when none
 * @param note free text; {@code null} when none
 * @param externalId the customer's own reference for the user; {@code null} when none
 * @param lastTokenIssuedAt when this console last issued a token for the user; {@code null} when never
 * @param version counts changes to the label, note and external id (1 when first saved; 0 for a user not
 *     read from a workspace); an {@link UserDirectory#edit edit} names the version it started from
 * @param changedBy who made the last such change; {@code null} for users saved before versions existed
 * @param changedAt when; the creation time when there was no change since
 */
public record SavedUser(
        Environment environment,
        String id,
        String label,
        String note,
        String externalId,
        Instant createdAt,
        Instant lastTokenIssuedAt,
        UserOrigin origin,
        long version,
        String changedBy,
        Instant changedAt) {

    /** A user not read from a workspace: version 0, no change recorded. */
    public SavedUser(Environment environment, String id, String label, String note, String externalId,
            Instant createdAt, Instant lastTokenIssuedAt, UserOrigin origin) {
        this(environment, id, label, note, externalId, createdAt, lastTokenIssuedAt, origin, 0, null, null);
    }

    public SavedUser {
        Objects.requireNonNull(environment, "environment");
        id = UserIds.normalize(id);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        Text.checkInstant("created_at", createdAt);
        Text.checkInstant("last_token_issued_at", lastTokenIssuedAt);
        label = Text.blankToNull(label);
        note = Text.blankToNull(note);
        externalId = Text.blankToNull(externalId);
        // A token pasted into a label or note by mistake must not reach the disk: tokens are credentials.
        label = Text.scrubbedField("label", label, Text.MAX_LABEL);
        note = Text.scrubbedField("note", note, Text.MAX_NOTE);
        externalId = Text.scrubbedField("external id", externalId, Text.MAX_LABEL);
        if (version < 0) {
            throw new IllegalArgumentException("A version cannot be negative");
        }
        changedBy = Text.blankToNull(changedBy);
        changedAt = changedAt == null ? createdAt : changedAt;
        Text.checkInstant("changed_at", changedAt);
    }

    /** The same user with another change record, as the workspace stores it. */
    public SavedUser withChange(long newVersion, String by, Instant at) {
        return new SavedUser(environment, id, label, note, externalId, createdAt, lastTokenIssuedAt, origin,
                newVersion, by, at);
    }

    /** Whether the two hold the same user with the same details, whatever their change records say. */
    public boolean sameDetails(SavedUser other) {
        return other != null && withChange(0, null, null).equals(other.withChange(0, null, null));
    }

    public Optional<String> labelText() {
        return Optional.ofNullable(label);
    }

    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }

    public Optional<String> externalIdText() {
        return Optional.ofNullable(externalId);
    }

    public Optional<Instant> lastTokenIssued() {
        return Optional.ofNullable(lastTokenIssuedAt);
    }
}
