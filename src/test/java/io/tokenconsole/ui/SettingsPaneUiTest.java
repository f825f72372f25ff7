package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The window as the application builds it — real workspace, real local sandbox — with the settings pane. */
class SettingsPaneUiTest extends ApplicationTest {

    private ExecutorService executor;
    private ConsoleBackend services;
    private Stage stage;

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        Path folder = Files.createTempDirectory("token-console-ui");
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        executor = Executors.newFixedThreadPool(2);
        TestWindows.show(stage, executor, Clock.systemUTC(), new MemoryThemePreference(), BackendStartup.ready(services),
                new ScriptedDialogs(), new RecordingNotifier());
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        services.close();
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void aSandboxKeySavedInSettingsIsKeptOutOfSightAndTheConsoleSaysWhere() throws Exception {
        clickOn("#sandboxButton");
        clickOn("Settings");
        await(() -> text("#title").equals("Settings for Sandbox"));
        clickOn("#keyId").write("key-123");
        clickOn("#secret").write("top-secret");
        clickOn("#saveKeyButton");
        await(() -> text("#secretStatus").startsWith("A secret is saved"));
        assertEquals("", lookup("#secret").queryAs(PasswordField.class).getText());
        assertTrue(text("#whereSecretsLive").contains("Secret kept for this session only")
                || text("#whereSecretsLive").contains("credential store"), text("#whereSecretsLive"));
        assertEquals("Saved the API key for Sandbox.", text("#message"));
    }

    @Test
    void aSavedBaseUrlShowsInTheStatusBarOfItsEnvironmentOnly() throws Exception {
        clickOn("#sandboxButton");
        clickOn("Settings");
        await(() -> text("#title").equals("Settings for Sandbox"));
        clickOn("#baseUrl").write("https://proxy.example.test/v2");
        clickOn("#saveEnvironmentButton");
        await(() -> text("#environmentStatus").contains("https://proxy.example.test/v2 (override)"));
        clickOn("#productionButton");
        await(() -> text("#environmentStatus").startsWith("PRODUCTION · https://api.argyle.com/v2 ·"));
    }

    @Test
    void theExpectedClientIdFromSettingsIsCheckedByTheInspector() throws Exception {
        clickOn("#sandboxButton");
        clickOn("Settings");
        await(() -> text("#title").equals("Settings for Sandbox"));
        clickOn("#expectedClientId").write("our-team");
        clickOn("#saveEnvironmentButton");
        await(() -> text("#message").equals("Saved the settings for Sandbox."));

        clickOn("Inspector");
        interact(() -> TestWindows.putOnClipboard(TestTokens.argyleToken(Instant.now(), "argyle-core-auth-dev")));
        clickOn("#pasteButton");
        ListView<Finding> findings = lookup("#findingsList").queryListView();
        await(() -> findings.getItems().stream().anyMatch(f -> f.code().equals("CLIENT_MISMATCH")));
        assertTrue(services.requireWorkspace().settings().expectedClientId(Environment.SANDBOX)
                .filter("our-team"::equals).isPresent());
    }

    /** Issue 10, item 5: findings depend on the settings, so a save judges the loaded token again. */
    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void savingAnExpectedClientIdFlagsTheTokenAlreadyLoadedWithoutPastingItAgain(int width) throws Exception {
        interact(() -> TestWindows.placeAt(stage, width));
        interact(() -> TestWindows.putOnClipboard(TestTokens.argyleToken(Instant.now(), "argyle-core-auth-dev")));
        clickOn("#pasteButton");
        ListView<Finding> findings = lookup("#findingsList").queryListView();
        await(() -> lookup("#report").query().isVisible());
        assertTrue(findings.getItems().stream().noneMatch(f -> f.code().equals("CLIENT_MISMATCH")));

        clickOn("Settings");
        await(() -> text("#title").equals("Settings for Local sandbox"));
        clickOn("#expectedClientId").write("our-team");
        // At 1024×640 the button is below the fold of the settings pane: press it as the keyboard would.
        interact(() -> lookup("#saveEnvironmentButton").queryButton().fire());
        await(() -> text("#message").equals("Saved the settings for Local sandbox."));
        clickOn("Inspector");
        await(() -> findings.getItems().stream().anyMatch(f -> f.code().equals("CLIENT_MISMATCH")));
        assertTrue(lookup("#fact-client_id").query().getStyleClass().contains("fact-warning")
                || lookup("#fact-client_id").query().getStyleClass().contains("fact-danger"));
    }

    /** Issue 10, item 6: no stale "Saved …" banner, and one honest sentence about where the local key is. */
    @Test
    void theSavedBannerEndsWithTheVisitAndTheLocalSandboxSaysOnlyWhereItsKeyIs() throws Exception {
        clickOn("Settings");
        await(() -> text("#title").equals("Settings for Local sandbox"));
        assertTrue(text("#secretStatus").contains("local-sandbox.json"), text("#secretStatus"));
        assertEquals("", text("#whereSecretsLive"), "no talk of a session-only secret for a key kept in a file");
        assertTrue(!lookup("#whereSecretsLive").query().isVisible() || text("#whereSecretsLive").isEmpty());
        clickOn("#saveEnvironmentButton");
        await(() -> text("#message").equals("Saved the settings for Local sandbox."));
        clickOn("Inspector");
        clickOn("Settings");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text("#message"), "the banner belonged to the last visit");
    }
}
