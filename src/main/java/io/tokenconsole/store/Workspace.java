package io.tokenconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The local workspace: one SQLite file holding saved users, the audit log and settings.
 *
 * <p>Thread safety: one connection, guarded by a lock. SQLite lets only one writer in at a time
 * anyway, and the console's queries take milliseconds (see {@code UserSearchBench}), so a pool
 * would add connections that mostly wait on each other and open the door to {@code SQLITE_BUSY}
 * between them. Any thread may call any method; calls are serialised. Another process (a command
 * run while the window is open) is handled by WAL plus a busy timeout and {@code BEGIN IMMEDIATE}.
 *
 * <p>Durability: WAL with {@code synchronous=FULL}; every write runs in one transaction, so a
 * process killed mid-way leaves every committed write and none of the half-done one.
 */
public final class Workspace implements AutoCloseable {

    /** The schema version this build writes. */
    public static final int SCHEMA_VERSION = Migrations.LATEST;

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path databaseFile;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final AuditLog auditLog;
    private final UserDirectory userDirectory;
    private final Settings settings;
    private boolean inTransaction;
    private boolean closed;

    private Workspace(Path databaseFile, Connection connection, Clock clock, Operator operator) {
        this.databaseFile = databaseFile;
        this.connection = connection;
        this.clock = clock;
        this.auditLog = new AuditLog(this, clock, operator);
        this.userDirectory = new UserDirectory(this, clock, auditLog);
        this.settings = new Settings(this, auditLog);
    }

    /** Opens (creating and migrating as needed) the workspace in a data folder. */
    public static Workspace open(DataFolder folder, Clock clock, Operator operator) {
        folder.ensureExists();
        return open(folder.databaseFile(), clock, operator);
    }

    /** Opens (creating and migrating as needed) the workspace database file itself. */
    public static Workspace open(Path databaseFile, Clock clock, Operator operator) {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
        Path file = databaseFile.toAbsolutePath();
        createOwnerOnly(file);
        Connection connection = connect(file);
        try {
            // The version is read before anything that could write (journal mode, migrations), so a
            // newer workspace is refused byte for byte as it was.
            int found = userVersion(connection);
            if (found > SCHEMA_VERSION) {
                throw new NewerWorkspaceException(found, SCHEMA_VERSION);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                // Asking for WAL when the file already uses it would still queue for the write lock behind
                // a long import; reading the mode first lets a reader in at once (WAL lets readers and one
                // writer work side by side).
                boolean wal;
                try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                    wal = mode.next() && "wal".equalsIgnoreCase(mode.getString(1));
                }
                try (ResultSet mode = statement.executeQuery(wal ? "PRAGMA journal_mode" : "PRAGMA journal_mode = WAL")) {
                    if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                        throw new WorkspaceException("The workspace " + file + " cannot use write-ahead logging"
                                + " (is it on a network drive?). Point --data-dir at a local folder.");
                    }
                }
                // FULL: a committed write survives a power cut, not only a crashed process. Writes are
                // a person's actions, a handful a minute; the extra fsync costs nothing they notice.
                statement.execute("PRAGMA synchronous = FULL");
            }
            Workspace workspace = new Workspace(file, connection, clock, operator);
            workspace.migrate();
            return workspace;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // Write transactions take the write lock when they begin, so two processes never deadlock
        // upgrading a read lock; the busy timeout lets the second one wait its turn.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw translate(file, e);
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    private void migrate() throws SQLException {
        if (read(Workspace::userVersion) >= SCHEMA_VERSION) {
            // Current already: no write transaction, so opening never waits on another process's writes.
            return;
        }
        for (Migrations.Migration migration : Migrations.ALL) {
            // Each step re-reads the version inside its own transaction: if the window and a command
            // open a fresh workspace together, the second one finds the step already done.
            write(connection -> {
                if (userVersion(connection) >= migration.version()) {
                    return null;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
                return null;
            });
        }
    }

    /**
     * A new database file is created empty and owner-only before SQLite opens it (SQLite treats an
     * empty file as a new database, and gives the -wal and -shm files the same mode), so the audit
     * log is never readable by other accounts, not even between creation and a chmod.
     */
    private static void createOwnerOnly(Path file) {
        if (!DataFolder.supportsPosix() || Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another process got there first; it created the file the same way.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the workspace " + file + ": " + e.getMessage(), e);
        }
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

    public Path databaseFile() {
        return databaseFile;
    }

    /** The schema version of the open database. */
    public int schemaVersion() {
        return read(Workspace::userVersion);
    }

    Clock clock() {
        return clock;
    }

    /** Work with the connection; thrown {@link SQLException}s become {@link WorkspaceException}s. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read on the shared connection. */
    <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(databaseFile, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a write in a transaction: all of it is committed or none of it. A write called from inside
     * another write joins the outer transaction, so a change and its audit row commit together.
     */
    <T> T write(SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            if (inTransaction) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            inTransaction = true;
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } finally {
                inTransaction = false;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(databaseFile, e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The workspace " + databaseFile + " is closed");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw translate(databaseFile, e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to show.
        }
    }

    static WorkspaceException translate(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new WorkspaceException("The file " + file + " is not a Token Console workspace"
                        + " (not an SQLite database). Move it away or point --data-dir elsewhere.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return new WorkspaceException("The workspace " + file + " is busy in another Token Console;"
                        + " try again in a moment.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN
                    || code == SQLiteErrorCode.SQLITE_PERM) {
                return new WorkspaceException("Cannot open the workspace " + file + " for writing ("
                        + code.message + ").", e);
            }
        }
        return new WorkspaceException("Workspace error in " + file + ": " + e.getMessage(), e);
    }
}
