package io.tokenconsole.store;

import java.util.Objects;

/** Where the workspace lives: an SQLite file on this computer, or a team's PostgreSQL database. */
public sealed interface WorkspaceLocation {

    /** The embedded default: {@code workspace.db} in the data folder. */
    record ThisComputer(DataFolder folder) implements WorkspaceLocation {
        public ThisComputer {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public String describe() {
            return "This computer (" + folder.databaseFile() + ")";
        }
    }

    /** A PostgreSQL database the whole support team shares. */
    record Team(PostgresAddress address) implements WorkspaceLocation {
        public Team {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String describe() {
            return "Team: " + address.shortForm();
        }
    }

    /**
     * For the status bar and {@code --json}: "This computer (/home/x/.local/share/token-console/workspace.db)",
     * "Team: support@db.example.com:5432/tokenconsole". Never a password: there is none in a location.
     */
    String describe();
}
