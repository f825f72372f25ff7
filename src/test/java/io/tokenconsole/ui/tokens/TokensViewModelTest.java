package io.tokenconsole.ui.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.ExpiryAdvice;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.RecordingClipboard;
import io.tokenconsole.ui.RecordingNotifier;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.ConsoleBackend;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tokens pane's view model on a real workspace and a real local sandbox, without a screen. The
 * backend is shared by the tests of this class (it takes a moment to start); each test has its own
 * session and view model, and counts requests from where it began.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokensViewModelTest {

    private static final String ISSUE_ROUTE = "POST /v2/user-tokens";

    private ConsoleBackend backend;
    private LocalSandbox sandbox;
    private Session session;
    private List<String> navigated;
    private ScriptedDialogs dialogs;
    private RecordingClipboard clipboard;
    private RecordingNotifier notifier;
    private TokensViewModel tokens;
    private long issuedBefore;

    @BeforeAll
    void startBackend(@TempDir Path folder) {
        backend = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        sandbox = backend.localSandbox().orElseThrow();
    }

    @BeforeEach
    void start() {
        session = new Session();
        navigated = new ArrayList<>();
        dialogs = new ScriptedDialogs();
        clipboard = new RecordingClipboard(Duration.ofSeconds(30));
        notifier = new RecordingNotifier();
        sandbox.clearFaults();
        issuedBefore = sandbox.requestCount(ISSUE_ROUTE);
        QueuedBackgroundWork background = QueuedBackgroundWork.immediate();
        BackendStartup startup = BackendStartup.ready(backend);
        tokens = new TokensViewModel(session, navigated::add, startup, background,
                new ChangeGuard(startup, background, dialogs), clipboard, notifier, Clock.systemUTC(), ZoneOffset.UTC);
    }

    @AfterAll
    void stop() {
        backend.close();
    }

    private String createUser(String label) throws Exception {
        return backend.actions().createUser(Environment.LOCAL, NewUser.blank(), new UserDetails(label, null, null)).id();
    }

    private long issueRequests() {
        return sandbox.requestCount(ISSUE_ROUTE) - issuedBefore;
    }

    private List<AuditEntry> audit(AuditAction action) {
        return backend.requireWorkspace().audit().find(AuditQuery.EVERYTHING.action(action));
    }

    @Test
    void aTypedIdGetsATokenCardWithItsTimesAndTheAdviceAndAnAuditRow() throws Exception {
        String id = createUser("Ada");
        long changes = session.workspaceChangesProperty().get();
        tokens.userIdProperty().set(id.toUpperCase());
        tokens.issue();

        assertEquals(CardKind.ISSUED, tokens.cardKindProperty().get());
        assertEquals("New token for " + id, tokens.cardTitleProperty().get());
        String token = tokens.tokenProperty().get();
        assertEquals(3, token.split("\\.").length, "a JWT on the card");
        AuditEntry row = audit(AuditAction.TOKEN_ISSUED).get(0);
        assertTrue(row.error().isEmpty());
        assertEquals(id, row.userId());
        assertEquals(row.token().jti(), tokens.tokenIdProperty().get());
        assertTrue(tokens.issuedTextProperty().get().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d Z \\((now|\\d+ s ago)\\)"),
                tokens.issuedTextProperty().get());
        assertTrue(tokens.expiresTextProperty().get().contains("1 hour after issue"), tokens.expiresTextProperty().get());
        assertTrue(tokens.expiryAdvice().contains(ExpiryAdvice.TEXT));
        assertTrue(session.workspaceChangesProperty().get() > changes, "lists are told to read the workspace again");
        assertFalse(tokens.busyProperty().get());
    }

    @Test
    void anIdThatIsNoIdIsRefusedBeforeAnyCallAndTheFieldKeepsIt() {
        tokens.userIdProperty().set("not-a-user");
        assertEquals("", tokens.userIdProblemProperty().get(), "short text may be a search for a saved user");
        long focus = tokens.focusUserIdRequestsProperty().get();
        tokens.issue();
        assertTrue(tokens.userIdProblemProperty().get().contains("'not-a-user' is not an Argyle user id"));

        assertEquals(0, issueRequests());
        assertEquals(CardKind.NONE, tokens.cardKindProperty().get());
        assertEquals("not-a-user", tokens.userIdProperty().get());
        assertEquals(focus + 1, tokens.focusUserIdRequestsProperty().get());
    }

    @Test
    void textAsLongAsAnIdThatIsNoIdIsFlaggedWhileTyping() {
        tokens.userIdProperty().set("018051aa-f7a9-a0db-2f38-6cfa325e9d6z");
        assertTrue(tokens.userIdProblemProperty().get().contains("is not an Argyle user id"));
        tokens.userIdProperty().set("018051aa-f7a9-a0db-2f38-6cfa325e9d69");
        assertEquals("", tokens.userIdProblemProperty().get());
    }

    @Test
    void anEmptyFieldSaysWhereAnIdComesFrom() {
        tokens.issue();
        assertEquals("Enter a user id, pick a saved user, or select one in the Users pane.",
                tokens.userIdProblemProperty().get());
        assertEquals(0, issueRequests());
    }

    @Test
    void issuingAgainKeepsThePreviousTokensFactsButNeverTheTokens() throws Exception {
        String id = createUser(null);
        tokens.userIdProperty().set(id);
        tokens.issue();
        String first = tokens.tokenProperty().get();
        String firstJti = tokens.tokenIdProperty().get();
        tokens.issue();
        String second = tokens.tokenProperty().get();

        assertFalse(first.equals(second));
        assertEquals(1, tokens.earlierTokens().size());
        assertEquals(firstJti, tokens.earlierTokens().get(0).jti());
        assertEquals(id, tokens.earlierTokens().get(0).userId());

        tokens.closeCard();
        assertEquals(CardKind.NONE, tokens.cardKindProperty().get());
        assertEquals("", tokens.tokenProperty().get());
        assertEquals(2, tokens.earlierTokens().size());
        for (EarlierToken row : tokens.earlierTokens()) {
            for (RecordComponent component : EarlierToken.class.getRecordComponents()) {
                String value = String.valueOf(component.getAccessor().invoke(row));
                assertFalse(value.contains(first) || value.contains(second), component.getName() + " holds a token");
                assertFalse(value.contains(first.split("\\.")[2]), component.getName() + " holds a signature");
            }
        }
        // Nothing is left to copy or open once the card is gone.
        tokens.copyToken();
        tokens.openInInspector();
        assertEquals(List.of(), clipboard.secrets());
        assertNull(session.tokenToInspectProperty().get());
    }

    @Test
    void theEarlierListIsShort() throws Exception {
        String id = createUser(null);
        tokens.userIdProperty().set(id);
        for (int i = 0; i < TokensViewModel.EARLIER_TOKENS_KEPT + 3; i++) {
            tokens.issue();
        }
        assertEquals(TokensViewModel.EARLIER_TOKENS_KEPT, tokens.earlierTokens().size());
    }

    @Test
    void copyPutsTheTokenOnTheClipboardAsASecretAndSaysWhenItGoes() throws Exception {
        tokens.userIdProperty().set(createUser(null));
        tokens.issue();
        tokens.copyToken();

        assertEquals(List.of(tokens.tokenProperty().get()), clipboard.secrets());
        String said = "Copied; cleared from the clipboard in 30 s if still there.";
        assertEquals(said, tokens.copyNoteProperty().get());
        assertEquals(List.of(said), notifier.notifications());
    }

    @Test
    void copyAsCurlIsTheCallThatIssuedTheTokenWithoutTheSecret() throws Exception {
        String id = createUser(null);
        tokens.userIdProperty().set(id);
        tokens.issue();
        tokens.copyCurl();

        String curl = clipboard.copied().get(0);
        assertTrue(curl.startsWith("curl -sS -X POST '" + sandbox.baseUrl() + "/user-tokens'"), curl);
        assertTrue(curl.contains("-u '" + sandbox.apiKey().id() + ":'\"$ARGYLE_API_KEY_SECRET\""), curl);
        assertTrue(curl.contains("-d '{\"user\":\"" + id + "\"}'"), curl);
        assertFalse(curl.contains(sandbox.apiKey().secret()), "the secret is never in the command");
        assertEquals(List.of(), clipboard.secrets());
    }

    @Test
    void openInInspectorHandsTheTokenOverAndShowsTheInspector() throws Exception {
        tokens.userIdProperty().set(createUser(null));
        tokens.issue();
        tokens.openInInspector();

        assertEquals(tokens.tokenProperty().get(), session.tokenToInspectProperty().get());
        assertEquals(List.of(Navigator.INSPECTOR), navigated);
    }

    @Test
    void ctrlTIssuesForTheSelectedUser() throws Exception {
        String id = createUser("Grace");
        session.selectUser(Environment.LOCAL, id, "Grace");
        assertEquals(id, tokens.userIdProperty().get());
        assertEquals("Selected user: Grace (" + id + ")", tokens.selectedUserTextProperty().get());

        tokens.issueForSelectedUser();
        assertEquals(List.of(Navigator.TOKENS), navigated);
        assertEquals(CardKind.ISSUED, tokens.cardKindProperty().get());
        assertEquals(1, issueRequests());
    }

    @Test
    void ctrlTWithoutASelectedUserSaysSoAndAsksForAnId() {
        long focus = tokens.focusUserIdRequestsProperty().get();
        tokens.issueForSelectedUser();

        assertEquals(List.of(Navigator.TOKENS), navigated);
        assertTrue(tokens.messageProperty().get().startsWith("No user is selected."));
        assertEquals(focus + 1, tokens.focusUserIdRequestsProperty().get());
        assertEquals(0, issueRequests());
    }

    @Test
    void switchingEnvironmentTakesTheSelectedUsersIdOutOfTheField() throws Exception {
        String id = createUser(null);
        session.selectUser(Environment.LOCAL, id, null);
        session.environmentProperty().set(Environment.SANDBOX);
        assertEquals("", tokens.userIdProperty().get());
        assertEquals("", tokens.selectedUserTextProperty().get());
    }

    @Test
    void anUnknownUserShowsWhatToDoAndTheFailureIsAudited() {
        String unknown = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
        tokens.userIdProperty().set(unknown);
        tokens.issue();

        assertEquals(CardKind.FAILED, tokens.cardKindProperty().get());
        assertEquals("Unknown user", tokens.cardTitleProperty().get());
        assertTrue(tokens.cardMessageProperty().get().contains("HTTP 404"), tokens.cardMessageProperty().get());
        assertTrue(tokens.cardNextStepProperty().get().contains("Users pane"));
        assertEquals("", tokens.tokenProperty().get());
        assertFalse(tokens.busyProperty().get());
        assertTrue(audit(AuditAction.TOKEN_ISSUED).get(0).error().isPresent(), "the failure has its audit row");
    }

    @Test
    void aRateLimitSaysHowLongToWaitWithoutWaitingItOut() throws Exception {
        tokens.userIdProperty().set(createUser(null));
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(90)));
        tokens.issue();

        assertEquals("Rate limited", tokens.cardTitleProperty().get());
        assertEquals("Wait 90 s, then issue again.", tokens.cardNextStepProperty().get());
        assertEquals(1, issueRequests(), "a wait longer than the client's limit is not retried");
    }

    @Test
    void inProductionCancelSendsNothingAndTheCardSaysSo() throws Exception {
        try (LocalSandbox production = Sandboxes.start()) {
            backend.requireWorkspace().settings().setBaseUrlOverride(Environment.PRODUCTION, production.baseUrl());
            backend.apiKeys().orElseThrow().save(Environment.PRODUCTION, production.apiKey().id(),
                    Secret.of(production.apiKey().secret()));
            session.environmentProperty().set(Environment.PRODUCTION);
            tokens.userIdProperty().set("018051aa-f7a9-a0db-2f38-6cfa325e9d69");
            tokens.issue();

            assertEquals(1, dialogs.questions().size());
            assertTrue(dialogs.questions().get(0).contains("Production"), dialogs.questions().get(0));
            assertTrue(dialogs.questions().get(0).contains("018051aa-f7a9-a0db-2f38-6cfa325e9d69"));
            assertEquals(CardKind.CANCELLED, tokens.cardKindProperty().get());
            assertEquals("Nothing was sent", tokens.cardTitleProperty().get());
            assertEquals(Map.of(), production.requestCounts());
            assertFalse(tokens.busyProperty().get());
        }
    }

    @Test
    void inProductionYesIssuesAtTheOverriddenAddressWithTheSavedKey() throws Exception {
        try (LocalSandbox production = Sandboxes.start()) {
            String id = Sandboxes.clientFor(production).createUser(NewUser.blank()).id();
            backend.requireWorkspace().settings().setBaseUrlOverride(Environment.PRODUCTION, production.baseUrl());
            backend.apiKeys().orElseThrow().save(Environment.PRODUCTION, production.apiKey().id(),
                    Secret.of(production.apiKey().secret()));
            session.environmentProperty().set(Environment.PRODUCTION);
            dialogs.answer(true);
            tokens.userIdProperty().set(id);
            tokens.issue();

            assertEquals(CardKind.ISSUED, tokens.cardKindProperty().get(), tokens.cardMessageProperty().get());
            assertEquals(1, production.requestCount(ISSUE_ROUTE));
            assertEquals(Environment.PRODUCTION.displayName(), tokens.cardMessageProperty().get()
                    .substring("Issued in ".length(), "Issued in ".length() + Environment.PRODUCTION.displayName().length()));
        }
    }

    @Test
    void savedUsersAreSuggestedByLabelInTheirEnvironmentOnly() throws Exception {
        String id = createUser("Support ticket 4711");
        assertEquals(List.of(new UserSuggestion(id, "Support ticket 4711")), tokens.suggestions("ticket"));
        assertEquals(List.of(), tokens.suggestions(""));
        session.environmentProperty().set(Environment.SANDBOX);
        assertEquals(List.of(), tokens.suggestions("ticket"));
    }
}
