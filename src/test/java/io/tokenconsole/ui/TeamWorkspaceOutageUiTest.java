package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.testing.TcpRelay;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The team workspace's server going away under the window, and coming back: the window reaches the real test
 * PostgreSQL through a relay the test cuts (the shared cluster keeps running for everyone else). Within
 * seconds the status bar says so, the inspector keeps working, a new user is refused before anything is sent
 * to the API, and when the server answers again the status bar says so and saving works.
 */
class TeamWorkspaceOutageUiTest extends ApplicationTest {

    private static final Instant NOW = Instant.now();

    private TestPostgres.Database database;
    private TcpRelay relay;
    private ExecutorService executor;
    private ConsoleBackend services;
    private RecordingNotifier notifier;

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    public void start(Stage stage) throws Exception {
        database = TestPostgres.freshDatabase();
        relay = new TcpRelay(database.app().port());
        PostgresAddress throughRelay = new PostgresAddress(database.app().host(), relay.port(), database.app().database(),
                database.app().user());
        services = ConsoleBackend.start(new DataFolder(Files.createTempDirectory("token-console-ui"),
                DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(), Map.of(
                        WorkspaceChoice.VARIABLE, throughRelay.uri(),
                        PostgresPasswords.PASSWORD_VARIABLE, database.appPassword().reveal()), step -> { });
        executor = Executors.newFixedThreadPool(2);
        notifier = new RecordingNotifier();
        TestWindows.show(stage, executor, Clock.systemUTC(), new MemoryThemePreference(), BackendStartup.ready(services),
                new ScriptedDialogs(), notifier);
    }

    @AfterEach
    void close() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException late) {
            throw new AssertionError("Waited 20 s; the status bar says '" + text("#workspaceStatus") + "', notices: "
                    + notifier.notifications(), late);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private boolean unreachableShown() {
        return lookup("#workspaceStatus").query().getStyleClass().contains("unreachable");
    }

    @Test
    void theWindowSaysTheServerIsAwayKeepsInspectingRefusesNewWorkAndComesBack() throws Exception {
        String team = "Team workspace: " + database.name() + " on 127.0.0.1";
        await(() -> text("#workspaceStatus").equals(team));

        relay.cut();

        await(() -> text("#workspaceStatus").equals(team + " · not reachable") && unreachableShown());
        assertTrue(notifier.notifications().stream().anyMatch(said -> said.contains("cannot be reached")
                || said.contains("not reachable") || said.contains("away")), notifier.notifications().toString());

        // The inspector needs no workspace.
        interact(() -> TestWindows.putOnClipboard(TestTokens.argyleToken(NOW, "argyle-core-auth-dev")));
        clickOn("Inspector");
        clickOn("#input");
        press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        await(() -> lookup("#fact-user_id").tryQuery().isPresent());
        assertEquals(TestTokens.USER_ID, text("#fact-user_id"));

        // A new user would be created at Argyle with no audit row to say so: refused before the API call.
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        await(() -> lookup("#externalIdField").tryQuery().isPresent());
        write("ticket-4711");
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        // The create is over (its button is back) and said why: not the list's own failure to read.
        await(() -> !lookup("#createButton").query().isDisabled() && text("#usersMessage").contains("cannot be reached")
                && text("#usersMessage").contains("Nothing was done"));
        assertEquals(0, services.localSandbox().orElseThrow().requestCount("POST /v2/users"),
                "nothing was sent to the API");

        relay.restore();
        assertEquals(0, services.localSandbox().orElseThrow().userCount(), "no user at Argyle without its audit row");

        await(() -> text("#workspaceStatus").equals(team) && !unreachableShown());
        long before = services.localSandbox().orElseThrow().requestCount("POST /v2/users");
        assertEquals(0, before, services.localSandbox().orElseThrow().requestCounts().toString());
        clickOn("#createButton");
        await(() -> services.requireWorkspace().users().count(io.tokenconsole.argyle.Environment.LOCAL) == 1);
        assertEquals(1, services.localSandbox().orElseThrow().requestCount("POST /v2/users"),
                services.localSandbox().orElseThrow().requestCounts() + " " + services.requireWorkspace().audit()
                        .find(io.tokenconsole.store.AuditQuery.EVERYTHING) + " " + notifier.notifications());
    }
}
