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
 */
public record SavedUser(
        Environment environment,
        String id,
        String label,
        String note,
        String externalId,
        Instant createdAt,
        Instant lastTokenIssuedAt,
        UserOrigin origin) {

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
