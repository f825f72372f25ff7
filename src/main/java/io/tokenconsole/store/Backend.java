package io.tokenconsole.store;

/**
 * Where the workspace's rows live and how a connection is had: {@link SqliteBackend} (one file, one
 * connection) or {@link PostgresBackend} (a team's server, a small pool). The SQL they disagree on is
 * asked of {@link #dialect()}; everything else — the directory, the log, the settings — is written once.
 */
abstract sealed class Backend implements AutoCloseable permits SqliteBackend, PostgresBackend {

    /** Which SQL this backend speaks where the two differ. */
    enum Dialect {
        SQLITE, POSTGRES;

        /** The larger of two values: SQLite's two-argument {@code max}, PostgreSQL's {@code GREATEST}. */
        String greatest(String a, String b) {
            return (this == SQLITE ? "max(" : "GREATEST(") + a + ", " + b + ")";
        }

        /** Where {@code needle} starts in {@code haystack}, 1-based, 0 when absent: SQLite's instr, PostgreSQL's strpos. */
        String position(String haystack, String needle) {
            return (this == SQLITE ? "instr(" : "strpos(") + haystack + ", " + needle + ")";
        }

        /** Locks the selected row until the transaction ends (PostgreSQL); SQLite's writer lock already does. */
        String forUpdate() {
            return this == SQLITE ? "" : " FOR UPDATE";
        }
    }

    abstract Dialect dialect();

    /** Runs a read; a read inside a write on the same thread sees the write's rows. */
    abstract <T> T read(Workspace.SqlWork<T> work);

    /** Runs a write in one transaction; a write inside a write joins the outer transaction. */
    abstract <T> T write(Workspace.SqlWork<T> work);

    /** The schema version of the open database. */
    abstract int schemaVersion();

    /** Last known; a cheap check. */
    abstract boolean isReachable();

    /** Asks the database now; {@link WorkspaceUnavailableException} when it does not answer. */
    abstract void checkReachable();

    /** Starts delivering changes to the watcher on a workspace thread until the returned handle is closed. */
    abstract AutoCloseable watch(WorkspaceWatcher watcher);

    @Override
    public abstract void close();
}
