package io.tokenconsole.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL 15 the team-workspace tests use: the cluster {@code .ci/postgres-up} starts (and
 * {@code .ci/run} runs before {@code ./mvnw -B verify}), found through
 * {@code TOKEN_CONSOLE_TEST_POSTGRES} (an admin role's address), {@code TOKEN_CONSOLE_TEST_POSTGRES_PASSWORD}
 * and {@code TOKEN_CONSOLE_TEST_POSTGRES_CONTROL} (the command {@link #stop()} and {@link #start()} run with
 * "stop" / "start"). Without them every PostgreSQL test is skipped and says how to run it.
 *
 * <p>Each test gets a {@link #freshDatabase() database of its own} with an owner role (which created the
 * schema) and an app role with the grants of {@link PostgresGrants} — as a team sets it up — and drops it
 * when done.
 */
public final class TestPostgres {

    public static final String ADDRESS_VARIABLE = "TOKEN_CONSOLE_TEST_POSTGRES";
    public static final String PASSWORD_VARIABLE = "TOKEN_CONSOLE_TEST_POSTGRES_PASSWORD";
    public static final String CONTROL_VARIABLE = "TOKEN_CONSOLE_TEST_POSTGRES_CONTROL";
    public static final String HOW_TO_RUN =
            "PostgreSQL tests skipped: run .ci/postgres-up and export what it prints, or run .ci/run";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Boolean reachable;

    private TestPostgres() {
    }

    /** Whether the variables are set and the admin can sign in (asked once per JVM). */
    public static synchronized boolean available() {
        if (reachable == null) {
            boolean configured = System.getenv(ADDRESS_VARIABLE) != null && System.getenv(PASSWORD_VARIABLE) != null;
            reachable = configured && canConnect();
            if (!reachable) {
                // Once per run, on the build's output: skipped tests' reasons are not printed by Maven.
                System.err.println(configured
                        ? HOW_TO_RUN + " (" + ADDRESS_VARIABLE + " is set, but the admin could not sign in)"
                        : HOW_TO_RUN);
            }
        }
        return reachable;
    }

    private static boolean canConnect() {
        try (Connection ignored = admin("postgres")) {
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Skips the calling test unless the test cluster is there, saying how to run it. */
    public static void assumeAvailable() {
        assumeTrue(available(), HOW_TO_RUN);
    }

    /** The admin's address, as .ci/postgres-up printed it. */
    public static PostgresAddress adminAddress() {
        return PostgresAddress.parse(System.getenv(ADDRESS_VARIABLE));
    }

    /** A connection as the admin (a superuser of the test cluster) to a database. */
    public static Connection admin(String database) throws SQLException {
        PostgresAddress admin = adminAddress();
        return connect(new PostgresAddress(admin.host(), admin.port(), database, admin.user()),
                Secret.verbatim(System.getenv(PASSWORD_VARIABLE)));
    }

    public static Connection connect(PostgresAddress address, Secret password) throws SQLException {
        Properties properties = PostgresBackend.connectionProperties(address, password);
        return DriverManager.getConnection(address.jdbcUrl(), properties);
    }

    /**
     * A database of a test's own, as a team sets one up: an owner role that opened it first (creating the
     * schema) and granted {@link PostgresGrants} to an app role. Closing it hands it back empty for the next
     * test (or drops it, after {@link #dropWhenClosed()}); the rest are dropped when the JVM exits.
     */
    public static final class Database implements AutoCloseable {

        private final String name;
        private final PostgresAddress owner;
        private final Secret ownerPassword;
        private final PostgresAddress app;
        private final Secret appPassword;
        private boolean drop;

        Database(String name, PostgresAddress owner, Secret ownerPassword, PostgresAddress app, Secret appPassword) {
            this.name = name;
            this.owner = owner;
            this.ownerPassword = ownerPassword;
            this.app = app;
            this.appPassword = appPassword;
        }

        public String name() {
            return name;
        }

        /** The owner role's address: it created the schema. */
        public PostgresAddress owner() {
            return owner;
        }

        /** The app role's address: what an engineer's console signs in as. */
        public PostgresAddress app() {
            return app;
        }

        public Secret appPassword() {
            return appPassword;
        }

        /** The app role's password as PostgreSQL's tools would find it ({@code PGPASSWORD}). */
        public PostgresPasswords appPasswords() {
            return passwordsFor(appPassword);
        }

        public PostgresPasswords ownerPasswords() {
            return passwordsFor(ownerPassword);
        }

        private static PostgresPasswords passwordsFor(Secret password) {
            return new PostgresPasswords(Map.of(PostgresPasswords.PASSWORD_VARIABLE, password.reveal()),
                    Path.of("/nonexistent-home"), "Linux", new SessionCredentialStore("test"));
        }

        /** The workspace as an engineer's console opens it: the app role. */
        public Workspace open(Clock clock, Operator operator) {
            return Workspace.open(new WorkspaceLocation.Team(app), clock, operator, appPasswords());
        }

        public Connection connectAsApp() throws SQLException {
            return connect(app, appPassword);
        }

        public Connection connectAsOwner() throws SQLException {
            return connect(owner, ownerPassword);
        }

        /** For a test that changes the schema itself: the database is dropped, not reused. */
        public void dropWhenClosed() {
            drop = true;
        }

        @Override
        public void close() {
            if (!drop && wipe()) {
                synchronized (SPARE) {
                    SPARE.add(this);
                }
                return;
            }
            dropNow();
        }

        /**
         * Empties the tables as the superuser, with triggers off (the append-only trigger would refuse), and
         * restarts the sequences: as fresh as a new database, in a fraction of the time.
         */
        private boolean wipe() {
            try (Connection admin = admin(name); Statement statement = admin.createStatement()) {
                statement.execute("SET lock_timeout = '5s'");
                statement.execute("SET session_replication_role = replica");
                statement.execute("TRUNCATE audit_log, saved_users, settings RESTART IDENTITY");
                try (var version = statement.executeQuery("SELECT version FROM schema_version")) {
                    return version.next() && version.getInt(1) == Workspace.SCHEMA_VERSION;
                }
            } catch (SQLException e) {
                return false;
            }
        }

        void dropNow() {
            try (Connection admin = admin("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + owner.user());
                statement.execute("DROP ROLE IF EXISTS " + app.user());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop the test database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private static final java.util.Deque<Database> SPARE = new java.util.ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (SPARE) {
                for (Database database : SPARE) {
                    try {
                        database.dropNow();
                    } catch (RuntimeException leftBehind) {
                        // The cluster went away first; .ci/postgres-up's cluster is a test cluster.
                    }
                }
                SPARE.clear();
            }
        }, "drop-test-databases"));
    }

    /** An empty database with its owner and app roles, the schema created by the owner; skips without a cluster. */
    public static Database freshDatabase() {
        assumeAvailable();
        synchronized (SPARE) {
            if (!SPARE.isEmpty()) {
                return SPARE.pop();
            }
        }
        Database database = newDatabase();
        database.drop = false;
        return database;
    }

    /** A database made now (never a reused one), its schema created by the owner and granted to the app role; dropped when closed. */
    public static Database newDatabase() {
        Database database = emptyDatabase();
        try (Workspace first = Workspace.open(new WorkspaceLocation.Team(database.owner()), Clock.systemUTC(),
                new Operator(database.owner().user()), database.ownerPasswords());
                Connection asOwner = database.connectAsOwner(); Statement statement = asOwner.createStatement()) {
            for (String grant : PostgresGrants.forRole(database.app().user())) {
                statement.execute(grant);
            }
        } catch (SQLException | RuntimeException e) {
            database.dropNow();
            throw new IllegalStateException("Could not set up the test database " + database.name() + ": " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * A database and its two roles, as an administrator creates them before anyone opened it: no tables yet.
     * Dropped when closed.
     */
    public static Database emptyDatabase() {
        assumeAvailable();
        String name = "tc_" + HexFormat.of().formatHex(randomBytes(6));
        Secret ownerPassword = Secret.verbatim(HexFormat.of().formatHex(randomBytes(16)));
        Secret appPassword = Secret.verbatim(HexFormat.of().formatHex(randomBytes(16)));
        PostgresAddress admin = adminAddress();
        PostgresAddress owner = new PostgresAddress(admin.host(), admin.port(), name, name + "_owner");
        PostgresAddress app = new PostgresAddress(admin.host(), admin.port(), name, name + "_app");
        try (Connection connection = admin("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + owner.user() + " LOGIN PASSWORD '" + ownerPassword.reveal() + "'");
            statement.execute("CREATE ROLE " + app.user() + " LOGIN PASSWORD '" + appPassword.reveal() + "'");
            // FILE_COPY: half the time of PostgreSQL 15's default for a database as small as template1.
            statement.execute("CREATE DATABASE " + name + " OWNER " + owner.user() + " STRATEGY FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database: " + e.getMessage(), e);
        }
        Database database = new Database(name, owner, ownerPassword, app, appPassword);
        database.dropWhenClosed();
        return database;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Stops the cluster (the fault test's outage); returns once it is down. */
    public static void stop() {
        control("stop");
    }

    /** Starts the cluster again; returns once it accepts connections. */
    public static void start() {
        control("start");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!canConnect()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The test PostgreSQL did not come back within 30 s");
            }
            sleep(100);
        }
    }

    private static void control(String verb) {
        String control = System.getenv(CONTROL_VARIABLE);
        assumeTrue(control != null && !control.isBlank(), "PostgreSQL stop/start tests skipped: " + CONTROL_VARIABLE
                + " is not set; run .ci/postgres-up and export what it prints, or run .ci/run");
        run(List.of("sh", "-c", control + " " + verb), Map.of(), Duration.ofSeconds(60));
    }

    /**
     * A plain-text {@code pg_dump} of the database (schema and every row), taken as the admin: what the
     * leak scan reads.
     */
    public static String dump(Database database) throws IOException {
        PostgresAddress admin = adminAddress();
        Path out = Files.createTempFile("tc-pg-dump", ".sql");
        try {
            String binary = Files.isExecutable(Path.of("/usr/lib/postgresql/15/bin/pg_dump"))
                    ? "/usr/lib/postgresql/15/bin/pg_dump" : "pg_dump";
            run(List.of(binary, "--no-password", "-h", admin.host(), "-p", Integer.toString(admin.port()), "-U",
                    admin.user(), "-f", out.toString(), database.name()),
                    Map.of("PGPASSWORD", System.getenv(PASSWORD_VARIABLE)), Duration.ofSeconds(60));
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command.get(0), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
