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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The workspace on this computer: one SQLite file.
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
final class SqliteBackend extends Backend {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    /** How often a watch asks whether another connection committed: a fraction of the "within a second". */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Path databaseFile;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Commits made through this connection, which {@code PRAGMA data_version} does not count. */
    private final AtomicLong ownCommits = new AtomicLong();
    private boolean inTransaction;
    private boolean closed;

    private SqliteBackend(Path databaseFile, Connection connection) {
        this.databaseFile = databaseFile;
        this.connection = connection;
    }

    /** Opens (creating and migrating as needed) the workspace database file. */
    static SqliteBackend open(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath();
        createOwnerOnly(file);
        Connection connection = connect(file);
        try {
            // The version is read before anything that could write (journal mode, migrations), so a
            // newer workspace is refused byte for byte as it was.
            int found = userVersion(connection);
            if (found > Migrations.LATEST) {
                throw new NewerWorkspaceException(found, Migrations.LATEST);
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
            SqliteBackend backend = new SqliteBackend(file, connection);
            backend.migrate();
            return backend;
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

    private void migrate() {
        if (read(SqliteBackend::userVersion) >= Migrations.LATEST) {
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

    Path databaseFile() {
        return databaseFile;
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    int schemaVersion() {
        return read(SqliteBackend::userVersion);
    }

    @Override
    <T> T read(Workspace.SqlWork<T> work) {
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

    @Override
    <T> T write(Workspace.SqlWork<T> work) {
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
                ownCommits.incrementAndGet();
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
    boolean isReachable() {
        return true;
    }

    @Override
    void checkReachable() {
        // A file on this computer: nothing to reach. A closed workspace says so.
        lock.lock();
        try {
            ensureOpen();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Polls {@code PRAGMA data_version} (changes when another connection commits) and this connection's own
     * commit count; when either moved, compares the newest audit row and a fingerprint of the saved users to
     * say which changed.
     */
    @Override
    AutoCloseable watch(WorkspaceWatcher watcher) {
        return WatchThread.start("workspace-watch", watcher, new WatchThread.Loop() {
            private long lastVersion = -1;
            private long lastOwnCommits = -1;
            private long lastAudit;
            private String lastUsers;

            @Override
            public void run(WatchThread thread) throws InterruptedException {
                lastAudit = read(SqliteBackend::newestAuditRow);
                lastUsers = read(SqliteBackend::usersFingerprint);
                while (!thread.stopped()) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                    long commits = ownCommits.get();
                    long version = read(connection -> single(connection, "PRAGMA data_version"));
                    if (version == lastVersion && commits == lastOwnCommits) {
                        continue;
                    }
                    lastVersion = version;
                    lastOwnCommits = commits;
                    long audit = read(SqliteBackend::newestAuditRow);
                    String users = read(SqliteBackend::usersFingerprint);
                    if (audit != lastAudit) {
                        lastAudit = audit;
                        thread.deliver(WorkspaceWatcher::auditAppended);
                    }
                    if (!users.equals(lastUsers)) {
                        lastUsers = users;
                        thread.deliver(WorkspaceWatcher::usersChanged);
                    }
                }
            }
        });
    }

    static long newestAuditRow(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(seq), 0) FROM audit_log");
    }

    /** Changes when a user is added, forgotten, edited, or gets a newer token time. */
    static String usersFingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*), coalesce(sum(version), 0), coalesce(max(row_no), 0),
                               coalesce(sum(coalesce(last_token_issued_at, 0) % 1000003), 0)
                        FROM saved_users""")) {
            row.next();
            return row.getLong(1) + ":" + row.getLong(2) + ":" + row.getLong(3) + ":" + row.getLong(4);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
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
