package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.ui.audit.AuditRow;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a team workspace in the real test PostgreSQL: it says which workspace it uses, a colleague's
 * audit rows and saved users reach it without a restart, and Settings → Workspace moves it there from this
 * computer. Skipped, saying how to run it, without the test cluster ({@link TestPostgres}).
 */
class TeamWorkspaceUiTest extends ApplicationTest {

    private static TestPostgres.Database database;
    private ExecutorService executor;
    private ConsoleBackend services;
    private ConsoleWindow window;
    private Path folder;

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    /** Which workspace the window starts on: the team's, through the variable and PGPASSWORD, unless a test says. */
    private Map<String, String> environment() {
        Map<String, String> variables = new HashMap<>();
        variables.put(WorkspaceChoice.VARIABLE, database.app().uri());
        variables.put(PostgresPasswords.PASSWORD_VARIABLE, database.appPassword().reveal());
        return variables;
    }

    @Override
    public void start(Stage stage) throws Exception {
        database = TestPostgres.freshDatabase();
        folder = Files.createTempDirectory("token-console-ui");
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                environment(), step -> { });
        executor = Executors.newFixedThreadPool(2);
        window = TestWindows.show(stage, executor, Clock.systemUTC(), new MemoryThemePreference(),
                BackendStartup.ready(services), new ScriptedDialogs(), new RecordingNotifier());
    }

    @AfterEach
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    /** Whatever the field held, it now holds {@code text}, typed as a person would. */
    private void replace(String field, String text) {
        clickOn(field).press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        write(text);
    }

    @Test
    void theWindowNamesTheTeamWorkspaceAndAColleaguesRowsAndUsersArriveWithoutARestart() throws Exception {
        await(() -> text("#workspaceStatus").equals("Team workspace: " + database.name() + " on 127.0.0.1"));
        assertTrue(services.requireWorkspace().location() instanceof WorkspaceLocation.Team);

        clickOn("Audit");
        TableView<AuditRow> table = lookup("#auditTable").queryTableView();
        try (Workspace colleague = database.open(Clock.systemUTC(), new Operator("bob"))) {
            colleague.users().save(Environment.LOCAL, "018051aa-f7a9-a0db-2f38-6cfa325e9d69",
                    new UserDetails("Saved by bob", null, "ticket-4711"), UserOrigin.IMPORTED);
        }
        // LISTEN/NOTIFY brings bob's row to this window; the pane's own poll waits 3 s between reads, the
        // wait here is for a loaded machine.
        await(() -> table.getItems().stream().anyMatch(row -> row.operator().equals("bob")));

        clickOn("Users");
        await(() -> lookup("Saved by bob").tryQuery().isPresent());
    }

    @Test
    void settingsMoveTheWindowToTheTeamWorkspaceWithATypedPasswordThatIsNotWrittenToTheChoice() throws Exception {
        // Back on this computer first, as a person starts.
        services.workspaces().use(services.workspaces().thisComputer(), java.util.Optional.empty(), java.util.Optional.empty());
        clickOn("Settings");
        interact(() -> lookup(".settings-pane").queryAs(ScrollPane.class).setVvalue(1.0));
        clickOn("#revertWorkspaceButton");
        await(() -> text("#workspaceInUse").startsWith("In use: This computer"));
        clickOn("#teamWorkspace");
        replace("#workspaceHost", database.app().host());
        replace("#workspacePort", Integer.toString(database.app().port()));
        replace("#workspaceDatabase", database.app().database());
        replace("#workspaceUser", database.app().user());
        replace("#workspacePassword", database.appPassword().reveal());
        replace("#operatorName", "Ada Support");

        clickOn("#useWorkspaceButton");

        await(() -> text("#workspaceMessage").startsWith("Now using Team: "));
        assertFalse(lookup("#workspaceMessage").query().getStyleClass().contains("error-message"));
        await(() -> text("#workspaceStatus").equals("Team workspace: " + database.name() + " on 127.0.0.1"));
        Workspace now = services.requireWorkspace();
        assertEquals(new Operator("Ada Support"), now.operator());
        String choice = Files.readString(folder.resolve(WorkspaceChoice.FILE_NAME), StandardCharsets.UTF_8);
        assertTrue(choice.contains(database.app().uri().replace(":", "\\:")), choice);
        assertFalse(choice.contains(database.appPassword().reveal()), "the password is not in the choice file");

        // What the window saves from now on is in the team's database.
        now.users().save(Environment.SANDBOX, "018051aa-f7a9-a0db-2f38-6cfa325e9d70", new UserDetails("team row", null, null),
                UserOrigin.IMPORTED);
        try (Workspace colleague = database.open(Clock.systemUTC(), new Operator("bob"))) {
            SavedUser seen = colleague.users().find(Environment.SANDBOX, "018051aa-f7a9-a0db-2f38-6cfa325e9d70").orElseThrow();
            assertEquals("team row", seen.label());
        }
    }
}
