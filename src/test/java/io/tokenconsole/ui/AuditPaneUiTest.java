package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.ui.audit.AuditRow;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import io.tokenconsole.workflow.SupportActions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit pane in the window as the application builds it: real workspace, real local sandbox on
 * 127.0.0.1, users created and tokens issued through the real client before the pane opens.
 */
class AuditPaneUiTest extends ApplicationTest {

    private ExecutorService executor;
    private ConsoleBackend services;
    private ConsoleWindow window;
    private Path folder;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private static Path prepared;
    private static String jane;
    private static String omar;

    /**
     * Once for the class (the local sandbox's RSA key and the API calls take a while on a busy
     * machine): a data folder in which two users were created and a token issued through the real
     * client against the local sandbox, and a sandbox row written. Each test works on a copy.
     */
    @BeforeAll
    static void prepareDataFolder() throws Exception {
        prepared = Files.createTempDirectory("token-console-audit-ui-prepared");
        try (ConsoleBackend backend = ConsoleBackend.start(new DataFolder(prepared, DataFolder.Source.DATA_DIR_OPTION),
                Clock.systemUTC(), Map.of(), step -> { })) {
            SupportActions actions = backend.actions();
            jane = actions.createUser(Environment.LOCAL, NewUser.blank().withExternalId("ticket-1"), UserDetails.label("Jane")).id();
            omar = actions.createUser(Environment.LOCAL, NewUser.blank().withExternalId("ticket-2"), UserDetails.NONE).id();
            actions.issueToken(Environment.LOCAL, jane);
            backend.requireWorkspace().audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.USER_SAVED,
                    "0190aa00-0000-4000-8000-0000000000ab"));
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("token-console-audit-ui");
        try (var files = Files.list(prepared)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        executor = Executors.newFixedThreadPool(2);
        window = TestWindows.show(stage, executor, Clock.systemUTC(), BackendStartup.ready(services), dialogs, notifier);
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        services.close();
    }

    private void await(BooleanSupplier condition) throws Exception {
        await(5, condition);
    }

    private void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<AuditRow> table() {
        return lookup("#auditTable").queryTableView();
    }

    private List<String> rows() {
        return table().getItems().stream().map(row -> row.action() + " " + row.userId()).toList();
    }

    private void paste(String token) {
        interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(token);
            Clipboard.getSystemClipboard().setContent(content);
        });
        clickOn("#pasteButton");
    }

    /** Picks an action from the combo box's list, as a person does. */
    private void chooseAction(String action) {
        clickOn(lookup("#auditAction").queryComboBox());
        clickOn(lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(action)).queryLabeled());
    }

    private void openAuditPane() throws Exception {
        clickOn("Audit");
        await(() -> table().getItems().size() == 3);
    }

    @Test
    void theCurrentEnvironmentsRowsShowNewestFirst() throws Exception {
        openAuditPane();
        assertEquals(List.of("token-issued " + jane, "user-created " + omar, "user-created " + jane), rows());
        AuditRow issued = table().getItems().get(0);
        assertEquals("Local sandbox", issued.environmentName());
        assertTrue(!issued.tokenJti().isEmpty() && !issued.tokenExp().isEmpty(), "the token's jti and exp show");

        clickOn("#auditAllEnvironments");
        await(() -> table().getItems().size() == 4);
        assertEquals("user-saved 0190aa00-0000-4000-8000-0000000000ab", rows().get(0));
    }

    @Test
    void filteringByActionAndByUserId() throws Exception {
        openAuditPane();
        chooseAction("user-created");
        await(() -> table().getItems().size() == 2);
        assertEquals(List.of("user-created " + omar, "user-created " + jane), rows());

        clickOn("#auditUserId").write(jane.substring(0, 8));
        await(() -> lookup("#auditFilterProblem").queryLabeled().isVisible());
        assertTrue(lookup("#auditFilterProblem").queryLabeled().getText().contains("is only part of a user id"));
        assertEquals(2, table().getItems().size(), "half an id filters nothing away");

        write(jane.substring(8));
        await(() -> table().getItems().size() == 1);
        assertEquals(List.of("user-created " + jane), rows());
        assertTrue(!lookup("#auditFilterProblem").queryLabeled().isVisible());

        clickOn("Clear filters");
        await(() -> table().getItems().size() == 3);
    }

    @Test
    void selectingARowSelectsItsUserInTheSession() throws Exception {
        openAuditPane();
        Node omarsRow = lookup(".table-row-cell").match(node -> node instanceof javafx.scene.control.TableRow<?> row
                && row.getItem() instanceof AuditRow audit && audit.userId().equals(omar)).query();
        clickOn(omarsRow);
        await(() -> window.session().selectedUser().isPresent());
        assertEquals(omar, window.session().selectedUser().orElseThrow().id());
        assertEquals(Environment.LOCAL, window.session().selectedUser().orElseThrow().environment());
        assertTrue(lookup("#auditSelectionNote").queryLabeled().getText().startsWith("User " + omar + " is selected"));
    }

    @Test
    void aRowWrittenByAnotherProcessAppearsWhileThePaneShowsAndTheSelectionStays() throws Exception {
        openAuditPane();
        interact(() -> table().getSelectionModel().select(1));
        AuditRow selected = table().getSelectionModel().getSelectedItem();
        try (Workspace otherProcess = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), new Operator("cli"))) {
            otherProcess.audit().record(AuditEvent.ok(Environment.LOCAL, AuditAction.TOKEN_ISSUED, omar)
                    .withToken(TokenFacts.of("jti-from-the-cli", Instant.now().plusSeconds(3600))));
        }
        await(10, () -> table().getItems().size() == 4);
        assertEquals("jti-from-the-cli", table().getItems().get(0).tokenJti());
        assertEquals("cli", table().getItems().get(0).operator());
        assertEquals(selected, table().getSelectionModel().getSelectedItem());
    }

    @Test
    void exportWritesTheFilteredRowsToTheChosenFile() throws Exception {
        openAuditPane();
        chooseAction("token-issued");
        await(() -> table().getItems().size() == 1);
        Path file = folder.resolve("exported.csv");
        dialogs.saveFile(file);
        clickOn("#auditExportButton");
        await(() -> !notifier.notifications().isEmpty());
        assertEquals(List.of("Exported 1 audit row to exported.csv."), notifier.notifications());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",local,token-issued," + jane + ","), lines.get(1));
    }

    @Test
    void whatTheWindowDoesAppearsInThePane() throws Exception {
        openAuditPane();
        // Two tokens pasted into the inspector…
        String token = services.actions().issueToken(Environment.LOCAL, omar).userToken();
        String another = services.actions().issueToken(Environment.LOCAL, jane).userToken();
        clickOn("Inspector");
        paste(token);
        await(() -> !notifier.notifications().isEmpty());
        paste(another);
        // …and a setting saved.
        clickOn("Settings");
        clickOn("#expectedClientId").write("our-team");
        clickOn("#saveEnvironmentButton");

        clickOn("Audit");
        await(() -> rows().contains("token-inspected " + omar) && rows().contains("token-inspected " + jane)
                && rows().contains("settings-changed "));
        AuditRow inspected = table().getItems().stream().filter(row -> row.action().equals("token-inspected")
                && row.userId().equals(omar))
                .findFirst().orElseThrow();
        AuditRow issued = table().getItems().stream().filter(row -> row.action().equals("token-issued")
                && row.userId().equals(omar)).findFirst().orElseThrow();
        assertEquals(issued.tokenJti(), inspected.tokenJti(), "the pasted token is audited by its jti");
        assertEquals(List.of("Pasted tokens are noted in the audit log by their jti and expiry, never the token itself"
                + " (Audit pane)."), notifier.notifications(), "said once, not per paste");
        assertTrue(table().getItems().stream().noneMatch(row -> row.detail().contains(token)
                || row.tokenJti().contains(token)), "never the token itself");
    }
}
