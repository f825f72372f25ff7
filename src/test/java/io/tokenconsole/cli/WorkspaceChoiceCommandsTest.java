package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --workspace}, {@code $TOKEN_CONSOLE_WORKSPACE} and {@code workspace show / use / password / copy}
 * where no PostgreSQL is needed: the workspace on this computer (SQLite), and team addresses that are
 * wrong or whose server is not there (a closed port on 127.0.0.1). The team's own server is in
 * {@code TeamWorkspaceCommandsTest}.
 */
class WorkspaceChoiceCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private CommandRun run(String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TOKEN_CONSOLE_HOME", home.toString());
        return CommandRun.of(all, args);
    }

    /** A port on 127.0.0.1 nobody listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutRepeatingItWhereverItIsWritten() {
        String address = "postgresql://support:hunter2-Pa55@127.0.0.1:5432/tokenconsole";
        CommandRun option = run("users", "list", "--workspace", address);
        env.put("TOKEN_CONSOLE_WORKSPACE", address);
        CommandRun variable = run("audit");
        CommandRun use = run("workspace", "use", address);

        assertEquals(2, option.exitCode(), "a usage error: " + option.err());
        assertTrue(option.err().contains("Leave the password out of the address: write"
                + " postgresql://support@127.0.0.1:5432/tokenconsole"), option.err());
        assertEquals(1, variable.exitCode(), "not a usage error: nothing on this command line is wrong");
        assertTrue(variable.lastErrorLine().startsWith("token-console: The workspace in TOKEN_CONSOLE_WORKSPACE is not usable."
                + " Leave the password out"), variable.err());
        assertEquals(2, use.exitCode());
        for (CommandRun run : List.of(option, variable, use)) {
            assertFalse(run.err().contains("hunter2") || run.out().contains("hunter2"), run.err());
        }
        assertFalse(Files.exists(home.resolve("workspace.properties")), "nothing saved");
    }

    @Test
    void aMalformedAddressSaysWhatToWriteInstead() {
        CommandRun scheme = run("users", "list", "--workspace", "mysql://support@db/tokenconsole");
        CommandRun noUser = run("audit", "--workspace", "postgresql://db.example.com/tokenconsole");
        CommandRun noDatabase = run("workspace", "show", "--workspace", "postgresql://support@db.example.com:5432");
        CommandRun badPort = run("workspace", "use", "postgresql://support@db.example.com:99999/tokenconsole");

        assertEquals(List.of(2, 2, 2, 2), List.of(scheme.exitCode(), noUser.exitCode(), noDatabase.exitCode(), badPort.exitCode()));
        assertTrue(scheme.err().contains("starts with postgresql:// (this one has 'mysql:')"), scheme.err());
        assertTrue(noUser.err().contains("Name the database user before the server: postgresql://USER@db.example.com/tokenconsole"),
                noUser.err());
        assertTrue(noDatabase.err().contains("Name the database after the server"), noDatabase.err());
        assertTrue(badPort.err().contains("a number from 1 to 65535, not '99999'"), badPort.err());
    }

    @Test
    void aServerThatRefusesIsNamedWithinSecondsAndTheApiIsNeverCalled() throws Exception {
        String address = "postgresql://support@127.0.0.1:" + closedPort() + "/tokenconsole";
        try (LocalSandbox sandbox = Sandboxes.start()) {
            Instant start = Instant.now();
            CommandRun create = run("users", "create", "--workspace", address, "--base-url", sandbox.baseUrl().toString(),
                    "--api-key-id", sandbox.apiKey().id(), "--api-key-secret", sandbox.apiKey().secret());
            Duration took = Duration.between(start, Instant.now());

            assertEquals(1, create.exitCode());
            assertTrue(create.lastErrorLine().matches("token-console: The team workspace at 127\\.0\\.0\\.1:\\d+ cannot be"
                    + " reached \\(connection refused\\)\\. Nothing was done\\."), create.err());
            assertEquals(1, create.err().lines().count(), "one line, no stack trace: " + create.err());
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
            assertEquals(0, sandbox.requestCounts().values().stream().mapToLong(Long::longValue).sum(),
                    "no API request: " + sandbox.requestCounts());
            assertEquals(0, sandbox.userCount());
        }
    }

    @Test
    void anUnknownServerIsSaidInPlainWords() throws Exception {
        // A real process that resolves names from a file holding only localhost: no name leaves this machine.
        Path hosts = Files.writeString(home.resolve("hosts"), "127.0.0.1 localhost\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-Djdk.net.hosts.file=" + hosts,
                "-cp", System.getProperty("java.class.path"), "io.tokenconsole.Launcher",
                "workspace", "show", "--workspace", "postgresql://support@db.nowhere.example/tokenconsole");
        builder.environment().put("TOKEN_CONSOLE_HOME", home.toString());
        builder.environment().remove("TOKEN_CONSOLE_WORKSPACE");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), out + err);
        assertTrue(out.contains("Status:      cannot be used: The team workspace at db.nowhere.example:5432 cannot be"
                + " reached (no server of that name)."), out + err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void useSavesTheChoiceOnlyWhenTheWorkspaceCanBeOpened() throws Exception {
        CommandRun before = run("workspace", "show");
        CommandRun local = run("workspace", "use", "local", "--operator", "Omar (support)");
        CommandRun saved = run("workspace", "show", "--json");
        String unreachable = "postgresql://support@127.0.0.1:" + closedPort() + "/tokenconsole";
        CommandRun away = run("workspace", "use", unreachable);
        String file = Files.readString(home.resolve("workspace.properties"));

        assertEquals(0, before.exitCode(), before.err());
        assertTrue(before.out().startsWith("Workspace:   This computer (" + home.resolve("workspace.db") + ")\n"
                + "Chosen by:   default (nothing chosen)\n"
                + "Status:      schema " + Workspace.SCHEMA_VERSION + " (this version writes " + Workspace.SCHEMA_VERSION + ")\n"), before.out());
        assertEquals(0, local.exitCode(), local.err());
        assertEquals("Now using This computer (" + home.resolve("workspace.db") + "). Saved in "
                + home.resolve("workspace.properties") + "; the window uses it from its next start.", local.out().strip());
        JsonNode json = JSON.readTree(saved.out());
        assertEquals("workspace.properties", json.get("chosen_by").asText());
        assertEquals("Omar (support)", json.get("operator").asText());
        assertEquals("this-computer", json.get("location").asText());

        assertEquals(1, away.exitCode());
        assertTrue(away.lastErrorLine().endsWith("cannot be reached (connection refused). The workspace choice was not changed."),
                away.err());
        assertTrue(file.contains("location=this-computer") && !file.contains("127.0.0.1"), file);
    }

    @Test
    void theOptionWinsOverTheVariableWhichWinsOverTheSavedChoice() throws Exception {
        assertEquals(0, run("workspace", "use", "local").exitCode());
        env.put("TOKEN_CONSOLE_WORKSPACE", "postgresql://support@127.0.0.1:" + closedPort() + "/tokenconsole");

        CommandRun variable = run("workspace", "show", "--json");
        CommandRun option = run("workspace", "show", "--json", "--workspace", "local");
        CommandRun saveUser = run("users", "save", "--env", "sandbox", "--id", "018051aa-f7a9-a0db-2f38-6cfa325e9d69");

        JsonNode fromVariable = JSON.readTree(variable.out());
        assertEquals(1, variable.exitCode());
        assertEquals("$TOKEN_CONSOLE_WORKSPACE", fromVariable.get("chosen_by").asText());
        assertEquals("team", fromVariable.get("kind").asText());
        assertFalse(fromVariable.get("reachable").asBoolean());
        assertTrue(fromVariable.get("problem").asText().contains("connection refused"), variable.out());
        assertTrue(fromVariable.get("schema_version").isNull());
        JsonNode fromOption = JSON.readTree(option.out());
        assertEquals(0, option.exitCode(), option.err());
        assertEquals("--workspace", fromOption.get("chosen_by").asText());
        assertEquals(Workspace.SCHEMA_VERSION, fromOption.get("schema_version").asInt());
        assertEquals(1, saveUser.exitCode(), "the variable's workspace is used, and it is away");
        assertTrue(saveUser.lastErrorLine().contains("cannot be reached"), saveUser.err());
    }

    @Test
    void aNewerWorkspaceIsShownAsSuchAndCannotBeChosen() throws Exception {
        writtenByANewerConsole(home, 99);
        CommandRun show = run("workspace", "show", "--json");
        CommandRun use = run("workspace", "use", "local");

        JsonNode json = JSON.readTree(show.out());
        assertEquals(1, show.exitCode());
        assertEquals(99, json.get("schema_version").asInt());
        assertFalse(json.get("usable").asBoolean());
        assertTrue(json.get("problem").asText().startsWith("This workspace was written by a newer Token Console (schema 99"),
                show.out());
        assertEquals(1, use.exitCode());
        assertTrue(use.lastErrorLine().endsWith("The workspace choice was not changed."), use.err());
        assertFalse(Files.exists(home.resolve("workspace.properties")));
    }

    @Test
    void aPasswordNeedsATeamWorkspaceAndAStoreToKeepIt() throws Exception {
        CommandRun local = CommandRun.run("secret\n", Map.of("TOKEN_CONSOLE_HOME", home.toString()),
                "workspace", "password", "--password-stdin");
        CommandRun noStore = CommandRun.run("secret\n", Map.of("TOKEN_CONSOLE_HOME", home.toString()),
                "workspace", "password", "postgresql://support@127.0.0.1:" + closedPort() + "/tokenconsole", "--password-stdin");
        CommandRun withPassword = CommandRun.run("", Map.of("TOKEN_CONSOLE_HOME", home.toString()),
                "workspace", "password", "postgresql://support:secret@127.0.0.1/tokenconsole");

        assertEquals(1, local.exitCode());
        assertTrue(local.lastErrorLine().contains("The workspace in use is on this computer and has no password."), local.err());
        assertEquals(1, noStore.exitCode());
        assertTrue(noStore.lastErrorLine().contains("No OS credential store answered") && noStore.lastErrorLine()
                .contains("Put it in ~/.pgpass instead (127.0.0.1:"), noStore.err());
        assertEquals(2, withPassword.exitCode());
        assertFalse(withPassword.err().contains("secret@"), withPassword.err());
    }

    @Test
    void aWorkspaceIsNotCopiedIntoItselfAndATargetThatIsAwayChangesNothing() throws Exception {
        assertEquals(0, run("users", "save", "--env", "sandbox", "--id", "018051aa-f7a9-a0db-2f38-6cfa325e9d69").exitCode());
        CommandRun itself = run("workspace", "copy", "--to", "local");
        CommandRun away = run("workspace", "copy", "--to", "postgresql://support@127.0.0.1:" + closedPort() + "/tokenconsole");

        assertEquals(2, itself.exitCode());
        assertTrue(itself.err().contains("a workspace is not copied into itself"), itself.err());
        assertEquals(1, away.exitCode());
        assertTrue(away.lastErrorLine().contains("cannot be reached (connection refused)"), away.err());
        assertEquals("", away.out());
    }

    @Test
    void everyCommandThatOpensTheWorkspaceTakesTheOption() {
        List<String> missing = new ArrayList<>();
        for (String[] command : new String[][] {{"users", "create"}, {"users", "list"}, {"users", "save"},
            {"users", "forget"}, {"users", "import"}, {"users", "export"}, {"tokens", "issue"}, {"link"}, {"audit"},
            {"keys", "set"}, {"keys", "show"}, {"keys", "forget"}, {"workspace", "show"}, {"workspace", "copy"},
            {"workspace", "password"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add("--help");
            CommandRun help = run(args.toArray(String[]::new));
            if (!help.out().contains("--workspace=URL|local")) {
                missing.add(String.join(" ", command));
            }
        }
        assertEquals(List.of(), missing);
    }

    /** A workspace on this computer as a console with a newer schema left it. */
    static void writtenByANewerConsole(Path dataDir, int schema) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("workspace.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + schema);
            statement.execute("CREATE TABLE t (x)");
        }
    }
}
