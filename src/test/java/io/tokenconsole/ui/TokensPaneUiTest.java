package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tokens pane in the window as the application builds it: real workspace, real local sandbox,
 * real HTTP. The services are started once for the class (they take a moment); each test has a
 * window of its own.
 */
class TokensPaneUiTest extends ApplicationTest {

    private static final String ISSUE_ROUTE = "POST /v2/user-tokens";

    private static ConsoleBackend services;
    private ExecutorService executor;
    private ConsoleWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingNotifier notifier = new RecordingNotifier();

    /** Started before the first window, off the FX thread: on a busy machine it takes longer than TestFX waits for a window. */
    @BeforeAll
    static void startServices() throws Exception {
        Path folder = Files.createTempDirectory("token-console-tokens-ui");
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
    }

    @Override
    public void start(Stage stage) throws Exception {
        services.localSandbox().orElseThrow().clearFaults();
        executor = Executors.newFixedThreadPool(2);
        window = TestWindows.show(stage, executor, Clock.systemUTC(), new MemoryThemePreference(),
                BackendStartup.ready(services), dialogs, notifier);
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
            services = null;
        }
    }

    private void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private boolean visible(String query) {
        return lookup(query).query().isVisible();
    }

    private String createLocalUser(String label) throws Exception {
        return services.actions().createUser(Environment.LOCAL, NewUser.blank(), new UserDetails(label, null, null)).id();
    }

    private void ctrlT() {
        press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
    }

    @Test
    void ctrlTIssuesForTheSelectedUserAndTheInspectorShowsTheSameUser() throws Exception {
        String id = createLocalUser("Ada");
        interact(() -> window.session().selectUser(Environment.LOCAL, id, "Ada"));
        clickOn("#environmentStatus");
        ctrlT();
        await(() -> !lookup("#issuedTokenField").queryAs(TextField.class).getText().isEmpty());

        String token = lookup("#issuedTokenField").queryAs(TextField.class).getText();
        assertEquals("New token for " + id, text("#cardTitle"));
        assertTrue(text("#tokenExpiryAdvice").contains("Don't rely on the expiry"));
        List<AuditEntry> issued = services.requireWorkspace().audit()
                .find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED).user(id));
        assertEquals(1, issued.size());
        assertEquals(id, issued.get(0).userId());
        assertEquals(issued.get(0).token().jti(), lookup("#tokenId").queryAs(TextField.class).getText());

        clickOn("#inspectButton");
        javafx.scene.control.TableView<io.tokenconsole.ui.inspector.ClaimRow> claims = lookup("#claimsTable").queryTableView();
        await(() -> claims.getItems().stream().anyMatch(row -> row.name().equals("user_id") && row.value().equals(id)));
        assertEquals("Inspector", window.mainViewModel().selectedPaneProperty().get().title());
        assertEquals(token, window.inspectorViewModel().inputProperty().get());
    }

    @Test
    void openLinkFromTheTokenCardStartsALinkSessionForTheCardsUser() throws Exception {
        String id = createLocalUser("Grace");
        interact(() -> window.session().selectUser(Environment.LOCAL, id, "Grace"));
        clickOn("#environmentStatus");
        ctrlT();
        await(() -> !lookup("#issuedTokenField").queryAs(TextField.class).getText().isEmpty());

        clickOn("#openLinkButton");
        await(() -> !window.linkViewModel().sessions().isEmpty());
        assertEquals("link", window.mainViewModel().selectedPaneProperty().get().id());
        await(() -> window.linkViewModel().sessionUserProperty().get().contains(id));
        assertTrue(window.linkViewModel().sessionAddressProperty().get().startsWith("http://127.0.0.1:"),
                window.linkViewModel().sessionAddressProperty().get());
    }

    @Test
    void aTypedIdIsCheckedBeforeAnyCallAndEnterIssuesOnceItIsOne() throws Exception {
        String id = createLocalUser(null);
        LocalSandbox sandbox = services.localSandbox().orElseThrow();
        long issuedBefore = sandbox.requestCount(ISSUE_ROUTE);
        interact(() -> window.mainViewModel().navigate("tokens"));
        clickOn("#userIdField").write("1234").type(KeyCode.ENTER);
        await(() -> visible("#userIdProblem"));
        assertTrue(text("#userIdProblem").contains("is not an Argyle user id"), text("#userIdProblem"));
        assertEquals(issuedBefore, sandbox.requestCount(ISSUE_ROUTE));

        interact(() -> lookup("#userIdField").queryAs(TextField.class).setText(id));
        clickOn("#userIdField").type(KeyCode.ENTER);
        await(() -> "New token for ".concat(id).equals(text("#cardTitle")));
        assertFalse(visible("#userIdProblem"));
    }

    @Test
    void ctrlTWithoutASelectedUserSaysSoAndPutsTheFocusInTheIdField() throws Exception {
        clickOn("#environmentStatus");
        ctrlT();
        await(() -> lookup("#userIdField").tryQuery().map(field -> field.isFocused()).orElse(false));
        assertTrue(text("#tokensMessage").startsWith("No user is selected."));
    }

    @Test
    void inProductionCancelSendsNothing() throws Exception {
        try (LocalSandbox production = Sandboxes.start()) {
            services.requireWorkspace().settings().setBaseUrlOverride(Environment.PRODUCTION, production.baseUrl());
            services.apiKeys().orElseThrow().save(Environment.PRODUCTION, production.apiKey().id(),
                    Secret.of(production.apiKey().secret()));
            clickOn("#productionButton");
            interact(() -> window.mainViewModel().navigate("tokens"));
            interact(() -> lookup("#userIdField").queryAs(TextField.class).setText("018051aa-f7a9-a0db-2f38-6cfa325e9d69"));
            clickOn("#issueButton");
            await(() -> visible("#card") && text("#cardTitle").equals("Nothing was sent"));

            assertEquals(1, dialogs.questions().size());
            assertTrue(dialogs.questions().get(0).contains("018051aa-f7a9-a0db-2f38-6cfa325e9d69"));
            assertEquals(Map.of(), production.requestCounts());
            assertFalse(lookup("#issueButton").queryAs(Button.class).isDisabled());
        }
    }

    @Test
    void everyFaultShowsItsMessageAndTheWindowStaysUsable() throws Exception {
        String id = createLocalUser(null);
        LocalSandbox sandbox = services.localSandbox().orElseThrow();
        interact(() -> window.mainViewModel().navigate("tokens"));
        interact(() -> lookup("#userIdField").queryAs(TextField.class).setText(id));
        record Case(FaultRule rule, String title, String words) {
        }
        List<Case> cases = List.of(
                new Case(FaultRule.nextRequests(Fault.UNAUTHORIZED, 1), "Wrong API key", "HTTP 401"),
                new Case(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(120), "Rate limited",
                        "it asks to wait 120 s"),
                // Every attempt the client makes (it retries a 503 and a dropped connection) meets the fault.
                new Case(FaultRule.nextRequests(Fault.UNAVAILABLE, 5), "The local sandbox had a problem", "HTTP 503"),
                new Case(FaultRule.nextRequests(Fault.DROP_CONNECTION, 5), "The connection dropped",
                        "closed the connection before answering"));
        for (Case each : cases) {
            interact(() -> sandbox.setFaults(FaultPlan.of(each.rule())));
            clickOn("#issueButton");
            await(() -> text("#cardTitle").equals(each.title()));
            assertTrue(text("#cardMessage").contains(each.words()), each.title() + ": " + text("#cardMessage"));
            assertTrue(visible("#cardNextStep"), each.title());
            if (each.rule().fault() == Fault.RATE_LIMITED) {
                assertEquals("Wait 120 s, then issue again.", text("#cardNextStep"));
            }
            await(() -> !lookup("#issueButton").queryAs(Button.class).isDisabled());
        }

        interact(() -> lookup("#userIdField").queryAs(TextField.class).setText("018051aa-f7a9-a0db-2f38-6cfa325e9d69"));
        interact(sandbox::clearFaults);
        clickOn("#issueButton");
        await(() -> text("#cardTitle").equals("Unknown user"));
        assertTrue(text("#cardMessage").contains("HTTP 404"));

        // Still usable: the next call goes through.
        interact(() -> lookup("#userIdField").queryAs(TextField.class).setText(id));
        clickOn("#issueButton");
        await(() -> text("#cardTitle").equals("New token for " + id));
        assertTrue(visible("#issuedTokenField"));
    }
}
