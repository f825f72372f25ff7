package io.tokenconsole.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A team's workspace on PostgreSQL 15+: a small HikariCP pool (a desktop needs few connections: at most
 * {@value #MAX_POOL_SIZE}), short timeouts so an unreachable server is reported within seconds, and one more
 * connection per watch for {@code LISTEN}.
 *
 * <p>Transactions: a write borrows a connection, runs in one transaction (read committed) and commits;
 * a write or read called inside it on the same thread joins it. Rows another console may change at the
 * same moment are locked ({@code SELECT … FOR UPDATE}) before they are merged, and an edit names the
 * version it started from, so no change is lost silently.
 *
 * <p>The password is handed to the driver as a property and kept nowhere else: not in the URL, not in a
 * message (the driver's messages name the user and server only), not in the pool's name.
 */
final class PostgresBackend extends Backend {

    static final int MAX_POOL_SIZE = 4;
    /** How long a connection attempt may take before the server counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a query may wait for an answer on an established connection (the load test's longest is ms). */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** How often a watch asks the server whether it is still there. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    static final String AUDIT_CHANNEL = "tokenconsole_audit";
    static final String USERS_CHANNEL = "tokenconsole_users";
    /** pg_advisory_xact_lock key for migrations: "TokenCon" in ASCII. */
    private static final long MIGRATION_LOCK = 0x546f6b656e436f6eL;

    private final PostgresAddress address;
    private final Properties connectionProperties;
    private final HikariDataSource pool;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private volatile boolean reachable = true;
    private volatile boolean closed;

    private PostgresBackend(PostgresAddress address, Properties connectionProperties, HikariDataSource pool) {
        this.address = address;
        this.connectionProperties = connectionProperties;
        this.pool = pool;
    }

    /**
     * Connects, and creates or updates the schema when this role may (the owner's first open); refuses a
     * schema newer than this console.
     */
    static PostgresBackend open(PostgresAddress address, Secret password) {
        Properties properties = connectionProperties(address, password);
        HikariConfig config = new HikariConfig();
        config.setPoolName("token-console-workspace");
        config.setJdbcUrl(address.jdbcUrl());
        config.setDataSourceProperties(properties);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setValidationTimeout(CONNECT_TIMEOUT.toMillis());
        config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        // Fail at once (one attempt) when the server is not there: the caller shows the message.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException failed) {
            throw translate(address, failed);
        }
        PostgresBackend backend = new PostgresBackend(address, properties, pool);
        try {
            backend.migrate();
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    static Properties connectionProperties(PostgresAddress address, Secret password) {
        Properties properties = new Properties();
        properties.setProperty("user", address.user());
        if (password != null) {
            properties.setProperty("password", password.reveal());
        }
        properties.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        properties.setProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds() + 2));
        properties.setProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "Token Console");
        if (address.sslMode() != null) {
            properties.setProperty("sslmode", address.sslMode());
        }
        return properties;
    }

    private void migrate() {
        int found = schemaVersion();
        if (found > Migrations.LATEST) {
            throw newer(found);
        }
        if (found == Migrations.LATEST) {
            return;
        }
        try {
            write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    // Two consoles opening a fresh workspace at once: the second waits here, then finds it done.
                    statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                    int now = version(connection);
                    if (now > Migrations.LATEST) {
                        throw newer(now);
                    }
                    if (now == Migrations.LATEST) {
                        return null;
                    }
                    statement.execute("""
                            CREATE TABLE IF NOT EXISTS schema_version (
                                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                                version  integer NOT NULL)""");
                    statement.execute("INSERT INTO schema_version (version) VALUES (0) ON CONFLICT DO NOTHING");
                    for (Migrations.Migration migration : Migrations.ALL) {
                        if (migration.version() > now) {
                            for (String sql : migration.postgres()) {
                                statement.execute(sql);
                            }
                        }
                    }
                    statement.execute("UPDATE schema_version SET version = " + Migrations.LATEST);
                }
                return null;
            });
        } catch (WorkspaceException failed) {
            if (failed.getCause() instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                throw new WorkspaceException("The team workspace " + address.shortForm() + " needs its tables "
                        + (found == 0 ? "created" : "updated (schema " + found + " → " + Migrations.LATEST + ")")
                        + ", which the role '" + address.user() + "' may not do. Open it once as the database's owner"
                        + " role, then grant the team's role access as docs/team-workspace.md shows.", failed);
            }
            throw failed;
        }
    }

    private NewerWorkspaceException newer(int found) {
        return new NewerWorkspaceException(found, Migrations.LATEST,
                "Update Token Console or choose another workspace.");
    }

    /**
     * The version in {@code schema_version}, 0 when the table does not exist yet. Asked of {@code pg_tables}
     * (a scan under a relation lock, so it sees what committed while this session waited on the migration lock),
     * not {@code to_regclass}: that answers from the session's catalog cache, which an advisory lock does not
     * refresh — a console that looked before waiting would still find no table, and create it again.
     */
    private static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables"
                        + " WHERE schemaname = current_schema() AND tablename = 'schema_version')")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT version FROM schema_version")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    int schemaVersion() {
        return read(PostgresBackend::version);
    }

    @Override
    <T> T read(Workspace.SqlWork<T> work) {
        Connection joined = transaction.get();
        if (joined != null) {
            return run(joined, work);
        }
        try (Connection connection = borrow()) {
            return run(connection, work);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    <T> T write(Workspace.SqlWork<T> work) {
        Connection joined = transaction.get();
        if (joined != null) {
            return run(joined, work);
        }
        try (Connection connection = borrow()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            } finally {
                transaction.remove();
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private <T> T run(Connection connection, Workspace.SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * A pooled connection. When the server was last found away, one direct attempt comes first: a refused
     * connection then answers in milliseconds, where the pool would keep trying for its whole timeout.
     */
    private Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The team workspace " + address.shortForm() + " is closed");
        }
        if (!reachable) {
            checkReachable();
        }
        return pool.getConnection();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException brokenAnyway) {
            // The pool tests the connection before lending it again.
        }
    }

    /** Translates, and notes a connection failure so {@link #isReachable()} says so at once. */
    private WorkspaceException failed(SQLException e) {
        WorkspaceException translated = translate(address, e);
        if (translated instanceof WorkspaceUnavailableException) {
            reachable = false;
        }
        return translated;
    }

    @Override
    boolean isReachable() {
        return reachable;
    }

    @Override
    void checkReachable() {
        try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), connectionProperties);
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            reachable = true;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * A dedicated connection that {@code LISTEN}s; every {@link #CHECK_INTERVAL} it also asks the server
     * {@code SELECT 1}. When the server goes away the watcher hears so, and the thread reconnects every
     * {@link #CHECK_INTERVAL}; once back, the watcher hears that and gets both change calls, since changes
     * made meanwhile had no one to notify.
     */
    @Override
    AutoCloseable watch(WorkspaceWatcher watcher) {
        return WatchThread.start("workspace-listen", watcher, new WatchThread.Loop() {
            private volatile Connection listening;
            private boolean heard = true;

            @Override
            public void run(WatchThread thread) throws InterruptedException {
                boolean first = true;
                while (!thread.stopped() && !closed) {
                    try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), connectionProperties)) {
                        listening = connection;
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("LISTEN " + AUDIT_CHANNEL);
                            statement.execute("LISTEN " + USERS_CHANNEL);
                        }
                        reachable = true;
                        if (!heard) {
                            heard = true;
                            thread.deliver(w -> w.reachabilityChanged(true, "The team workspace at "
                                    + address.server() + " answers again."));
                        }
                        if (!first) {
                            thread.deliver(WorkspaceWatcher::auditAppended);
                            thread.deliver(WorkspaceWatcher::usersChanged);
                        }
                        first = false;
                        listen(thread, connection);
                    } catch (SQLException | RuntimeException lost) {
                        if (thread.stopped() || closed) {
                            return;
                        }
                        reachable = false;
                        first = false;
                        if (heard) {
                            heard = false;
                            String reason = unreachableReason(lost);
                            String words = "The team workspace at " + address.server() + " cannot be reached ("
                                    + (reason == null ? translate(address, lost).getMessage() : reason) + ").";
                            thread.deliver(w -> w.reachabilityChanged(false, words));
                        }
                        Thread.sleep(CHECK_INTERVAL.toMillis());
                    } finally {
                        listening = null;
                    }
                }
            }

            private void listen(WatchThread thread, Connection connection) throws SQLException {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
                while (!thread.stopped() && !closed) {
                    PGNotification[] arrived = notifications.getNotifications(250);
                    boolean audit = false;
                    boolean users = false;
                    for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                        audit |= AUDIT_CHANNEL.equals(notification.getName());
                        users |= USERS_CHANNEL.equals(notification.getName());
                    }
                    if (audit) {
                        thread.deliver(WorkspaceWatcher::auditAppended);
                    }
                    if (users) {
                        thread.deliver(WorkspaceWatcher::usersChanged);
                    }
                    if (System.nanoTime() >= nextCheck) {
                        try (Statement statement = connection.createStatement()) {
                            statement.setQueryTimeout((int) CONNECT_TIMEOUT.toSeconds());
                            statement.execute("SELECT 1");
                        }
                        nextCheck = System.nanoTime() + CHECK_INTERVAL.toNanos();
                    }
                }
            }

            @Override
            public void wakeUp() {
                Connection connection = listening;
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // Closing to stop: nothing more to do.
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    /**
     * A failure in plain words. Reaching the server: {@link WorkspaceUnavailableException} ("cannot be reached
     * (connection refused). Nothing was done."). Signing in, a missing database, a missing grant: what to do.
     * No message carries the password: the driver's name the user and the server only.
     */
    static WorkspaceException translate(PostgresAddress address, Throwable failure) {
        String reason = unreachableReason(failure);
        if (reason != null) {
            return new WorkspaceUnavailableException("The team workspace at " + address.server()
                    + " cannot be reached (" + reason + "). " + WorkspaceException.NOTHING_DONE, failure);
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new WorkspaceException("The team workspace at " + address.server() + " did not let the role '"
                    + address.user() + "' in (wrong password, or the server's pg_hba.conf does not allow it). Check the"
                    + " password in ~/.pgpass, PGPASSWORD or Settings → Workspace.", failure);
        }
        if (state.equals("3D000")) {
            return new WorkspaceException("There is no database '" + address.database() + "' on " + address.server()
                    + ". Check the address, or ask whoever runs the server to create it (docs/team-workspace.md).", failure);
        }
        if (state.equals("42501")) {
            return new WorkspaceException("The team workspace refused: " + serverMessage(sql) + " (role '"
                    + address.user() + "').", failure);
        }
        if (state.equals("08004")) {
            return new WorkspaceException("The team workspace at " + address.server() + " refused the connection: "
                    + serverMessage(sql) + ".", failure);
        }
        String detail = sql != null ? serverMessage(sql) : failure.getClass().getSimpleName();
        return new WorkspaceException("Team workspace error at " + address.server() + ": " + detail, failure);
    }

    /** Why the server cannot be reached, or {@code null} when it was reached and said no. */
    private static String unreachableReason(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return "no server of that name";
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "no route to the server";
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " seconds";
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return "the server is shutting down or starting up";
        }
        if (state.startsWith("08") && !state.equals("08004")) {
            return "the connection was lost";
        }
        if (failure instanceof java.sql.SQLTransientConnectionException
                || find(failure, java.sql.SQLTransientConnectionException.class) != null) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " seconds";
        }
        return null;
    }

    private static String serverMessage(SQLException sql) {
        String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
        // "ERROR: permission denied for table audit_log" → the words after the severity, first line only.
        int newline = message.indexOf('\n');
        String first = newline >= 0 ? message.substring(0, newline) : message;
        return first.replaceFirst("^(ERROR|FATAL): ", "").strip();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    PostgresAddress address() {
        return address;
    }
}
