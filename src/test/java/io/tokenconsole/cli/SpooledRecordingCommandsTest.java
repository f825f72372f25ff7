package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.testing.TcpRelay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team workspace going away while a command's API call is on its way — the real test PostgreSQL
 * behind a relay the test cuts (so the shared cluster keeps running for everyone else): the command
 * still hands over what Argyle answered, says the audit row waits on this computer, and the next
 * command writes it, once. The spool holds no token and no secret.
 */
@Timeout(120)
class SpooledRecordingCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestPostgres.Database database;
    private TcpRelay relay;
    private LocalSandbox sandbox;
    private final String secret = "s3cret-" + UUID.randomUUID();
    private final Map<String, String> env = new HashMap<>();
    private String team;

    @BeforeEach
    void teamBehindARelay() throws Exception {
        database = TestPostgres.freshDatabase();
        relay = new TcpRelay(database.app().port());
        team = new PostgresAddress("127.0.0.1", relay.port(), database.app().database(), database.app().user()).uri();
        sandbox = Sandboxes.start(EmulatorConfig.defaults().withApiKey(new ApiKey("support", secret)));
        env.put("TOKEN_CONSOLE_HOME", home.toString());
        env.put("TOKEN_CONSOLE_WORKSPACE", team);
        env.put("PGPASSWORD", database.appPassword().reveal());
        env.put("ARGYLE_API_KEY_ID", "support");
        env.put("ARGYLE_API_KEY_SECRET", secret);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private CommandRun run(String... args) {
        return CommandRun.of(env, args);
    }

    private String[] api(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "sandbox", "--base-url", sandbox.baseUrl().toString()));
        return all.toArray(String[]::new);
    }

    /** Runs a command whose API call is slowed down, and cuts the relay while the call is on its way. */
    private CommandRun cutWhileCalling(String route, String... args) throws Exception {
        sandbox.setFaults(FaultPlan.NONE.withLatency(Duration.ofMillis(1500)));
        long before = sandbox.requestCount(route);
        CompletableFuture<CommandRun> running = CompletableFuture.supplyAsync(() -> run(args));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sandbox.requestCount(route) == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        relay.cut();
        CommandRun result = running.get(60, TimeUnit.SECONDS);
        sandbox.clearFaults();
        return result;
    }

    @Test
    void anActionWhoseWorkspaceWentAwayKeepsItsRowHereWithoutTheTokenAndTheNextCommandWritesItOnce() throws Exception {
        CommandRun created = cutWhileCalling("POST /v2/users", api("users", "create", "--external-id", "ticket-4711"));
        String id = created.out().lines().filter(line -> line.startsWith("id: ")).findFirst().orElseThrow().substring(4);
        String token = created.out().lines().filter(line -> line.startsWith("user_token: ")).findFirst().orElseThrow()
                .substring("user_token: ".length());

        assertEquals(0, created.exitCode(), "Argyle did create the user: " + created.err());
        assertEquals("Created user " + id + " in Sandbox; saved in the team workspace " + PostgresAddress.parse(team).shortForm()
                + ".", created.out().lines().findFirst().orElseThrow(), "the id and token are handed over all the same");
        assertEquals("Argyle created the user " + id + "; the team workspace is unreachable, so the audit row waits on"
                + " this computer and is written when the server is back.", created.err().strip());
        Path spool = home.resolve(AuditSpool.FOLDER);
        assertEquals(1, countLines(spool));
        assertNoTokenNorSecretIn(home, token);

        CommandRun refused = run(api("tokens", "issue", "--user", id));
        assertEquals(1, refused.exitCode(), "while away, a new action is refused before it starts");
        assertTrue(refused.lastErrorLine().contains("cannot be reached"), refused.err());
        assertEquals(0, sandbox.requestCount("POST /v2/user-tokens"), "the API was not called");
        JsonNode show = JSON.readTree(run("workspace", "show", "--json").out());
        assertFalse(show.get("reachable").asBoolean());
        assertEquals(1, show.get("waiting_audit_rows").asInt(), show.toString());

        relay.restore();
        CommandRun back = run("audit", "--json");
        CommandRun again = run("audit", "--json");

        assertEquals(0, back.exitCode(), back.err());
        assertEquals("1 audit row that waited on this computer is now in the workspace Team: "
                + PostgresAddress.parse(team).shortForm() + ".", back.err().strip());
        assertEquals("", again.err(), "nothing waits any more");
        assertEquals(0, countLines(spool));
        JsonNode entries = JSON.readTree(again.out()).get("entries");
        assertEquals(1, entries.size(), again.out());
        assertEquals("user-created", entries.get(0).get("action").asText());
        assertEquals(id, entries.get(0).get("user_id").asText());
        try (Workspace direct = database.open(Clock.systemUTC(), new Operator("check"))) {
            assertEquals("ticket-4711", direct.users().find(Environment.SANDBOX, id).orElseThrow().externalId());
            List<AuditEntry> rows = direct.audit().find(AuditQuery.EVERYTHING.action(AuditAction.USER_CREATED));
            assertEquals(1, rows.size());
            assertEquals(tokenJti(token), rows.get(0).token().jti());
        }
    }

    /** The check of FullSessionLeavesNoSecretTest, on this data folder: the whole token, its payload, its signature. */
    private void assertNoTokenNorSecretIn(Path folder, String token) throws Exception {
        List<String> secrets = List.of(secret, token, token.split("\\.")[1], token.split("\\.")[2]);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String value : secrets) {
                    assertFalse(content.contains(value), "a token or the secret is in " + file);
                }
            }
        }
        try (Stream<Path> files = Files.list(folder.resolve(AuditSpool.FOLDER))) {
            String line = Files.readString(files.filter(file -> file.toString().endsWith(".jsonl")).findFirst().orElseThrow());
            assertTrue(line.contains("\"token_jti\":\"" + tokenJti(token) + "\""), "the token's jti, as an audit row holds it: " + line);
        }
    }

    private static long countLines(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            long lines = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                lines += Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
            }
            return lines;
        }
    }

    private static String tokenJti(String token) throws Exception {
        JsonNode payload = JSON.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.get("jti").asText();
    }
}
