package io.tokenconsole.store;

/**
 * What support types about a user when saving it. For each field, {@code null} keeps what the
 * workspace already holds and an empty string clears it — so saving a known id again (after a
 * token was issued, say) never wipes a colleague's note by accident.
 */
public record UserDetails(String label, String note, String externalId) {

    public static final UserDetails NONE = new UserDetails(null, null, null);

    public UserDetails {
        label = Text.scrubbedField("label", label, Text.MAX_LABEL);
        note = Text.scrubbedField("note", note, Text.MAX_NOTE);
        externalId = Text.scrubbedField("external id", externalId, Text.MAX_LABEL);
    }

    public static UserDetails label(String label) {
        return new UserDetails(label, null, null);
    }
}
