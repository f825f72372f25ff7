package io.tokenconsole.ui.users;

/**
 * One user as Argyle's {@code GET /users} listed it, for the "Find at Argyle" table.
 *
 * @param saved whether the user is in this environment's saved list already
 */
public record FoundRow(String id, String externalId, String created, String name, String email, boolean saved) {

    FoundRow asSaved() {
        return new FoundRow(id, externalId, created, name, email, true);
    }
}
