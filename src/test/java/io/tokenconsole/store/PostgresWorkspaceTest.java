package io.tokenconsole.store;

import io.tokenconsole.testing.TcpRelay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What only the team workspace has: the server itself keeps the audit log append-only and records who wrote
 * each row, the schema is created once however many consoles open it at once and never walked back, and a
 * server that is not there or says no is reported in plain words without the password. Needs the test cluster
 * ({@link TestPostgres}); the unreachable-server test does not.
 */
class PostgresWorkspaceTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void theAppRoleCannotUpdateDeleteOrTruncateAnAuditRowAtTheServer() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            try (Workspace workspace = database.open(CLOCK, new Operator("jane"))) {
                workspace.audit().record(AuditEvent.ok(Environment.PRODUCTION, AuditAction.TOKEN_ISSUED, UserDirectoryTest.JANE));
            }
            try (Connection app = database.connectAsApp()) {
                assertEveryChangeRefused(app, "permission denied for table audit_log");
            }
            assertEquals(List.of("jane"), operators(database));
        }
    }

    @Test
    void evenTheOwnerMeetsTheAppendOnlyTrigger() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            try (Workspace workspace = database.open(CLOCK, new Operator("jane"))) {
                workspace.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.USER_CREATED, UserDirectoryTest.JANE));
            }
            try (Connection owner = database.connectAsOwner()) {
                assertEveryChangeRefused(owner, "the audit log is append-only");
            }
            assertEquals(List.of("jane"), operators(database));
        }
    }

    @Test
    void theServerRecordsTheRoleThatWroteEachRowWhateverTheClientSays() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            try (Workspace workspace = database.open(CLOCK, new Operator("claims to be the boss"))) {
                workspace.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null));
            }
            try (Connection app = database.connectAsApp(); Statement statement = app.createStatement()) {
                // A modified client writing the column itself.
                statement.execute("INSERT INTO audit_log (uid, at, operator, action, outcome, db_role)"
                        + " VALUES ('forged', 0, 'forger', 'USERS_EXPORTED', 'ok', 'the_boss')");
            }
            try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT operator, db_role FROM audit_log ORDER BY seq")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(rows.getString(1) + " as " + rows.getString(2));
                }
                String role = database.app().user();
                assertEquals(List.of("claims to be the boss as " + role, "forger as " + role), seen);
            }
        }
    }

    @Test
    void aSchemaNewerThanThisConsoleIsRefusedAndLeftAsItIs() throws Exception {
        try (TestPostgres.Database database = TestPostgres.newDatabase()) {
            try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement()) {
                statement.execute("UPDATE schema_version SET version = 99");
                statement.execute("CREATE TABLE from_the_future (x int)");
            }

            NewerWorkspaceException refused = assertThrows(NewerWorkspaceException.class,
                    () -> database.open(CLOCK, new Operator("jane")));
            assertThrows(NewerWorkspaceException.class, () -> Workspace.open(new WorkspaceLocation.Team(database.owner()),
                    CLOCK, new Operator("owner"), database.ownerPasswords()));

            assertEquals("This workspace was written by a newer Token Console (schema 99; this version knows "
                    + Workspace.SCHEMA_VERSION + "). Update Token Console or choose another workspace.", refused.getMessage());
            try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement();
                    ResultSet version = statement.executeQuery("SELECT version FROM schema_version")) {
                version.next();
                assertEquals(99, version.getInt(1));
            }
        }
    }

    @Test
    void consolesOpeningANewDatabaseAtOnceCreateTheSchemaOnce() throws Exception {
        try (TestPostgres.Database database = TestPostgres.emptyDatabase()) {
            int consoles = 4;
            CyclicBarrier together = new CyclicBarrier(consoles);
            ExecutorService pool = Executors.newFixedThreadPool(consoles);
            try {
                List<Future<Integer>> opened = new ArrayList<>();
                for (int i = 0; i < consoles; i++) {
                    String name = "console-" + i;
                    opened.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        try (Workspace workspace = Workspace.open(new WorkspaceLocation.Team(database.owner()), CLOCK,
                                new Operator(name), database.ownerPasswords())) {
                            workspace.audit().record(AuditEvent.ok(null, AuditAction.SETTINGS_CHANGED, null).withDetail(name));
                            return workspace.schemaVersion();
                        }
                    }));
                }
                for (Future<Integer> version : opened) {
                    assertEquals(Workspace.SCHEMA_VERSION, version.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(4, operators(database).size());
        }
    }

    @Test
    void theAppRoleCannotCreateTheSchemaAndIsToldWhoCan() {
        try (TestPostgres.Database database = TestPostgres.emptyDatabase()) {
            WorkspaceException refused = assertThrows(WorkspaceException.class, () -> database.open(CLOCK, new Operator("jane")));
            assertEquals("The team workspace " + database.app().shortForm() + " needs its tables created, which the role '"
                    + database.app().user() + "' may not do. Open it once as the database's owner role, then grant the"
                    + " team's role access as docs/team-workspace.md shows.", refused.getMessage());
        }
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() {
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            String wrong = "Wrong-" + database.appPassword().reveal();
            PostgresPasswords passwords = new PostgresPasswords(Map.of("PGPASSWORD", wrong), java.nio.file.Path.of("/nowhere"),
                    "Linux", new SessionCredentialStore("test"));

            WorkspaceException refused = assertThrows(WorkspaceException.class, () -> Workspace.open(
                    new WorkspaceLocation.Team(database.app()), CLOCK, new Operator("jane"), passwords));

            assertEquals("The team workspace at " + database.app().server() + " did not let the role '"
                    + database.app().user() + "' in (wrong password, or the server's pg_hba.conf does not allow it). Check"
                    + " the password in ~/.pgpass, PGPASSWORD or Settings → Workspace.", refused.getMessage());
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(wrong), t.toString());
            }
        }
    }

    @Test
    void aServerThatIsNotThereIsReportedWithinSecondsInPlainWords() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        PostgresAddress nowhere = new PostgresAddress("127.0.0.1", port, "tokenconsole", "support");
        PostgresPasswords passwords = new PostgresPasswords(Map.of("PGPASSWORD", "not-used"), java.nio.file.Path.of("/nowhere"),
                "Linux", new SessionCredentialStore("test"));
        long start = System.nanoTime();

        WorkspaceUnavailableException refused = assertThrows(WorkspaceUnavailableException.class,
                () -> Workspace.open(new WorkspaceLocation.Team(nowhere), CLOCK, new Operator("jane"), passwords));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals("The team workspace at 127.0.0.1:" + port + " cannot be reached (connection refused). Nothing was done.",
                refused.getMessage());
    }

    @Test
    void aReachableServerSaysSoAndTheWorkspaceNamesItsLocationAndOperator() {
        try (TestPostgres.Database database = TestPostgres.freshDatabase();
                Workspace workspace = Workspace.open(new WorkspaceChoice(new WorkspaceLocation.Team(database.app()),
                        WorkspaceChoice.Source.OPTION, java.util.Optional.empty()), CLOCK, database.appPasswords())) {
            workspace.checkReachable();
            assertTrue(workspace.isReachable());
            assertEquals("Team: " + database.app().shortForm(), workspace.location().describe());
            assertEquals(new Operator(database.app().user()), workspace.operator(), "no configured name: the database role");
            IllegalStateException noFile = assertThrows(IllegalStateException.class, workspace::databaseFile);
            assertTrue(noFile.getMessage().startsWith("A team workspace has no file on this computer"), noFile.getMessage());
        }
    }

    @Test
    void aWatchSaysWhenTheServerGoesAwayAndComesBackAndCatchesUp() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase();
                TcpRelay relay = new TcpRelay(database.app().port())) {
            PostgresAddress throughRelay = new PostgresAddress("127.0.0.1", relay.port(), database.name(), database.app().user());
            java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
            try (Workspace workspace = Workspace.open(new WorkspaceLocation.Team(throughRelay), CLOCK, new Operator("jane"),
                    database.appPasswords());
                    Workspace colleague = database.open(CLOCK, new Operator("bob"));
                    AutoCloseable watching = workspace.watch(new WorkspaceWatcher() {
                        @Override
                        public void auditAppended() {
                            heard.add("audit");
                        }

                        @Override
                        public void reachabilityChanged(boolean reachable, String plainWords) {
                            heard.add(reachable + ": " + plainWords);
                        }
                    })) {
                Thread.sleep(500);
                relay.cut();

                assertEquals("false: The team workspace at 127.0.0.1:" + relay.port() + " cannot be reached (the connection"
                        + " was lost).", heard.poll(5, TimeUnit.SECONDS));
                assertFalse(workspace.isReachable());
                WorkspaceUnavailableException refused = assertThrows(WorkspaceUnavailableException.class,
                        () -> workspace.audit().record(AuditEvent.ok(null, AuditAction.TOKEN_INSPECTED, null)));
                assertTrue(refused.getMessage().endsWith("cannot be reached (connection refused). Nothing was done."),
                        refused.getMessage());
                colleague.audit().record(AuditEvent.ok(null, AuditAction.TOKEN_INSPECTED, null).withDetail("while away"));

                relay.restore();

                assertEquals("true: The team workspace at 127.0.0.1:" + relay.port() + " answers again.",
                        heard.poll(5, TimeUnit.SECONDS));
                assertEquals("audit", heard.poll(2, TimeUnit.SECONDS), "what was written meanwhile is fetched");
                assertTrue(workspace.isReachable());
                workspace.audit().record(AuditEvent.ok(null, AuditAction.TOKEN_INSPECTED, null).withDetail("back"));
                assertEquals(List.of("back", "while away"), workspace.audit().find(AuditQuery.EVERYTHING).stream()
                        .map(AuditEntry::detail).toList());
            }
        }
    }

    /** docs/team-workspace.md: a group role holds the grants, each engineer signs in as a member of it. */
    @Test
    void theDocumentedSetupWithAGroupRoleAndARolePerEngineerWorks() throws Exception {
        try (TestPostgres.Database database = TestPostgres.emptyDatabase()) {
            String group = database.name() + "_team";
            String engineer = database.name() + "_jane";
            String password = UUID.randomUUID().toString();
            try (Connection admin = TestPostgres.admin("postgres"); Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + group + " NOLOGIN");
                statement.execute("CREATE ROLE " + engineer + " LOGIN PASSWORD '" + password + "' IN ROLE " + group);
            }
            try {
                try (Workspace first = Workspace.open(new WorkspaceLocation.Team(database.owner()), CLOCK,
                        new Operator("owner"), database.ownerPasswords());
                        Connection owner = database.connectAsOwner(); Statement statement = owner.createStatement()) {
                    for (String grant : PostgresGrants.forRole(group)) {
                        statement.execute(grant);
                    }
                }
                PostgresAddress jane = new PostgresAddress(database.owner().host(), database.owner().port(), database.name(),
                        engineer);
                PostgresPasswords janes = new PostgresPasswords(Map.of("PGPASSWORD", password), java.nio.file.Path.of("/nowhere"),
                        "Linux", new SessionCredentialStore("test"));
                WorkspaceChoice choice = WorkspaceChoice.resolve(java.util.Optional.of(jane.uri()), Map.of(),
                        new DataFolder(java.nio.file.Path.of("/nonexistent-data"), DataFolder.Source.DATA_DIR_OPTION));
                try (Workspace workspace = Workspace.open(choice, CLOCK, janes)) {
                    workspace.users().save(Environment.SANDBOX, UserDirectoryTest.JANE, UserDetails.label("Jane"),
                            UserOrigin.CREATED_HERE);
                    assertEquals(engineer, workspace.audit().find(AuditQuery.EVERYTHING).get(0).operator());
                }
                try (Connection asJane = TestPostgres.connect(jane, Secret.verbatim(password));
                        Statement statement = asJane.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class, () -> statement.execute("DELETE FROM audit_log"));
                    assertEquals("42501", refused.getSQLState());
                }
            } finally {
                try (Connection admin = TestPostgres.admin("postgres"); Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE " + database.name() + " WITH (FORCE)");
                    statement.execute("DROP ROLE " + engineer);
                    statement.execute("DROP ROLE " + group);
                }
            }
        }
    }

    /** UPDATE, DELETE and TRUNCATE of the audit log each fail at the server (42501) with this reason. */
    private static void assertEveryChangeRefused(Connection connection, String reason) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : List.of("UPDATE audit_log SET operator = 'someone else'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains(reason), sql + ": " + refused.getMessage());
            }
        }
    }

    private static List<String> operators(TestPostgres.Database database) throws SQLException {
        try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT operator FROM audit_log ORDER BY seq")) {
            List<String> operators = new ArrayList<>();
            while (rows.next()) {
                operators.add(rows.getString(1));
            }
            return operators;
        }
    }
}
