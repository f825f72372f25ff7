package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.ui.users.UserRow;
import io.tokenconsole.workflow.ConsoleBackend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The Users pane in the window as the application builds it: real workspace, real local sandbox. */
class UsersPaneUiTest extends ApplicationTest {

    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String JOHN = "018051aa-f7a9-a0db-2f38-6cfa325e9d70";

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TestWindow opened;
    private ConsoleBackend services;
    private ConsoleWindow window;

    @Override
    public void start(Stage stage) throws Exception {
        opened = new TestWindow(stage, dialogs, new RecordingNotifier());
        services = opened.services();
        window = opened.window();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    private void await(BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException timedOut) {
            throw new AssertionError("Timed out; the pane says: " + message() + " / rows: " + savedTable().getItems(),
                    timedOut);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String message() {
        return lookup("#usersMessage").queryAs(Label.class).getText();
    }

    private TableView<UserRow> savedTable() {
        return lookup("#savedTable").queryTableView();
    }

    private void newUserWithExternalId(String externalId) throws Exception {
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        // The form opens with the cursor in the external id field: type only once it is there.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> lookup("#externalIdField").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        write(externalId);
        type(KeyCode.ENTER);
    }

    @Test
    void ctrlNThenAnExternalIdThenEnterSavesSelectsAndAuditsTheNewUser() throws Exception {
        newUserWithExternalId("ticket-ui-1");

        await(() -> savedTable().getItems().stream().anyMatch(row -> row.externalId().equals("ticket-ui-1")));
        String id = savedTable().getItems().get(0).id();
        await(() -> window.session().selectedUser().filter(user -> user.id().equals(id)).isPresent());
        assertEquals(id, savedTable().getSelectionModel().getSelectedItem().id());
        assertEquals(id, lookup("#createdId").queryTextInputControl().getText());
        assertTrue(message().contains("saved and selected"), message());
        assertEquals(List.of(id), services.requireWorkspace().audit()
                .find(AuditQuery.EVERYTHING.action(AuditAction.USER_CREATED)).stream().map(e -> e.userId()).toList());
        assertEquals(1, services.localSandbox().orElseThrow().requestCount("POST /v2/users"));

        type(KeyCode.ESCAPE);
        await(() -> !lookup("#newUserForm").query().isVisible());
    }

    @Test
    void inProductionCancelSendsNothing() throws Exception {
        try (LocalSandbox production = Sandboxes.start(EmulatorConfig.defaults().withApiKey(new ApiKey("prod-key", "prod-secret")))) {
            services.requireWorkspace().settings().setBaseUrlOverride(Environment.PRODUCTION, production.baseUrl());
            services.apiKeys().orElseThrow().save(Environment.PRODUCTION, "prod-key", Secret.of("prod-secret"));
            clickOn("#productionButton");

            newUserWithExternalId("ticket-prod-1");

            await(() -> message().startsWith("Nothing was sent"));
            assertEquals(1, dialogs.questions().size());
            assertTrue(dialogs.questions().get(0).contains("Production") && dialogs.questions().get(0)
                    .contains(production.baseUrl().toString()), dialogs.questions().get(0));
            assertEquals(Map.of(), production.requestCounts());
            assertEquals(0, services.requireWorkspace().users().count(Environment.PRODUCTION));
        }
    }

    @Test
    void switchingEnvironmentHidesTheOtherEnvironmentsUsersAndClearsTheSelection() throws Exception {
        services.requireWorkspace().users().save(Environment.LOCAL, JANE, UserDetails.label("local Jane"), UserOrigin.IMPORTED);
        services.requireWorkspace().users().save(Environment.SANDBOX, JOHN, UserDetails.label("sandbox John"), UserOrigin.IMPORTED);
        clickOn("Users"); // the pane reads the list again when it is first shown
        await(() -> savedTable().getItems().size() == 1);
        clickOn("local Jane");
        await(() -> window.session().selectedUser().isPresent());
        assertEquals(JANE, window.session().selectedUser().orElseThrow().id());

        clickOn("#sandboxButton");

        await(() -> savedTable().getItems().stream().map(UserRow::id).toList().equals(List.of(JOHN)));
        assertTrue(window.session().selectedUser().isEmpty());
        assertTrue(savedTable().getSelectionModel().isEmpty());
        assertTrue(lookup("local Jane").tryQuery().isEmpty());
    }

    @Test
    void apiFaultsShowTheirMessageAndLeaveThePaneUsable() throws Exception {
        LocalSandbox sandbox = services.localSandbox().orElseThrow();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 1)));
        newUserWithExternalId("ticket-503");
        await(() -> message().contains("HTTP 503"));

        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAUTHORIZED, 1)));
        clickOn("Find at Argyle");
        clickOn("#findButton");
        await(() -> message().contains("HTTP 401"));

        // An id saved here but unknown at Argyle: deleting it there is a 404.
        services.requireWorkspace().users().save(Environment.LOCAL, JANE, UserDetails.label("gone Jane"), UserOrigin.IMPORTED);
        interact(() -> window.session().workspaceChanged());
        clickOn("Saved users");
        clickOn("gone Jane");
        dialogs.answer(true);
        clickOn("#deleteSavedButton");
        await(() -> message().contains("404"));

        clickOn("#createButton");
        await(() -> message().contains("saved and selected"));
        assertEquals(2, sandbox.requestCount("POST /v2/users"));
    }
}
