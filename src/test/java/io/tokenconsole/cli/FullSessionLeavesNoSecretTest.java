package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.ui.BackendInspection;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import io.tokenconsole.testing.SecretServiceSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support engineer's whole scripted session — create users, issue tokens, fail a few times,
 * change settings, inspect — and then every file in the data folder, the log file and everything
 * printed to standard error is searched: neither the API secret nor any issued token may appear
 * (nor the secret on standard output). Once with the key in environment variables, once with it set up
 * by {@code keys set} in a real keyring (gnome-keyring in its own session bus).
 */
class FullSessionLeavesNoSecretTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    private final List<String> stderr = new ArrayList<>();
    private final List<String> stdout = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    @Test
    void neitherTheSecretNorAnyTokenIsLeftOnDiskInLogsOrInErrors() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("ARGYLE_API_KEY_ID", "support");
        env.put("ARGYLE_API_KEY_SECRET", secret);
        fullSession(secret, env);
    }

    /** The same session with the key set up by {@code keys set} in a real keyring, and no key variables at all. */
    @Test
    @Timeout(180)
    void withTheRealKeyringTheSecretIsInTheKeyringAndNowhereElse(@TempDir Path keyringFolder) throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        try (SecretServiceSession keyring = SecretServiceSession.start(keyringFolder)) {
            Map<String, String> env = new HashMap<>(keyring.environment());
            env.put("TOKEN_CONSOLE_HOME", dataDir.toString());
            CommandRun set = CommandRun.run(secret + "\n", env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                    "--secret-stdin");
            stderr.add(set.err());
            stdout.add(set.out());
            assertEquals(0, set.exitCode(), set.err());

            fullSession(secret, env);

            assertEquals(java.util.Optional.of(secret), keyring.lookup("sandbox"), "the secret is in the keyring");
        }
    }

    private void fullSession(String secret, Map<String, String> env) throws Exception {
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        FileHandler log = new FileHandler(logDir.resolve("console.log").toString());
        log.setFormatter(new SimpleFormatter());
        log.setLevel(Level.ALL);
        root.addHandler(log);
        root.setLevel(Level.ALL);
        try (LocalSandbox sandbox = Sandboxes.start(EmulatorConfig.defaults().withApiKey(new ApiKey("support", secret)))) {
            env.put("TOKEN_CONSOLE_HOME", dataDir.toString());
            String[] target = {"--env", "sandbox", "--base-url", sandbox.baseUrl().toString()};

            String userId = null;
            for (int i = 0; i < 3; i++) {
                CommandRun created = run(env, concat(new String[] {"users", "create", "--json", "--external-id", "t-" + i}, target));
                assertEquals(0, created.exitCode(), created.err());
                userId = JSON.readTree(created.out()).get("id").asText();
                tokens.add(JSON.readTree(created.out()).get("user_token").asText());
                CommandRun issued = run(env, concat(new String[] {"tokens", "issue", "--user", userId}, target));
                assertEquals(0, issued.exitCode(), issued.err());
                tokens.add(issued.out().strip());
            }
            // Failures a person causes: an unknown user, a wrong secret, production without confirmation.
            assertEquals(1, run(env, concat(new String[] {"tokens", "issue", "--user", UUID.randomUUID().toString()}, target)).exitCode());
            Map<String, String> wrongKey = new HashMap<>(env);
            wrongKey.put("ARGYLE_API_KEY_ID", "support");
            wrongKey.put("ARGYLE_API_KEY_SECRET", secret + "-wrong");
            assertEquals(1, run(wrongKey, concat(new String[] {"tokens", "issue", "--user", userId}, target)).exitCode());
            assertEquals(1, run(env, "tokens", "issue", "--env", "production", "--user", userId).exitCode());
            assertEquals(0, run(env, concat(new String[] {"users", "list", "--remote"}, target)).exitCode());
            assertEquals(0, run(env, "users", "list", "--env", "sandbox").exitCode());
            for (String token : tokens) {
                assertEquals(0, CommandRun.run(token, env, "inspect", "-", "--json").exitCode());
            }

            try (Workspace workspace = Workspace.open(DataFolder.resolve(java.util.Optional.of(dataDir), "Linux", env,
                    dataDir), Clock.systemUTC(), Operator.fromSystem())) {
                workspace.settings().setApiKeyId(Environment.SANDBOX, "support");
                workspace.settings().setExpectedClientId(Environment.SANDBOX, "support");
                workspace.settings().setTheme("dark");
                workspace.users().save(Environment.SANDBOX, userId,
                        new io.tokenconsole.store.UserDetails("pasted " + tokens.get(0), "note " + tokens.get(1), null),
                        io.tokenconsole.store.UserOrigin.IMPORTED);
            }
            // The window's path: a pasted token is audited by its jti.
            try (ConsoleBackend window = ConsoleBackend.start(new DataFolder(dataDir, DataFolder.Source.DATA_DIR_OPTION),
                    Clock.systemUTC(), Map.of(), step -> { })) {
                BackendInspection inspectionLog = new BackendInspection(BackendStartup.ready(window),
                        QueuedBackgroundWork.immediate(), () -> { });
                for (String token : tokens) {
                    inspectionLog.tokenInspected(Environment.SANDBOX,
                            assertInstanceOf(Inspection.Decoded.class,
                                    new TokenInspector().inspect(token, InspectionContext.at(Instant.now()))).report());
                }
            }
        } finally {
            root.removeHandler(log);
            log.close();
            root.setLevel(before);
        }

        assertEquals(6, tokens.size());
        List<String> secrets = new ArrayList<>(List.of(secret));
        for (String token : tokens) {
            secrets.add(token);
            // The payload or the signature alone would be a leak too.
            secrets.add(token.split("\\.")[1]);
            secrets.add(token.split("\\.")[2]);
        }
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(dataDir, logDir)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("workspace.db")));
        for (Path file : files) {
            String content = read(file);
            for (String value : secrets) {
                assertFalse(content.contains(value), "found a secret or a token in " + file);
            }
        }
        for (String printed : stderr) {
            for (String value : secrets) {
                assertFalse(printed.contains(value), "a secret or token was printed to stderr: " + printed);
            }
        }
        for (String printed : stdout) {
            // Tokens are what some commands print; the API secret never is.
            assertFalse(printed.contains(secret), "the secret was printed: " + printed);
        }
    }

    private CommandRun run(Map<String, String> env, String... args) {
        CommandRun result = CommandRun.of(env, args);
        stderr.add(result.err());
        stdout.add(result.out());
        return result;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String read(Path file) throws IOException {
        // ISO-8859-1 keeps every byte, so a secret in any corner of a binary file is still found.
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
