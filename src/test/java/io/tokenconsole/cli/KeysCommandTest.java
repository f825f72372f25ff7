package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys …} where no OS credential store answers (no session bus named): refusals that say what to do. */
class KeysCommandTest {

    @TempDir
    Path dataDir;

    private CommandRun run(String stdin, String... args) {
        return CommandRun.run(stdin, Map.of("TOKEN_CONSOLE_HOME", dataDir.toString()), args);
    }

    @Test
    void withoutAnOsStoreKeysSetRefusesAndNamesTheEnvironmentVariables() {
        CommandRun set = run("a-secret\n", "keys", "set", "--env", "sandbox", "--api-key-id", "support", "--secret-stdin");

        assertEquals(1, set.exitCode());
        assertEquals("token-console: No OS credential store answered (on Linux: a Secret Service such as gnome-keyring on"
                + " the session bus), and a command has no session to keep the secret in. Set ARGYLE_API_KEY_ID and"
                + " ARGYLE_API_KEY_SECRET in the environment of the commands instead.", set.lastErrorLine());
        assertEquals("sandbox: key id (none)", run("", "keys", "show", "--env", "sandbox").out().lines().findFirst().orElseThrow(),
                "nothing was saved, not even the key id");
    }

    @Test
    void theLocalSandboxHasNoKeyToSetOrForget() {
        for (String[] args : new String[][] {
            {"keys", "set", "--env", "local", "--api-key-id", "x", "--secret-stdin"},
            {"keys", "forget", "--env", "local"},
            {"keys", "show", "--env", "local"}}) {
            CommandRun refused = run("s", args);
            assertEquals(1, refused.exitCode());
            assertEquals("token-console: The local sandbox makes its own key (local-sandbox.json in the data folder);"
                    + " use --env sandbox or --env production.", refused.lastErrorLine());
        }
    }

    @Test
    void showNamesBothEnvironmentsAndForgetWithNothingSavedSaysSo() {
        CommandRun show = run("", "keys", "show");
        CommandRun forget = run("", "keys", "forget", "--env", "production");

        assertEquals("sandbox: key id (none)\n  No secret saved.\nproduction: key id (none)\n  No secret saved.",
                show.out().strip().replace("\r", ""));
        assertEquals(0, forget.exitCode());
        assertEquals("No API key was saved for production; nothing to forget.", forget.out().strip());
    }

    @Test
    void showSaysTheEnvironmentVariablesWinAndNeverPrintsTheirSecret() {
        CommandRun show = CommandRun.run("", Map.of("TOKEN_CONSOLE_HOME", dataDir.toString(), "ARGYLE_API_KEY_ID", "ci-key",
                "ARGYLE_API_KEY_SECRET", "ci-secret-42"), "keys", "show", "--env", "production");

        assertEquals(0, show.exitCode(), show.err());
        assertEquals("production: key id ci-key\n  A secret is set in ARGYLE_API_KEY_SECRET (with ARGYLE_API_KEY_ID);"
                + " it wins over anything saved.", show.out().strip().replace("\r", ""));
        assertTrue(!show.out().contains("ci-secret-42") && !show.err().contains("ci-secret-42"));
    }

    @Test
    void keysAloneOrAnUnknownEnvironmentIsAUsageError() {
        assertEquals(2, run("", "keys").exitCode());
        CommandRun unknown = run("", "keys", "set", "--env", "staging", "--api-key-id", "x", "--secret-stdin");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("'staging' is not an environment"), unknown.err());
    }
}
