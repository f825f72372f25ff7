package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandsTest {

    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String OMAR = "0180a2b3-1111-4c4c-8d8d-000000000002";

    @TempDir
    Path dataDir;

    private Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private String stdin = "";

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        // --data-dir goes after the subcommand words, where the option belongs.
        int firstOption = 0;
        while (firstOption < all.size() && !all.get(firstOption).startsWith("-") && firstOption < 2
                && (firstOption == 0 || all.get(0).equals("users"))) {
            firstOption++;
        }
        all.addAll(firstOption, List.of("--data-dir", dataDir.toString()));
        CommandContext context = new CommandContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), clock);
        int code = TokenConsoleCommand.run(all.toArray(String[]::new), context);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aSavedUserIsListedInItsEnvironmentOnly() {
        Result saved = run("users", "save", "--env", "sandbox", "--id", JANE.toUpperCase(), "--label", "Jane Doe",
                "--external-id", "CRM-4711");
        Result sandbox = run("users", "list", "--env", "sandbox");
        Result production = run("users", "list", "--env", "production");

        assertEquals(0, saved.code(), saved.err());
        assertEquals("Saved " + JANE + " in Sandbox (Jane Doe)\n", saved.out());
        assertEquals(0, sandbox.code());
        String[] lines = sandbox.out().split("\n");
        assertTrue(lines[0].startsWith("ID                                    LABEL     EXTERNAL ID  CREATED (UTC)"), sandbox.out());
        assertTrue(lines[1].startsWith(JANE + "  Jane Doe  CRM-4711     2026-11-25 10:00"), sandbox.out());
        assertEquals("No users saved for Production.\n", production.out());
    }

    @Test
    void savingTheSameIdAgainKeepsOneUser() {
        run("users", "save", "--env", "sandbox", "--id", JANE, "--label", "Jane");
        Result again = run("users", "save", "--env", "sandbox", "--id", JANE, "--note", "called back");
        JsonNode list = json(run("users", "list", "--env", "sandbox", "--json").out());

        assertTrue(again.out().startsWith("Already saved"), again.out());
        assertEquals(1, list.get("users").size());
        assertEquals("Jane", list.get("users").get(0).get("label").asText());
        assertEquals("called back", list.get("users").get(0).get("note").asText());
    }

    @Test
    void searchAndPagingWorkFromTheCommandLine() {
        for (int i = 0; i < 5; i++) {
            run("users", "save", "--env", "local", "--id", String.format("00000000-0000-4000-8000-%012d", i),
                    "--label", i % 2 == 0 ? "payroll case " + i : "other " + i);
            clock = Clock.offset(clock, Duration.ofMinutes(1));
        }
        JsonNode payroll = json(run("users", "list", "--env", "local", "--search", "PAYROLL", "--json").out());
        Result firstPage = run("users", "list", "--env", "local", "--limit", "2");

        assertEquals(3, payroll.get("users").size());
        assertEquals("payroll case 4", payroll.get("users").get(0).get("label").asText());
        assertTrue(firstPage.out().endsWith("Local sandbox: 1–2; more with --offset 2\n"), firstPage.out());
    }

    @Test
    void aWrongEnvironmentIsAUsageErrorAndABadIdAnExplainedFailure() {
        Result wrongEnvironment = run("users", "list", "--env", "staging");
        Result badId = run("users", "save", "--env", "sandbox", "--id", "jane@example.com");

        assertEquals(2, wrongEnvironment.code());
        assertTrue(wrongEnvironment.err().contains("'staging' is not an environment; use one of: local, sandbox, production"));
        assertEquals(1, badId.code());
        assertEquals(1, badId.err().lines().count(), "one line, no stack trace: " + badId.err());
        assertTrue(badId.err().startsWith("token-console: 'jane@example.com' is not an Argyle user id"), badId.err());
    }

    @Test
    void forgettingAUserThatIsNotSavedSaysSo() {
        run("users", "save", "--env", "sandbox", "--id", JANE);
        Result forgot = run("users", "forget", "--env", "sandbox", "--id", JANE);
        Result again = run("users", "forget", "--env", "sandbox", "--id", JANE);

        assertEquals(0, forgot.code());
        assertEquals(1, again.code());
        assertEquals("token-console: " + JANE + " is not saved for Sandbox\n", again.err());
    }

    @Test
    void anExportImportsIntoAnotherDataFolder(@TempDir Path colleague) throws Exception {
        run("users", "save", "--env", "sandbox", "--id", JANE, "--label", "=Jane, the \"first\"");
        run("users", "save", "--env", "production", "--id", OMAR, "--note", "two\nlines");
        Path file = colleague.resolve("team.csv");

        Result exported = run("users", "export", file.toString());
        Path mine = dataDir;
        dataDir = colleague.resolve("data");
        Result imported = run("users", "import", file.toString());
        JsonNode sandbox = json(run("users", "list", "--env", "sandbox", "--json").out());
        dataDir = mine;

        assertEquals(0, exported.code(), exported.err());
        assertTrue(Files.readString(file).contains("\"'=Jane, the \"\"first\"\"\""), Files.readString(file));
        assertEquals(0, imported.code(), imported.err());
        assertEquals("Imported 2 new, 0 already saved\n", imported.out());
        assertEquals("=Jane, the \"first\"", sandbox.get("users").get(0).get("label").asText());
        assertEquals("IMPORTED", sandbox.get("users").get(0).get("origin").asText());
    }

    @Test
    void anImportWithBadRowsKeepsTheGoodOnesListsTheBadOnesAndExitsOne() {
        stdin = "[\n {\"environment\": \"sandbox\", \"id\": \"" + JANE + "\"},\n {\"environment\": \"moon\", \"id\": \""
                + OMAR + "\"}\n]\n";
        Result imported = run("users", "import", "-", "--format", "json");

        assertEquals(1, imported.code());
        assertEquals("Imported 1 new, 0 already saved, 1 rejected:\n"
                + "  line 3: unknown environment 'moon' (local, sandbox or production)\n", imported.out());
        assertEquals(1, json(run("users", "list", "--env", "sandbox", "--json").out()).get("users").size());
    }

    @Test
    void aFileWhoseFormatCannotBeToldIsAUsageError() {
        Result result = run("users", "export", dataDir.resolve("users.txt").toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("name it .csv or .json, or pass --format"), result.err());
    }

    @Test
    void theAuditLogShowsWhatWasDoneAndFiltersIt() {
        run("users", "save", "--env", "sandbox", "--id", JANE);
        clock = Clock.offset(clock, Duration.ofHours(2));
        run("users", "save", "--env", "production", "--id", OMAR);
        run("users", "forget", "--env", "production", "--id", OMAR);

        Result recent = run("audit", "--since", "1h");
        Result sandboxOnly = run("audit", "--env", "sandbox", "--json");
        Result forgotten = run("audit", "--action", "USER_FORGOTTEN", "--user", OMAR.toUpperCase(), "--csv");
        Result byDate = run("audit", "--since", "2026-11-25", "--until", "2026-11-25T11:00:00Z");

        assertEquals(0, recent.code(), recent.err());
        assertEquals(3, recent.out().lines().count(), "header and the two production rows:\n" + recent.out());
        assertTrue(recent.out().lines().skip(1).allMatch(line -> line.contains("production")), recent.out());
        JsonNode entries = json(sandboxOnly.out()).get("entries");
        assertEquals(1, entries.size());
        assertEquals("user-saved", entries.get(0).get("action").asText());
        assertEquals("2026-11-25T10:00:00Z", entries.get(0).get("at").asText());
        List<String> csv = forgotten.out().lines().toList();
        assertEquals(2, csv.size(), forgotten.out());
        assertTrue(csv.get(1).startsWith("2026-11-25T12:00:00Z,"), forgotten.out());
        assertTrue(csv.get(1).contains(",production,user-forgotten," + OMAR + ","), forgotten.out());
        assertEquals(2, byDate.out().lines().count(), byDate.out());
    }

    @Test
    void aTimeTheAuditCannotReadIsAUsageError() {
        Result result = run("audit", "--since", "last tuesday");
        assertEquals(2, result.code());
        assertTrue(result.err().contains("--since 'last tuesday' is not a time"), result.err());
    }

    @Test
    void aWorkspaceFromANewerConsoleIsRefusedInOneLine() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("workspace.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 7");
            statement.execute("CREATE TABLE t (x)");
        }
        Result result = run("users", "list");

        assertEquals(1, result.code());
        assertEquals("token-console: This workspace was written by a newer Token Console (schema 7; this version knows "
                + io.tokenconsole.store.Workspace.SCHEMA_VERSION + ")."
                + " Update Token Console or point --data-dir elsewhere.\n", result.err());
    }

    @Test
    void tokenConsoleHomeChoosesTheDataFolderWhenNoDataDirIsGiven(@TempDir Path home) {
        StringWriter out = new StringWriter();
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), Map.of("TOKEN_CONSOLE_HOME", home.toString()), clock);

        int code = TokenConsoleCommand.run(new String[] {"users", "save", "--env", "local", "--id", JANE}, context);

        assertEquals(0, code);
        assertTrue(Files.exists(home.resolve("workspace.db")));
        assertFalse(Files.exists(dataDir.resolve("workspace.db")));
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
