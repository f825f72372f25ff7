package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.testing.SecretServiceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys set / show / forget} and the API commands against a real Secret Service: gnome-keyring
 * in its own {@code dbus-run-session}, checked from outside with {@code secret-tool}. No
 * {@code ARGYLE_API_KEY_*} variable is set anywhere here.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeysOnTheRealKeyringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;

    /** One keyring for the tests that leave it working; the lock and disappearance tests start their own. */
    private SecretServiceSession shared;
    private SecretServiceSession keyring;
    private Map<String, String> env;
    private final String secret = "sk-sandbox-" + UUID.randomUUID();

    @BeforeAll
    void startKeyring(@TempDir Path keyringFolder) throws Exception {
        shared = SecretServiceSession.start(keyringFolder);
    }

    @BeforeEach
    void freshWorkspace(@TempDir Path dataDir) {
        use(shared, dataDir);
    }

    @AfterEach
    void emptyTheKeyring() {
        if (keyring == shared) {
            shared.deleteFromOutside("sandbox");
            shared.deleteFromOutside("production");
        } else {
            keyring.close();
        }
    }

    @AfterAll
    void stopKeyring() {
        if (shared != null) {
            shared.close();
        }
    }

    private void use(SecretServiceSession session, Path workspace) {
        keyring = session;
        dataDir = workspace;
        env = new HashMap<>(session.environment());
        env.put("TOKEN_CONSOLE_HOME", workspace.toString());
    }

    @Test
    void keysSetPutsTheSecretWhereSecretToolFindsItUnderAClearLabelAndShowNeverPrintsIt() throws Exception {
        CommandRun set = CommandRun.run(secret + "\n", env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                "--secret-stdin");

        assertEquals(0, set.exitCode(), set.err());
        assertEquals("Saved the sandbox API key support: the secret is in the Secret Service keyring as"
                + " \"Token Console — sandbox API key\", the key id in the workspace.", set.out().strip());
        assertEquals(Optional.of(secret), keyring.lookup("sandbox"), "secret-tool finds the secret, without its newline");
        String item = keyring.describe("sandbox");
        assertTrue(item.contains("label = Token Console — sandbox API key"), item);
        assertTrue(item.contains("attribute.environment = sandbox"), item);
        assertTrue(item.contains("attribute.key_id = support"), item);

        CommandRun show = CommandRun.run("", env, "keys", "show");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals("""
                sandbox: key id support
                  A secret is saved in the Secret Service keyring as "Token Console — sandbox API key".
                production: key id (none)
                  No secret saved.""", show.out().strip());
        assertNoSecretIn(set, show);
        assertNoSecretOnDisk();
    }

    @Test
    void settingTheKeyAgainReplacesTheItemRatherThanAddingOne() {
        assertEquals(0, CommandRun.run("old-secret\n", env, "keys", "set", "--env", "production", "--api-key-id", "k1",
                "--secret-stdin").exitCode());
        CommandRun again = CommandRun.run(secret, env, "keys", "set", "--env", "production", "--api-key-id", "k2",
                "--secret-stdin");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals(Optional.of(secret), keyring.lookup("production"));
        String items = keyring.describe("production");
        assertEquals(1, items.split("label = ", -1).length - 1, "one item for production: " + items);
        assertTrue(items.contains("attribute.key_id = k2"), items);
    }

    @Test
    void tokensIssueUsesTheSavedKeyWithNoEnvironmentVariables() throws Exception {
        try (LocalSandbox sandbox = Sandboxes.start(EmulatorConfig.defaults().withApiKey(new ApiKey("support", secret)))) {
            assertEquals(0, CommandRun.run(secret, env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                    "--secret-stdin").exitCode());
            String baseUrl = sandbox.baseUrl().toString();

            CommandRun created = CommandRun.of(env, "users", "create", "--env", "sandbox", "--base-url", baseUrl, "--json");
            assertEquals(0, created.exitCode(), created.err());
            String userId = JSON.readTree(created.out()).get("id").asText();
            CommandRun issued = CommandRun.of(env, "tokens", "issue", "--env", "sandbox", "--base-url", baseUrl, "--user", userId);

            assertEquals(0, issued.exitCode(), issued.err());
            assertEquals(3, issued.out().strip().split("\\.").length, "a JWT: " + issued.out());
            assertFalse(env.containsKey("ARGYLE_API_KEY_SECRET"));
            assertNoSecretIn(created, issued);
        }
    }

    @Test
    void keysForgetRemovesTheItemFromTheKeyring() {
        setSandboxKey();

        CommandRun forget = CommandRun.run("", env, "keys", "forget", "--env", "sandbox");

        assertEquals(0, forget.exitCode(), forget.err());
        assertEquals("Forgot the sandbox API key: \"Token Console — sandbox API key\" is removed from the Secret Service"
                + " keyring.", forget.out().strip());
        assertEquals(Optional.empty(), keyring.lookup("sandbox"));
        assertTrue(CommandRun.run("", env, "keys", "show", "--env", "sandbox").out().contains("No secret saved."));
    }

    @Test
    void aLockedKeyringGivesAPlainMessageAndNothingIsSaved(@TempDir Path ownKeyring) throws Exception {
        use(SecretServiceSession.start(ownKeyring), dataDir);
        setSandboxKey();
        keyring.lock();

        long start = System.nanoTime();
        CommandRun set = CommandRun.run("another-secret", env, "keys", "set", "--env", "production", "--api-key-id", "p1",
                "--secret-stdin");
        CommandRun issue = issueWithTheSavedKey();
        CommandRun show = CommandRun.run("", env, "keys", "show", "--env", "sandbox");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        String locked = "The Secret Service keyring is locked and was not unlocked. Unlock it (log in to the desktop,"
                + " or open Passwords and Keys / Seahorse) and try again.";
        assertEquals(1, set.exitCode());
        assertEquals("token-console: " + locked, set.lastErrorLine());
        assertEquals(1, issue.exitCode());
        assertEquals("token-console: " + locked + " Or set ARGYLE_API_KEY_ID and ARGYLE_API_KEY_SECRET for this command.",
                issue.lastErrorLine());
        assertEquals(0, show.exitCode());
        assertTrue(show.out().contains(locked), show.out());
        assertTrue(seconds < 30, "no hang: " + seconds + " s");
        assertNoSecretIn(set, issue, show);
    }

    @Test
    void anItemDeletedFromOutsideIsNamedAndHowToSetItAgainIsSaid() {
        setSandboxKey();
        keyring.deleteFromOutside("sandbox");

        CommandRun issue = issueWithTheSavedKey();

        assertEquals(1, issue.exitCode());
        assertEquals("token-console: Key id support is saved, but its secret is no longer in the Secret Service keyring"
                + " (removed outside Token Console?). Set it again in Settings, or run: token-console keys set --env sandbox"
                + " --api-key-id support", issue.lastErrorLine());
    }

    @Test
    void aKeyringThatIsGoneLeavesTheSavedKeyIdAndSaysWhatToDo(@TempDir Path ownKeyring) throws Exception {
        use(SecretServiceSession.start(ownKeyring), dataDir);
        setSandboxKey();
        keyring.close();

        CommandRun issue = issueWithTheSavedKey();
        CommandRun set = CommandRun.run(secret, env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                "--secret-stdin");

        assertEquals(1, issue.exitCode());
        assertEquals("token-console: No OS credential store answered, so the secret of key id support can't be read."
                + " Start or unlock your keyring and try again. Or set ARGYLE_API_KEY_ID and ARGYLE_API_KEY_SECRET for this"
                + " command.", issue.lastErrorLine());
        assertEquals(1, set.exitCode());
        assertTrue(set.lastErrorLine().contains("Set ARGYLE_API_KEY_ID and ARGYLE_API_KEY_SECRET"), set.err());
        assertNoSecretIn(issue, set);
    }

    @Test
    void withoutSecretStdinTheSecretIsAskedForOnTheTerminal() {
        List<String> asked = new ArrayList<>();
        CommandRun run = CommandRun.prompted(question -> {
            asked.add(question);
            return Optional.of(secret.toCharArray());
        }, env, "keys", "set", "--env", "production", "--api-key-id", "p-7");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("Secret for production key p-7 (not shown): "), asked);
        assertEquals(Optional.of(secret), keyring.lookup("production"));
        assertNoSecretIn(run);
    }

    @Test
    void withNoTerminalAndNoSecretOnStandardInputNothingIsSavedAndTheMessageSaysWhatToDo() {
        CommandRun noTerminal = CommandRun.run("", env, "keys", "set", "--env", "sandbox", "--api-key-id", "support");
        CommandRun empty = CommandRun.run("\n", env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                "--secret-stdin");
        CommandRun twoLines = CommandRun.run("one\ntwo\n", env, "keys", "set", "--env", "sandbox", "--api-key-id",
                "support", "--secret-stdin");

        assertEquals("token-console: No terminal to ask for the secret on: pipe it in with --secret-stdin, e.g. pass show"
                + " argyle/sandbox | token-console keys set --env sandbox --api-key-id support --secret-stdin",
                noTerminal.lastErrorLine());
        assertEquals("token-console: The secret is empty; nothing was saved.", empty.lastErrorLine());
        assertEquals("token-console: Standard input holds more than one line; give the secret alone.", twoLines.lastErrorLine());
        for (CommandRun run : List.of(noTerminal, empty, twoLines)) {
            assertEquals(1, run.exitCode());
        }
        assertEquals(Optional.empty(), keyring.lookup("sandbox"));
    }

    @Test
    void theSecretIsNeverTakenFromAnArgument() {
        CommandRun run = CommandRun.run("", env, "keys", "set", "--env", "sandbox", "--api-key-id", "support", secret);

        assertEquals(2, run.exitCode(), "an extra argument is a usage error");
        assertEquals(Optional.empty(), keyring.lookup("sandbox"));
    }

    private void setSandboxKey() {
        CommandRun set = CommandRun.run(secret, env, "keys", "set", "--env", "sandbox", "--api-key-id", "support",
                "--secret-stdin");
        assertEquals(0, set.exitCode(), set.err());
    }

    /** A token for an unknown user from a port nobody listens on: the key lookup comes first, and is what is tested. */
    private CommandRun issueWithTheSavedKey() {
        return CommandRun.of(env, "tokens", "issue", "--env", "sandbox", "--base-url", "http://127.0.0.1:9/v2",
                "--user", UUID.randomUUID().toString());
    }

    private void assertNoSecretIn(CommandRun... runs) {
        for (CommandRun run : runs) {
            assertFalse(run.out().contains(secret), run.out());
            assertFalse(run.err().contains(secret), run.err());
        }
    }

    private void assertNoSecretOnDisk() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(secret), file + " holds the secret");
            }
        }
    }
}
