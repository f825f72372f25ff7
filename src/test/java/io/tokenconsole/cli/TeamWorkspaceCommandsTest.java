package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.SecretServiceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace commands against a team's real PostgreSQL (the test cluster, real JDBC): choosing it,
 * every command using it and saying so, the mistakes a person makes with it (a wrong password, a database
 * that is not there, a newer schema), its password in the OS credential store, and copying a personal
 * workspace into it. Skipped, saying how to run it, without the test cluster.
 */
@Timeout(120)
class TeamWorkspaceCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String OMAR = "0180a2b3-1111-4c4c-8d8d-000000000002";

    @TempDir
    Path home;

    private TestPostgres.Database database;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void teamDatabase() {
        database = TestPostgres.freshDatabase();
        env.put("TOKEN_CONSOLE_HOME", home.toString());
        env.put("PGPASSWORD", database.appPassword().reveal());
    }

    @AfterEach
    void handBack() {
        if (database != null) {
            database.close();
        }
    }

    private CommandRun run(String... args) {
        return CommandRun.of(env, args);
    }

    private String team() {
        return database.app().uri();
    }

    private String shortName() {
        return database.app().shortForm();
    }

    @Test
    void chosenOnceTheTeamWorkspaceIsWhereEveryCommandWorksAndWhatItNames() throws Exception {
        CommandRun use = run("workspace", "use", team());
        CommandRun save = run("users", "save", "--env", "sandbox", "--id", JANE, "--label", "Jane");
        CommandRun list = run("users", "list", "--env", "sandbox");
        CommandRun listJson = run("users", "list", "--env", "sandbox", "--json");
        CommandRun audit = run("audit", "--json");
        CommandRun show = run("workspace", "show");

        assertEquals(0, use.exitCode(), use.err());
        assertEquals("Now using Team: " + shortName() + " (reachable, schema " + Workspace.SCHEMA_VERSION + "). Saved in "
                + home.resolve("workspace.properties") + "; the window uses it from its next start.", use.out().strip());
        assertFalse(Files.readString(home.resolve("workspace.properties")).contains(database.appPassword().reveal()));
        assertEquals("Saved " + JANE + " in Sandbox (Jane), in the team workspace " + shortName() + "\n", save.out());
        assertTrue(list.out().strip().endsWith("Sandbox: 1–1, in the team workspace " + shortName()), list.out());
        assertEquals("Team: " + shortName(), JSON.readTree(listJson.out()).get("workspace").asText());
        JsonNode entries = JSON.readTree(audit.out());
        assertEquals("Team: " + shortName(), entries.get("workspace").asText());
        assertEquals(database.app().user(), entries.get("entries").get(0).get("operator").asText(),
                "the audit row names the database role");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains("Chosen by:   the saved choice ('workspace use', Settings → Workspace)\n"
                + "Status:      reachable, schema " + Workspace.SCHEMA_VERSION), show.out());
        assertTrue(show.out().contains("Password:    from $PGPASSWORD\n"), show.out());
        assertFalse(Files.exists(home.resolve("workspace.db")), "nothing was written on this computer");
        try (Workspace direct = database.open(Clock.systemUTC(), new Operator("check"))) {
            assertEquals("Jane", direct.users().find(Environment.SANDBOX, JANE).orElseThrow().label());
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndTheChoiceIsNotChanged() throws Exception {
        env.put("PGPASSWORD", "not-the-password");
        CommandRun list = run("users", "list", "--workspace", team());
        CommandRun use = run("workspace", "use", team());
        CommandRun show = run("workspace", "show", "--json", "--workspace", team());

        assertEquals(1, list.exitCode());
        assertEquals("token-console: The team workspace at " + database.app().server() + " did not let the role '"
                + database.app().user() + "' in (wrong password, or the server's pg_hba.conf does not allow it). Check the"
                + " password in ~/.pgpass, PGPASSWORD or Settings → Workspace.\n", list.err());
        assertEquals(1, use.exitCode());
        assertTrue(use.lastErrorLine().endsWith("The workspace choice was not changed."), use.err());
        assertFalse(Files.exists(home.resolve("workspace.properties")));
        JsonNode json = JSON.readTree(show.out());
        assertEquals(1, show.exitCode());
        assertTrue(json.get("reachable").asBoolean(), "reached, but not let in");
        assertFalse(json.get("usable").asBoolean());
        assertEquals("$PGPASSWORD", json.get("password_source").asText());
        for (CommandRun run : new CommandRun[] {list, use, show}) {
            assertFalse(run.err().contains("not-the-password") || run.out().contains("not-the-password"));
        }
    }

    @Test
    void aDatabaseThatIsNotThereIsNamed() {
        PostgresAddress missing = new PostgresAddress(database.app().host(), database.app().port(), "tc_not_there",
                database.app().user());
        CommandRun audit = run("audit", "--workspace", missing.uri());

        assertEquals(1, audit.exitCode());
        assertEquals("token-console: There is no database 'tc_not_there' on " + missing.server() + ". Check the address,"
                + " or ask whoever runs the server to create it (docs/team-workspace.md).\n", audit.err());
    }

    @Test
    void aTeamWorkspaceWithANewerSchemaIsRefusedAndShownAsSuch() throws Exception {
        database.dropWhenClosed();
        try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement()) {
            statement.execute("UPDATE schema_version SET version = 99");
        }
        CommandRun list = run("users", "list", "--workspace", team());
        CommandRun show = run("workspace", "show", "--json", "--workspace", team());
        CommandRun use = run("workspace", "use", team());

        assertEquals(1, list.exitCode());
        assertTrue(list.lastErrorLine().startsWith("token-console: This workspace was written by a newer Token Console"
                + " (schema 99; this version knows " + Workspace.SCHEMA_VERSION + ")."), list.err());
        assertEquals(99, JSON.readTree(show.out()).get("schema_version").asInt());
        assertEquals(1, show.exitCode());
        assertEquals(1, use.exitCode());
        assertFalse(Files.exists(home.resolve("workspace.properties")));
    }

    @Test
    void copyingThisComputersWorkspaceIntoTheTeamsTwiceCopiesOnce() throws Exception {
        assertEquals(0, run("users", "save", "--env", "sandbox", "--id", JANE, "--label", "Jane").exitCode());
        assertEquals(0, run("users", "save", "--env", "production", "--id", OMAR, "--note", "ticket 4711").exitCode());
        int localRows;
        try (Workspace local = Workspace.open(home.resolve("workspace.db"), Clock.systemUTC(), new Operator("check"))) {
            localRows = local.audit().find(AuditQuery.EVERYTHING).size();
        }

        CommandRun first = run("workspace", "copy", "--to", team());
        CommandRun second = run("workspace", "copy", "--to", team(), "--json");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals("Copied from This computer (" + home.resolve("workspace.db") + ") to Team: " + shortName() + ":\n"
                + "  saved users: 2 added, 0 updated, 0 already there\n"
                + "  audit rows:  " + localRows + " copied, 0 already there\n", first.out());
        JsonNode again = JSON.readTree(second.out());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(0, again.get("users").get("added").asInt());
        assertEquals(2, again.get("users").get("already_there").asInt());
        assertEquals(0, again.get("audit_rows").get("copied").asInt());
        assertEquals(localRows, again.get("audit_rows").get("already_there").asInt());
        try (Workspace direct = database.open(Clock.systemUTC(), new Operator("check"))) {
            assertEquals("ticket 4711", direct.users().find(Environment.PRODUCTION, OMAR).orElseThrow().note());
            // The copied rows, and the one row that says the copy happened.
            assertEquals(localRows + 1, direct.audit().find(AuditQuery.EVERYTHING).size());
        }
    }

    @Test
    void thePasswordGoesToTheKeyringOnlyWhenTheServerTakesIt(@TempDir Path keyringFolder) throws Exception {
        try (SecretServiceSession keyring = SecretServiceSession.start(keyringFolder)) {
            env.remove("PGPASSWORD");
            env.putAll(keyring.environment());
            CommandRun wrong = CommandRun.run("not-it\n", env, "workspace", "password", team(), "--password-stdin");
            CommandRun without = run("workspace", "show", "--workspace", team());
            CommandRun right = CommandRun.run(database.appPassword().reveal() + "\n", env, "workspace", "password",
                    team(), "--password-stdin");
            CommandRun with = run("workspace", "show", "--workspace", team());

            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.lastErrorLine().endsWith("Nothing was saved."), wrong.err());
            assertEquals(1, without.exitCode(), "no password anywhere: " + without.out());
            assertTrue(without.out().contains("Password:    none found"), without.out());
            assertEquals(0, right.exitCode(), right.err());
            assertTrue(right.out().startsWith("Saved the password of " + shortName() + " in the "), right.out());
            assertTrue(right.out().strip().endsWith("(the server accepted it)."), right.out());
            assertEquals(0, with.exitCode(), with.out() + with.err());
            assertTrue(with.out().contains("Status:      reachable"), with.out());
            assertTrue(with.out().contains("Password:    from the Secret Service keyring\n"), with.out());
            for (CommandRun run : new CommandRun[] {wrong, without, right, with}) {
                assertFalse(run.out().contains(database.appPassword().reveal()) || run.err().contains(database.appPassword().reveal()));
            }
        }
    }
}
