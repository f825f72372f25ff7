package io.tokenconsole.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.cli.TokenConsoleCommand;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.SecretServiceSession;
import io.tokenconsole.ui.QueuedBackgroundWork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings pane's view model with the real OS store (gnome-keyring in its own session bus), as
 * the window builds it: a key set on the command line is there after a restart; a locked keyring and
 * one that disappears while the window is open each give a plain message, and a secret entered then
 * is kept for the session instead.
 */
@Timeout(120)
class SettingsOnTheRealKeyringTest {

    @TempDir
    Path keyringFolder;

    @TempDir
    Path dataDir;

    @Test
    void aKeySetOnTheCommandLineIsFoundAfterARestartAndTheKeyringGoingAwayFallsBackToTheSession() throws Exception {
        String secret = "sk-" + UUID.randomUUID();
        try (SecretServiceSession keyring = SecretServiceSession.start(keyringFolder)) {
            Map<String, String> env = new HashMap<>(keyring.environment());
            env.put("TOKEN_CONSOLE_HOME", dataDir.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = TokenConsoleCommand.run(new String[] {"keys", "set", "--env", "sandbox", "--api-key-id", "support",
                "--secret-stdin"}, new ByteArrayInputStream(secret.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8), env);
            assertEquals(0, code, out.toString(StandardCharsets.UTF_8));

            // The window, started afterwards: its own workspace connection and its own look for the OS store.
            try (Workspace workspace = Workspace.open(dataDir.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem())) {
                ApiKeys keys = new ApiKeys(workspace.settings(), CredentialStore.detect(keyring.environment()),
                        keyring.environment(), LocalSandboxMaterial.loadOrCreate(dataDir));
                SettingsViewModel vm = new SettingsViewModel(
                        () -> Optional.of(new SettingsViewModel.Access(workspace.settings(), keys)),
                        QueuedBackgroundWork.immediate(), () -> { });
                vm.environmentProperty().set(Environment.SANDBOX);

                assertEquals("support", vm.keyIdProperty().get());
                assertEquals("A secret is saved in the Secret Service keyring as \"Token Console — sandbox API key\".",
                        vm.secretStatusProperty().get());
                assertEquals("Secret kept in the OS credential store (Secret Service keyring)", vm.whereSecretsLiveProperty().get());
                assertEquals("", vm.secretProperty().get(), "the secret is never shown");

                keyring.lock();
                vm.load();
                assertEquals("The Secret Service keyring is locked and was not unlocked. Unlock it (log in to the desktop,"
                        + " or open Passwords and Keys / Seahorse) and try again.", vm.secretStatusProperty().get());
                assertEquals("support", vm.keyIdProperty().get(), "the key id stays");

                keyring.close();
                vm.keyIdProperty().set("support-2");
                vm.secretProperty().set("typed-" + secret);
                vm.saveKey();

                assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
                assertEquals("The Secret Service keyring stopped answering. Check that it is running (on Linux:"
                        + " gnome-keyring-daemon or KWallet), then try again. The secret is kept for this session only;"
                        + " save it again once the Secret Service keyring answers.", vm.messageProperty().get());
                assertEquals("A secret is saved in this session's memory only; it is gone when the console closes.",
                        vm.secretStatusProperty().get());
                ApiCredentials used = keys.forEnvironment(Environment.SANDBOX).orElseThrow();
                assertEquals("typed-" + secret, used.secret().reveal());
                assertEquals("support-2", used.keyId());
                assertEquals(ApiCredentials.Source.SESSION_MEMORY, used.source());
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("Secret Service keyring"));
            }
        }
    }
}
