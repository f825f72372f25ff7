package io.tokenconsole.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the database's owner grants the role the team's consoles sign in as, once the owner's first open
 * created the tables (docs/team-workspace.md shows the same statements). The audit log gets SELECT and
 * INSERT only: no role but the owner may even try to change it, and the owner's own attempt is refused by
 * the append-only trigger.
 */
public final class PostgresGrants {

    private static final Pattern PLAIN_ROLE = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

    private PostgresGrants() {
    }

    /** The GRANT statements for a role (or a group role the engineers' roles are members of). */
    public static List<String> forRole(String role) {
        if (role == null || !PLAIN_ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("A role name here is lower-case letters, digits and _ (at most 63), not '"
                    + role + "'");
        }
        return List.of(
                "GRANT SELECT ON schema_version TO " + role,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON saved_users, settings TO " + role,
                "GRANT SELECT, INSERT ON audit_log TO " + role);
    }
}
