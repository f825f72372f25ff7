package io.tokenconsole.store;

/**
 * What support types about a user when saving it. For each field, {@code null} keeps what the
 * workspace already holds and an empty string clears it — so saving a known id again (after a
 * token was issued, say) never wipes a colleague's note by accident.
 */
public record UserDetails(String label, String note, String externalId) {

    public static final UserDetails NONE = new UserDetails(null, null, null);

    public UserDetails {
        // Length first: the scrub is linear, but a field over its limit is refused before any scan.
        Text.checkLength("label", label, Text.MAX_LABEL);
        Text.checkLength("note", note, Text.MAX_NOTE);
        Text.checkLength("external id", externalId, Text.MAX_LABEL);
        label = TokenScrubber.scrub(label);
        note = TokenScrubber.scrub(note);
        externalId = TokenScrubber.scrub(externalId);
    }

    public static UserDetails label(String label) {
        return new UserDetails(label, null, null);
    }
}
