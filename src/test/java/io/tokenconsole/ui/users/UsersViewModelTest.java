package io.tokenconsole.ui.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.RecordingClipboard;
import io.tokenconsole.ui.RecordingNotifier;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.shell.MainViewModel;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Users pane's view model on a real workspace and the real local sandbox, without a screen. */
class UsersViewModelTest {

    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String JOHN = "018051aa-f7a9-a0db-2f38-6cfa325e9d70";

    @TempDir
    Path folder;

    private ConsoleBackend backend;
    private LocalSandbox sandbox;
    private final Session session = new Session();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final RecordingClipboard clipboard = new RecordingClipboard(Duration.ofSeconds(30));
    private final List<String> navigated = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private boolean tokensPaneThere = true;
    private QueuedBackgroundWork background = QueuedBackgroundWork.immediate();

    @BeforeEach
    void start() {
        backend = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        sandbox = backend.localSandbox().orElseThrow();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private UsersViewModel viewModel() {
        BackendStartup startup = BackendStartup.ready(backend);
        return new UsersViewModel(session, new UsersViewModel.Shell() {
            @Override
            public void navigate(String paneId) {
                navigated.add(paneId);
            }

            @Override
            public boolean runCommand(String name) {
                commands.add(name);
                return tokensPaneThere;
            }
        }, startup, background, new ChangeGuard(startup, background, dialogs), dialogs, notifier, clipboard, ZoneOffset.UTC);
    }

    private Workspace workspace() {
        return backend.requireWorkspace();
    }

    private List<String> ids(UsersViewModel users) {
        return users.rows().stream().map(UserRow::id).toList();
    }

    private List<AuditEntry> audit(AuditAction action) {
        return workspace().audit().find(AuditQuery.EVERYTHING.action(action));
    }

    @Test
    void newUserIsCreatedSavedAuditedSelectedAndShowsItsFirstTokenForCopying() {
        UsersViewModel users = viewModel();
        users.newUser();
        assertEquals(List.of(Navigator.USERS), navigated);
        assertTrue(users.newUserOpenProperty().get());
        users.externalIdProperty().set("ticket-4711");
        users.labelProperty().set("Jane Doe");
        users.noteProperty().set("payroll question");

        users.createUser();

        String id = users.createdIdProperty().get();
        assertFalse(id.isEmpty(), users.messageProperty().get());
        assertEquals(1, sandbox.requestCount("POST /v2/users"));
        SavedUser saved = workspace().users().find(Environment.LOCAL, id).orElseThrow();
        assertEquals("Jane Doe", saved.label());
        assertEquals("payroll question", saved.note());
        assertEquals("ticket-4711", saved.externalId());
        assertEquals(UserOrigin.CREATED_HERE, saved.origin());
        assertEquals(id, session.selectedUser().orElseThrow().id());
        assertEquals(List.of(id), ids(users));
        assertEquals(id, users.selectedRowProperty().get().id());
        AuditEntry created = audit(AuditAction.USER_CREATED).get(0);
        assertEquals(id, created.userId());
        assertTrue(created.token() != null, "the audit row carries the first token's jti and exp");
        assertEquals("", users.externalIdProperty().get(), "the form is ready for the next user");

        users.copyCreatedToken();
        assertEquals(List.of(users.createdTokenProperty().get()), clipboard.secrets());
        assertTrue(notifier.notifications().get(0).contains("cleared from the clipboard in 30 s"), notifier.notifications().toString());
        users.copyCreatedId();
        assertEquals(List.of(id), clipboard.copied());

        users.closeNewUserForm();
        assertEquals("", users.createdTokenProperty().get(), "closing the form lets the token go");
    }

    @Test
    void anExternalIdOverAHundredCharactersIsRefusedBeforeAnyRequest() {
        UsersViewModel users = viewModel();
        users.openNewUserForm();
        users.externalIdProperty().set("x".repeat(101));
        assertTrue(users.externalIdProblemProperty().get().contains("up to 100 characters"));

        users.createUser();

        assertEquals(0, sandbox.requestCount("POST /v2/users"));
        assertTrue(users.failedProperty().get());
        assertTrue(users.messageProperty().get().contains("this one has 101"), users.messageProperty().get());
        users.externalIdProperty().set("x".repeat(100));
        assertEquals("", users.externalIdProblemProperty().get());
        users.createUser();
        assertEquals(1, sandbox.requestCount("POST /v2/users"));
    }

    @Test
    void inProductionTheQuestionNamesTheEnvironmentAndCancelSendsNothing() {
        try (LocalSandbox production = Sandboxes.start(EmulatorConfig.defaults().withApiKey(new ApiKey("prod-key", "prod-secret")))) {
            workspace().settings().setBaseUrlOverride(Environment.PRODUCTION, production.baseUrl());
            backend.apiKeys().orElseThrow().save(Environment.PRODUCTION, "prod-key", Secret.of("prod-secret"));
            UsersViewModel users = viewModel();
            session.environmentProperty().set(Environment.PRODUCTION);
            users.openNewUserForm();
            users.externalIdProperty().set("ticket-1");

            users.createUser();

            assertEquals(1, dialogs.questions().size());
            assertTrue(dialogs.questions().get(0).contains("Production"), dialogs.questions().get(0));
            assertEquals(Map.of(), production.requestCounts());
            assertTrue(users.messageProperty().get().startsWith("Nothing was sent"), users.messageProperty().get());
            assertEquals(0, workspace().users().count(Environment.PRODUCTION));

            dialogs.answer(true);
            users.createUser();
            assertEquals(1, production.requestCount("POST /v2/users"));
            assertEquals(1, workspace().users().count(Environment.PRODUCTION));
        }
    }

    @Test
    void searchMatchesIdPrefixLabelNoteAndExternalIdAndOnlyTheNewestAnswerLands() {
        workspace().users().save(Environment.LOCAL, JANE, new UserDetails("Jane Doe", "called about payroll", "CRM-1"),
                UserOrigin.IMPORTED);
        workspace().users().save(Environment.LOCAL, JOHN, new UserDetails("John Roe", null, "CRM-2"), UserOrigin.IMPORTED);
        background = QueuedBackgroundWork.held();
        UsersViewModel users = viewModel();
        background.runOldest();
        assertEquals(2, users.rows().size());

        users.searchTextProperty().set("jan");
        users.searchTextProperty().set("payroll");
        background.runNewest();
        background.runOldest(); // the answer for "jan" comes late and is dropped
        assertEquals(List.of(JANE), ids(users));

        users.searchTextProperty().set("CRM-2");
        background.runNewest();
        assertEquals(List.of(JOHN), ids(users));
        users.searchTextProperty().set(JOHN.substring(0, 2));
        background.runNewest();
        assertEquals(2, users.rows().size(), "both ids start with 01");
        users.searchTextProperty().set("nobody");
        background.runNewest();
        assertEquals(List.of(), ids(users));
        assertTrue(users.savedSummaryProperty().get().contains("matches 'nobody'"));
    }

    @Test
    void switchingEnvironmentShowsThatEnvironmentsUsersOnlyAndClearsTheSelection() {
        workspace().users().save(Environment.LOCAL, JANE, UserDetails.label("local Jane"), UserOrigin.IMPORTED);
        workspace().users().save(Environment.SANDBOX, JOHN, UserDetails.label("sandbox John"), UserOrigin.IMPORTED);
        UsersViewModel users = viewModel();
        users.select(users.rows().get(0));
        assertEquals(JANE, session.selectedUser().orElseThrow().id());

        session.environmentProperty().set(Environment.SANDBOX);

        assertEquals(List.of(JOHN), ids(users));
        assertTrue(session.selectedUser().isEmpty());
        assertNull(users.selectedRowProperty().get());
        assertEquals("Users — Sandbox", users.titleProperty().get());
    }

    @Test
    void inlineEditsSaveLabelAndNoteAndKeepTheRest() {
        workspace().users().save(Environment.LOCAL, JANE, new UserDetails("Jane", "old note", "CRM-1"), UserOrigin.IMPORTED);
        UsersViewModel users = viewModel();
        users.select(users.rows().get(0));

        users.editLabel(users.rows().get(0), "Jane Doe ");
        users.editNote(users.rows().get(0), "");

        SavedUser saved = workspace().users().find(Environment.LOCAL, JANE).orElseThrow();
        assertEquals("Jane Doe", saved.label());
        assertNull(saved.note(), "an emptied note is cleared");
        assertEquals("CRM-1", saved.externalId());
        assertEquals(UserOrigin.IMPORTED, saved.origin());
        assertEquals("Jane Doe", users.rows().get(0).label());
        assertEquals("Jane Doe", session.selectedUser().orElseThrow().label());

        users.editLabel(users.rows().get(0), "x".repeat(300));
        assertTrue(users.failedProperty().get());
        assertTrue(users.messageProperty().get().contains("label"), users.messageProperty().get());
        assertEquals("Jane Doe", users.rows().get(0).label(), "a refused edit shows what is saved");
    }

    @Test
    void anEditOfAUserSomeoneElseChangedMeanwhileIsRefusedSaysWhoAndKeepsWhatWasTyped() {
        workspace().users().save(Environment.LOCAL, JANE, new UserDetails("Jane", null, null), UserOrigin.IMPORTED);
        UsersViewModel users = viewModel();
        UserRow shown = users.rows().get(0);
        // A colleague (another process, as another operator) changes the label after the row was shown.
        try (Workspace colleague = Workspace.open(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION),
                Clock.systemUTC(), new io.tokenconsole.store.Operator("bob"))) {
            SavedUser current = colleague.users().find(Environment.LOCAL, JANE).orElseThrow();
            colleague.users().edit(Environment.LOCAL, JANE, new UserDetails("Jane (bob's)", null, null), current.version());
        }

        users.editLabel(shown, "Jane — payroll");

        assertTrue(users.failedProperty().get());
        String said = users.messageProperty().get();
        assertTrue(said.startsWith("bob changed user " + JANE + " at "), said);
        assertTrue(said.contains("“Jane — payroll” was not saved"), said);
        assertEquals("Jane (bob's)", workspace().users().find(Environment.LOCAL, JANE).orElseThrow().label(),
                "their change is not overwritten");
        assertEquals("Jane (bob's)", users.rows().get(0).label(), "the list shows their version");

        users.editLabel(users.rows().get(0), "Jane — payroll");
        assertFalse(users.failedProperty().get(), users.messageProperty().get());
        assertEquals("Jane — payroll", workspace().users().find(Environment.LOCAL, JANE).orElseThrow().label(),
                "editing again from their version saves");
    }

    @Test
    void forgetRemovesTheUserFromTheListOnlyAndSaysTheUserAtArgyleStays() throws Exception {
        String id = backend.actions().createUser(Environment.LOCAL, NewUser.blank().withExternalId("keep-me"),
                UserDetails.NONE).id();
        UsersViewModel users = viewModel();
        users.select(users.rows().get(0));

        users.forget(users.rows().get(0));

        assertEquals(List.of(), ids(users));
        assertTrue(session.selectedUser().isEmpty());
        assertTrue(users.messageProperty().get().contains("still exists at Argyle"), users.messageProperty().get());
        assertEquals(id, audit(AuditAction.USER_FORGOTTEN).get(0).userId());
        assertEquals(1, backend.actions().listUsers(Environment.LOCAL, new UserListRequest(10, null, "keep-me"))
                .results().size());
    }

    @Test
    void findListsArgylesUsersPageByPageFiltersByExactExternalIdAndSavesInOneClick() throws Exception {
        for (int i = 0; i < 5; i++) {
            backend.actions().createUser(Environment.LOCAL, NewUser.blank().withExternalId("crm-" + i), UserDetails.NONE);
        }
        backend.actions().createUser(Environment.LOCAL, NewUser.blank().withExternalId("CRM-1"), UserDetails.NONE);
        workspace().users().forEach(Environment.LOCAL, user -> workspace().users().forget(Environment.LOCAL, user.id()));
        UsersViewModel users = viewModel();
        users.findPageSizeProperty().set(4);

        users.find();
        assertEquals(4, users.foundRows().size());
        assertTrue(users.moreFoundProperty().get());
        users.showMoreFound();
        assertEquals(6, users.foundRows().size());
        assertFalse(users.moreFoundProperty().get());
        assertEquals(6, users.foundRows().stream().map(FoundRow::id).distinct().count());

        users.findExternalIdProperty().set("crm-1");
        users.find();
        assertEquals(List.of("crm-1"), users.foundRows().stream().map(FoundRow::externalId).toList(),
                "exact and case-sensitive, as Argyle filters");
        FoundRow row = users.foundRows().get(0);
        assertFalse(row.saved());

        users.saveFound(row);

        assertTrue(users.foundRows().get(0).saved());
        SavedUser saved = workspace().users().find(Environment.LOCAL, row.id()).orElseThrow();
        assertEquals("crm-1", saved.externalId());
        assertEquals(UserOrigin.FETCHED_FROM_API, saved.origin());
        assertEquals(List.of(row.id()), ids(users));
    }

    @Test
    void deleteAtArgyleAlwaysAsksNamingEnvironmentAndIdAndNoSendsNothing() throws Exception {
        String id = backend.actions().createUser(Environment.LOCAL, NewUser.blank(), UserDetails.NONE).id();
        UsersViewModel users = viewModel();
        users.select(users.rows().get(0));

        users.deleteAtArgyle(id);
        assertEquals(0, sandbox.requestCount("DELETE /v2/users/{id}"));
        String question = dialogs.questions().get(0);
        assertTrue(question.contains("Local sandbox") && question.contains(id)
                && question.contains("all its accounts and data"), question);

        dialogs.answer(true);
        users.deleteAtArgyle(id);
        assertEquals(1, sandbox.requestCount("DELETE /v2/users/{id}"));
        assertEquals(id, audit(AuditAction.USER_DELETED).get(0).userId());
        assertEquals(List.of(), ids(users));
        assertTrue(session.selectedUser().isEmpty());

        dialogs.answer(true);
        users.deleteAtArgyle(id);
        assertTrue(users.failedProperty().get());
        assertTrue(users.messageProperty().get().contains("404"), users.messageProperty().get());
    }

    @Test
    void apiFailuresShowInPlainWordsAndThePaneStaysUsable() {
        UsersViewModel users = viewModel();
        users.openNewUserForm();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 1)));
        users.createUser();
        assertTrue(users.failedProperty().get());
        assertTrue(users.messageProperty().get().contains("503"), users.messageProperty().get());
        assertFalse(users.busyProperty().get());

        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAUTHORIZED, 1)));
        users.find();
        assertTrue(users.messageProperty().get().contains("401"), users.messageProperty().get());

        users.createUser();
        assertFalse(users.failedProperty().get(), users.messageProperty().get());
        assertEquals(1, users.rows().size());
    }

    @Test
    void importAndExportUseTheCommandLinesFormatsAndReportBadRowsByLine() throws Exception {
        Path file = folder.resolve("team.csv");
        Files.writeString(file, "id,label,external_id\n" + JANE + ",Jane,CRM-1\nnot-an-id,Bad,\n", StandardCharsets.UTF_8);
        dialogs.openFile(file);
        UsersViewModel users = viewModel();

        users.importUsers();

        assertEquals(List.of(JANE), ids(users));
        assertTrue(users.failedProperty().get(), "a rejected row is reported");
        assertTrue(users.messageProperty().get().startsWith("Imported 1 new, 0 already saved, 1 rejected: line 3:"),
                users.messageProperty().get());

        Path exported = folder.resolve("out.json");
        dialogs.saveFile(exported);
        users.exportUsers();
        String json = Files.readString(exported);
        assertTrue(json.contains("\"kind\" : \"token-console/saved-users\"") && json.contains(JANE), json);
        assertTrue(users.messageProperty().get().startsWith("Exported 1 saved users of Local sandbox"));

        dialogs.saveFile(folder.resolve("out.txt"));
        users.exportUsers();
        assertTrue(users.messageProperty().get().contains("name it .csv or .json"), users.messageProperty().get());
    }

    @Test
    void issueTokenSelectsTheUserAndHandsOverToTheTokensPane() {
        workspace().users().save(Environment.LOCAL, JANE, UserDetails.label("Jane"), UserOrigin.IMPORTED);
        UsersViewModel users = viewModel();

        users.issueToken(users.rows().get(0));

        assertEquals(JANE, session.selectedUser().orElseThrow().id());
        assertEquals(List.of(Navigator.TOKENS), navigated);
        assertEquals(List.of(MainViewModel.ISSUE_TOKEN), commands);

        tokensPaneThere = false;
        users.issueToken(users.rows().get(0));
        assertTrue(users.messageProperty().get().contains("no pane of this window issues tokens"));
    }
}
