package io.tokenconsole.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

/**
 * The workspace: saved users, the audit log and settings, on this computer (an SQLite file, the default)
 * or in a team's PostgreSQL database. Both serve the same operations; the SQL they disagree on lives in
 * {@link Backend.Dialect}, the connections in {@link SqliteBackend} and {@link PostgresBackend}.
 *
 * <p>Any thread may call any method. Every write runs in one transaction, so a process killed mid-way
 * leaves every committed write and none of the half-done one.
 */
public final class Workspace implements AutoCloseable {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = Migrations.LATEST;

    private final Backend backend;
    private final WorkspaceLocation location;
    private final Operator operator;
    private final Clock clock;
    private final AuditLog auditLog;
    private final UserDirectory userDirectory;
    private final Settings settings;

    private Workspace(Backend backend, WorkspaceLocation location, Clock clock, Operator operator) {
        this.backend = backend;
        this.location = location;
        this.clock = clock;
        this.operator = operator;
        this.auditLog = new AuditLog(this, clock, operator);
        this.userDirectory = new UserDirectory(this, clock, auditLog);
        this.settings = new Settings(this, auditLog);
    }

    /** Opens (creating and migrating as needed) the workspace in a data folder. */
    public static Workspace open(DataFolder folder, Clock clock, Operator operator) {
        folder.ensureExists();
        return open(new WorkspaceLocation.ThisComputer(folder), folder.databaseFile(), clock, operator);
    }

    /**
     * Opens (creating and migrating as needed) the workspace database file itself. Its location is "this
     * computer", in the file's folder.
     */
    public static Workspace open(Path databaseFile, Clock clock, Operator operator) {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Path file = databaseFile.toAbsolutePath();
        Path folder = file.getParent() == null ? file : file.getParent();
        return open(new WorkspaceLocation.ThisComputer(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION)),
                file, clock, operator);
    }

    private static Workspace open(WorkspaceLocation location, Path file, Clock clock, Operator operator) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
        return new Workspace(SqliteBackend.open(file), location, clock, operator);
    }

    /**
     * Opens the workspace at a location: this computer's SQLite file, or a team's PostgreSQL database with
     * the password {@code passwords} finds ({@code PGPASSWORD}, {@code ~/.pgpass}, the credential store; none
     * is tried as no password, which a server trusting this machine accepts). The audit rows name
     * {@code operator}; {@link WorkspaceChoice#operator()} picks it (a configured name, else the database role
     * in a team workspace, else the OS user). The server also records the database role on every audit row,
     * whatever the client says.
     *
     * @throws WorkspaceUnavailableException the team's server cannot be reached (within a few seconds)
     * @throws NewerWorkspaceException the schema is newer than this console
     */
    public static Workspace open(WorkspaceLocation location, Clock clock, Operator operator, PostgresPasswords passwords) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
        if (location instanceof WorkspaceLocation.Team team) {
            Objects.requireNonNull(passwords, "passwords");
            Secret password = passwords.find(team.address()).orElse(null);
            return new Workspace(PostgresBackend.open(team.address(), password), location, clock, operator);
        }
        return open(((WorkspaceLocation.ThisComputer) location).folder(), clock, operator);
    }

    /** Opens the chosen workspace, naming the operator the choice names. */
    public static Workspace open(WorkspaceChoice choice, Clock clock, PostgresPasswords passwords) {
        return open(choice.location(), clock, choice.operator(), passwords);
    }

    public UserDirectory users() {
        return userDirectory;
    }

    public AuditLog audit() {
        return auditLog;
    }

    public Settings settings() {
        return settings;
    }

    /** Where this workspace lives, for the status bar and {@code --json}. */
    public WorkspaceLocation location() {
        return location;
    }

    /** Who the audit rows written through this workspace name. */
    public Operator operator() {
        return operator;
    }

    /**
     * The SQLite file of a workspace on this computer.
     *
     * @throws IllegalStateException for a team workspace, which has no file here
     */
    public Path databaseFile() {
        if (backend instanceof SqliteBackend sqlite) {
            return sqlite.databaseFile();
        }
        throw new IllegalStateException("A team workspace has no file on this computer: " + location.describe());
    }

    /** The schema version of the open database. */
    public int schemaVersion() {
        return backend.schemaVersion();
    }

    /**
     * Delivers changes made by anyone to the watcher on a workspace thread, within about a second, until the
     * returned handle is closed (closing the workspace ends it too).
     */
    public AutoCloseable watch(WorkspaceWatcher watcher) {
        return backend.watch(Objects.requireNonNull(watcher, "watcher"));
    }

    /** Whether the workspace answered last time it was asked (always, for one on this computer). Cheap. */
    public boolean isReachable() {
        return backend.isReachable();
    }

    /**
     * Asks the server now (within a few seconds).
     *
     * @throws WorkspaceUnavailableException with a plain message when it does not answer
     */
    public void checkReachable() {
        backend.checkReachable();
    }

    /** Whether both hold the same rows: the same file, or the same database on the same server (any role). */
    boolean sameDatabaseAs(Workspace other) {
        if (backend instanceof SqliteBackend mine && other.backend instanceof SqliteBackend theirs) {
            return mine.databaseFile().equals(theirs.databaseFile());
        }
        if (backend instanceof PostgresBackend mine && other.backend instanceof PostgresBackend theirs) {
            PostgresAddress a = mine.address();
            PostgresAddress b = theirs.address();
            return a.host().equalsIgnoreCase(b.host()) && a.port() == b.port() && a.database().equals(b.database());
        }
        return false;
    }

    Clock clock() {
        return clock;
    }

    Backend.Dialect dialect() {
        return backend.dialect();
    }

    /** Work with the connection; thrown {@link SQLException}s become {@link WorkspaceException}s. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read. */
    <T> T read(SqlWork<T> work) {
        return backend.read(work);
    }

    /**
     * Runs a write in a transaction: all of it is committed or none of it. A write called from inside
     * another write joins the outer transaction, so a change and its audit row commit together.
     */
    <T> T write(SqlWork<T> work) {
        return backend.write(work);
    }

    @Override
    public void close() {
        backend.close();
    }
}
