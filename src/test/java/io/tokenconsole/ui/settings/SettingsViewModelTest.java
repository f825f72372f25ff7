package io.tokenconsole.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.SessionCredentialStore;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.ui.QueuedBackgroundWork;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings pane's state against a real workspace file and the session credential store. */
class SettingsViewModelTest {

    @TempDir
    Path folder;

    private Workspace workspace;
    private ApiKeys keys;
    private SettingsViewModel vm;
    private int savedCount;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem());
        keys = new ApiKeys(workspace.settings(), new SessionCredentialStore(
                "Secret kept for this session only — no OS credential store found"), Map.of(),
                LocalSandboxMaterial.loadOrCreate(folder));
        vm = new SettingsViewModel(() -> Optional.of(new SettingsViewModel.Access(workspace.settings(), keys)),
                QueuedBackgroundWork.immediate(), () -> savedCount++);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aSavedKeyIsKeptOutOfTheFormAndTheConsoleSaysWhereItLives() {
        vm.environmentProperty().set(Environment.SANDBOX);
        assertEquals("No secret saved.", vm.secretStatusProperty().get());
        vm.keyIdProperty().set("key-123");
        vm.secretProperty().set("top-secret");
        vm.saveKey();

        assertEquals("", vm.secretProperty().get(), "the secret is never shown again");
        assertTrue(vm.secretStatusProperty().get().startsWith("A secret is saved"), vm.secretStatusProperty().get());
        assertEquals("Secret kept for this session only — no OS credential store found", vm.whereSecretsLiveProperty().get());
        assertEquals("top-secret", keys.forEnvironment(Environment.SANDBOX).orElseThrow().secret().reveal());
        assertEquals("key-123", workspace.settings().apiKeyId(Environment.SANDBOX).orElseThrow());
        assertFalse(vm.failedProperty().get());
    }

    @Test
    void aKeyWithoutItsSecretIsRefusedWithAMessage() {
        vm.environmentProperty().set(Environment.PRODUCTION);
        vm.keyIdProperty().set("key-123");
        vm.saveKey();
        assertTrue(vm.failedProperty().get());
        assertEquals("Enter both the API key id and its secret.", vm.messageProperty().get());
        assertTrue(keys.forEnvironment(Environment.PRODUCTION).isEmpty());
    }

    @Test
    void forgettingAKeyRemovesIt() {
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.keyIdProperty().set("key-123");
        vm.secretProperty().set("top-secret");
        vm.saveKey();
        vm.forgetKey();
        assertTrue(keys.forEnvironment(Environment.SANDBOX).isEmpty());
        assertEquals("No secret saved.", vm.secretStatusProperty().get());
    }

    @Test
    void settingsBelongToTheirEnvironmentOnly() {
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.baseUrlProperty().set("https://proxy.example.test/v2");
        vm.expectedClientIdProperty().set("team-sandbox");
        vm.saveEnvironment();
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertEquals("", vm.baseUrlProperty().get());
        assertEquals("", vm.expectedClientIdProperty().get());
        vm.environmentProperty().set(Environment.SANDBOX);
        assertEquals("https://proxy.example.test/v2", vm.baseUrlProperty().get());
        assertEquals(Optional.of(URI.create("https://proxy.example.test/v2")),
                workspace.settings().baseUrlOverride(Environment.SANDBOX));
        assertEquals("team-sandbox", vm.expectedClientIdProperty().get());
    }

    @Test
    void aBaseUrlThatIsNotAUrlIsRefusedWithTheReasonAndNothingIsSaved() {
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.baseUrlProperty().set("ftp://nope");
        vm.saveEnvironment();
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.messageProperty().get().contains("absolute http(s) URL"), vm.messageProperty().get());
        assertTrue(workspace.settings().baseUrlOverride(Environment.SANDBOX).isEmpty());
    }

    @Test
    void theLocalSandboxShowsItsGeneratedKeyAndTakesNoSecret() {
        assertEquals(Environment.LOCAL, vm.environmentProperty().get());
        assertFalse(vm.keysEditableProperty().get());
        assertEquals(LocalSandboxMaterial.loadOrCreate(folder).apiKeyId(), vm.keyIdProperty().get());
        vm.secretProperty().set("x");
        vm.saveKey();
        assertTrue(vm.failedProperty().get());
    }

    @Test
    void withoutAWorkspaceThePaneSaysSoInsteadOfPretending() {
        SettingsViewModel none = new SettingsViewModel(Optional::empty, QueuedBackgroundWork.immediate(), () -> { });
        assertFalse(none.availableProperty().get());
        assertTrue(none.messageProperty().get().startsWith("Settings can't be saved"));
        none.environmentProperty().set(Environment.SANDBOX);
        none.saveEnvironment();
        assertTrue(none.failedProperty().get());
    }

    @Test
    void theQuestionBeforeChangesAndTheClipboardDelayAreSavedPerEnvironmentAndSaySo() {
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertTrue(vm.confirmBeforeChangesProperty().get(), "production asks by default");
        vm.confirmBeforeChangesProperty().set(false);
        vm.clipboardClearSecondsProperty().set("15");
        vm.saveEnvironment();
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertEquals(1, savedCount);
        assertFalse(workspace.settings().confirmBeforeChanges(Environment.PRODUCTION));
        assertEquals(java.time.Duration.ofSeconds(15), workspace.settings().clipboardClearDelay());
        vm.environmentProperty().set(Environment.SANDBOX);
        assertFalse(vm.confirmBeforeChangesProperty().get(), "the sandbox does not ask by default");

        vm.clipboardClearSecondsProperty().set("soon");
        vm.saveEnvironment();
        assertTrue(vm.failedProperty().get());
        assertEquals(1, savedCount);
    }

    @Test
    void linkDefaultsAreSavedPerEnvironmentAndAnOverlongOneIsRefused() {
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.linkFlowIdProperty().set("flow-7");
        vm.linkItemsProperty().set("item_1, item_2");
        vm.saveEnvironment();
        assertFalse(vm.failedProperty().get(), vm.messageProperty().get());
        assertEquals("flow-7", workspace.settings().linkFlowId(Environment.SANDBOX).orElseThrow());
        assertEquals("item_1, item_2", workspace.settings().linkItems(Environment.SANDBOX).orElseThrow());
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertEquals("", vm.linkFlowIdProperty().get(), "another environment has its own");
        vm.linkItemsProperty().set("x".repeat(501));
        vm.saveEnvironment();
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.messageProperty().get().contains("at most 500 characters"), vm.messageProperty().get());
        assertTrue(workspace.settings().linkItems(Environment.PRODUCTION).isEmpty(), "nothing half-saved");
    }
}
