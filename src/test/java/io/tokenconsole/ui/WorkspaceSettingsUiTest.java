package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Settings → Workspace and the status bar, in the window as the application builds it, on a workspace on this
 * computer: what a person can get wrong about a team address is refused in plain words, and the window keeps
 * its workspace. (The switch to a real team PostgreSQL is {@link TeamWorkspaceUiTest}.)
 */
class WorkspaceSettingsUiTest extends ApplicationTest {

    private ExecutorService executor;
    private ConsoleBackend services;
    private Path folder;
    private ConsoleWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("token-console-ui");
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        executor = Executors.newFixedThreadPool(2);
        window = TestWindows.show(stage, executor, Clock.systemUTC(), new MemoryThemePreference(),
                BackendStartup.ready(services), new ScriptedDialogs(), new RecordingNotifier());
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        services.close();
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private void openWorkspaceSettings() throws Exception {
        clickOn("Settings");
        await(() -> text("#workspaceInUse").startsWith("In use: This computer"));
        // The section is the last of the pane: scrolled to, as a person would.
        interact(() -> lookup(".settings-pane").queryAs(ScrollPane.class).setVvalue(1.0));
        clickOn("#teamWorkspace");
    }

    private void paste(String field, String text) {
        interact(() -> TestWindows.putOnClipboard(text));
        clickOn(field).press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    @Test
    void anAddressWithAPasswordTypedByHandIsRefusedAtUseAndNothingIsTried() throws Exception {
        openWorkspaceSettings();
        clickOn("#workspaceHost").write("postgresql://support:typed-secret@db.example.com/tokenconsole");

        clickOn("#useWorkspaceButton");

        await(() -> !text("#workspaceMessage").isEmpty());
        String said = text("#workspaceMessage");
        assertTrue(said.toLowerCase(java.util.Locale.ROOT).contains("password"), said);
        assertFalse(said.contains("typed-secret"), said);
        assertEquals("", lookup("#workspaceHost").queryAs(TextField.class).getText());
        assertFalse(Files.exists(folder.resolve(WorkspaceChoice.FILE_NAME)));
    }

    @Test
    void theStatusBarSaysTheWorkspaceIsOnThisComputer() throws Exception {
        await(() -> text("#workspaceStatus").equals("Workspace: this computer"));
        assertFalse(lookup("#workspaceStatus").query().getStyleClass().contains("unreachable"));
    }

    @Test
    void anAddressWithAPasswordIsRefusedWithoutRepeatingItAndIsNotLeftOnScreen() throws Exception {
        openWorkspaceSettings();
        paste("#workspaceHost", "postgresql://support:hunter2-secret@db.example.com/tokenconsole");

        await(() -> !text("#workspaceMessage").isEmpty());
        String said = text("#workspaceMessage");
        assertTrue(said.toLowerCase(java.util.Locale.ROOT).contains("password"), said);
        assertFalse(said.contains("hunter2-secret"), said);
        assertEquals("", lookup("#workspaceHost").queryAs(TextField.class).getText());
    }

    @Test
    void aWholeAddressPastedIntoTheServerFieldFillsInEveryField() throws Exception {
        openWorkspaceSettings();
        paste("#workspaceHost", "postgresql://support@db.example.com:6543/tokenconsole");

        await(() -> lookup("#workspaceHost").queryAs(TextField.class).getText().equals("db.example.com"));
        assertEquals("6543", lookup("#workspacePort").queryAs(TextField.class).getText());
        assertEquals("tokenconsole", lookup("#workspaceDatabase").queryAs(TextField.class).getText());
        assertEquals("support", lookup("#workspaceUser").queryAs(TextField.class).getText());
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidPlainlyAndTheWindowKeepsItsWorkspace() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        openWorkspaceSettings();
        clickOn("#workspaceHost").write("127.0.0.1");
        doubleClickOn("#workspacePort").write(Integer.toString(closedPort));
        clickOn("#workspaceDatabase").write("tokenconsole");
        clickOn("#workspaceUser").write("support");
        clickOn("#workspacePassword").write("typed-password");

        clickOn("#useWorkspaceButton");

        await(() -> !text("#workspaceMessage").isEmpty() && !text("#workspaceMessage").equals("Connecting…"));
        String said = text("#workspaceMessage");
        assertTrue(said.contains("127.0.0.1:" + closedPort), said);
        assertFalse(said.contains("typed-password"), said);
        assertTrue(services.requireWorkspace().location() instanceof io.tokenconsole.store.WorkspaceLocation.ThisComputer,
                "the window keeps its workspace");
        assertFalse(Files.exists(folder.resolve(WorkspaceChoice.FILE_NAME)), "an unusable choice is not remembered");
        assertEquals("Workspace: this computer", text("#workspaceStatus"));
    }

    @Test
    void anAuditRowWrittenByAnotherProcessReachesTheWindowWithoutOpeningTheAuditPane() throws Exception {
        await(() -> text("#workspaceStatus").equals("Workspace: this computer"));
        long before = window.session().workspaceChangesProperty().get();
        try (Workspace command = Workspace.open(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION),
                Clock.systemUTC(), new Operator("a-command"))) {
            command.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.SETTINGS_CHANGED, null)
                    .withDetail("written beside the window"));
        }
        // The audit pane polls only while it shows; it is not shown here, so only the workspace's watch tells.
        await(() -> window.session().workspaceChangesProperty().get() > before);
    }
}
