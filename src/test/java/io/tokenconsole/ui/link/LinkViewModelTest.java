package io.tokenconsole.ui.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.RecordingClipboard;
import io.tokenconsole.ui.RecordingNotifier;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Link view's model on a real backend (workspace, local sandbox, Link host) without a window. */
class LinkViewModelTest {

    @TempDir
    static Path folder;

    private static ConsoleBackend backend;
    private final Session session = new Session();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingClipboard clipboard = new RecordingClipboard(Duration.ofSeconds(30));
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<String> browsed = new ArrayList<>();
    private final List<String> navigated = new ArrayList<>();
    private LinkViewModel link;
    private String user;

    /** One backend for the class, as one window has one: each test has a user of its own. */
    @BeforeAll
    static void startBackend() {
        backend = ConsoleBackend.start(new DataFolder(folder.resolve("data"), DataFolder.Source.DATA_DIR_OPTION),
                Clock.systemUTC(), Map.of(), step -> { });
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @BeforeEach
    void start() throws Exception {
        BackendStartup startup = BackendStartup.ready(backend);
        QueuedBackgroundWork background = QueuedBackgroundWork.immediate();
        link = new LinkViewModel(new LinkViewModel.Parts(startup, background, new ChangeGuard(startup, background, dialogs),
                dialogs, clipboard, notifier, browsed::add, Clock.systemUTC(), ZoneOffset.UTC, Runnable::run),
                session, navigated::add);
        link.environmentProperty().bind(session.environmentProperty());
        user = backend.actions().createUser(Environment.LOCAL, NewUser.blank(), UserDetails.NONE).id();
    }

    @AfterEach
    void stop() {
        backend.linkHost().orElseThrow().sessions().forEach(each -> each.close());
    }

    private static void await(BooleanSupplier condition) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached in 5 s");
            }
            Thread.sleep(20);
        }
    }

    private long issued(String id) {
        return backend.requireWorkspace().audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED))
                .stream().filter(entry -> id.equals(entry.userId())).count();
    }

    @Test
    void openLinkForATypedIdShowsTheSessionAndItsCallbacksAsTheyArrive() throws Exception {
        link.userIdProperty().set(user.toUpperCase());
        link.openLinkForTypedId();

        assertEquals(1, link.sessions().size(), link.messageProperty().get());
        assertEquals(user, link.sessionUserProperty().get());
        assertEquals("Local sandbox", link.sessionEnvironmentProperty().get());
        assertTrue(link.sessionAddressProperty().get().matches("http://127\\.0\\.0\\.1:\\d+/s/[A-Za-z0-9_-]{43}/"));
        assertTrue(link.canExpireProperty().get());
        assertFalse(link.canSaveProperty().get(), "no saved page for the local sandbox");
        assertEquals(1, issued(user), "the first token is issued and audited");

        PageVisitor page = PageVisitor.load(link.sessionAddressProperty().get());
        page.post("{\"name\":\"onAccountConnected\",\"payload\":{\"accountId\":\"acc-1\",\"userId\":\"" + user
                + "\",\"itemId\":\"item_000000001\"}}");
        await(() -> link.timelineProperty().get().size() == 1);
        TimelineRow row = link.timelineProperty().get().get(0);
        assertEquals("onAccountConnected", row.event());
        assertEquals("Link", row.source());
        assertTrue(row.payload().contains("\"accountId\":\"acc-1\""), row.payload());
        assertTrue(row.detail().contains("\n"), "the detail is laid out over lines");
        assertFalse(row.problem());
        assertEquals(1, backend.requireWorkspace().audit().find(AuditQuery.EVERYTHING
                .action(AuditAction.LINK_ACCOUNT_CONNECTED).user(user)).size(), "onAccountConnected is audited");

        page.post("{\"name\":\"scriptLoadFailed\",\"payload\":{\"reason\":\"offline\"}}");
        await(() -> link.timelineProperty().get().size() == 2);
        assertTrue(link.timelineProperty().get().get(1).problem(), "a script that did not load shows as a problem");
        assertEquals("Page", link.timelineProperty().get().get(1).source());
    }

    @Test
    void expireThisTokenNowMakesTheStandInFindItExpiredAndCloseEndsThePage() throws Exception {
        link.userIdProperty().set(user);
        link.openLinkForTypedId();
        PageVisitor page = PageVisitor.load(link.sessionAddressProperty().get());
        assertEquals("valid", page.standInVerdict());

        link.expireTokenNow();
        assertEquals("expired", page.standInVerdict());
        await(() -> link.timelineProperty().get().stream().anyMatch(r -> r.event().equals("tokenExpiredByConsole")));

        link.closeSession();
        await(() -> !link.sessionOpenProperty().get());
        assertEquals("Ended", link.sessionStateProperty().get());
        assertEquals(404, page.pageStatus());
        assertFalse(link.canExpireProperty().get());
        assertEquals("sessionEnded", link.timelineProperty().get().get(link.timelineProperty().get().size() - 1).event());
    }

    @Test
    void aTypoInTheUserIdIsRefusedBeforeAnythingIsIssued() {
        link.userIdProperty().set("not-a-user");
        link.openLinkForTypedId();
        assertTrue(link.failedProperty().get());
        assertTrue(link.messageProperty().get().startsWith("'not-a-user' is not an Argyle user id"), link.messageProperty().get());
        assertTrue(link.messageProperty().get().endsWith("Nothing was issued."));
        assertTrue(link.sessions().isEmpty());
    }

    @Test
    void theWindowWideCommandUsesTheSelectedUserAndShowsTheLinkView() {
        link.openLinkForSelectedUser();
        assertEquals(List.of(Navigator.LINK), navigated);
        assertTrue(link.failedProperty().get());
        assertTrue(link.messageProperty().get().startsWith("Select a user first"));

        session.selectUser(Environment.LOCAL, user, "Jo");
        link.openLinkForSelectedUser();
        assertEquals(1, link.sessions().size(), link.messageProperty().get());
        assertEquals(user, link.sessionUserProperty().get());
    }

    @Test
    void productionAsksAndSaysTheSessionIssuesTokensCancelSendsNothing() {
        session.environmentProperty().set(Environment.PRODUCTION);
        link.userIdProperty().set(user);
        link.openLinkForTypedId();
        assertEquals(1, dialogs.questions().size());
        String question = dialogs.questions().get(0);
        assertTrue(question.contains("issues user tokens for this user now and whenever Link asks"), question);
        assertTrue(question.contains("Production"), question);
        assertEquals("Link was not opened: nothing was issued.", link.messageProperty().get());
        assertTrue(link.sessions().isEmpty());
        assertEquals(0, issued(user));
    }

    @Test
    void openInBrowserHandsTheAddressToTheSystemBrowserAndCopyClearsItLater() {
        link.userIdProperty().set(user);
        link.openLinkForTypedId();
        link.openInBrowser();
        assertEquals(List.of(link.sessionAddressProperty().get()), browsed);
        link.copyPageAddress();
        assertEquals(List.of(link.sessionAddressProperty().get()), clipboard.secrets(), "the address opens Link: a secret");
        assertTrue(notifier.notifications().get(0).contains("cleared from the clipboard in 30 s"), notifier.notifications().toString());
    }

    @Test
    void theDefaultsSavedForTheEnvironmentFillTheOptions() {
        backend.requireWorkspace().settings().setLinkFlowId(Environment.SANDBOX, "flow-7");
        backend.requireWorkspace().settings().setLinkItems(Environment.SANDBOX, "item_1, item_2");
        session.environmentProperty().set(Environment.SANDBOX);
        assertEquals("flow-7", link.flowIdProperty().get());
        assertEquals("item_1, item_2", link.itemsProperty().get());
        session.environmentProperty().set(Environment.LOCAL);
        assertEquals("", link.flowIdProperty().get());
    }

    @Test
    void saveAsHtmlWritesAnOwnerOnlyPageWithAFreshTokenAndNeverReplacesAFile() throws Exception {
        LocalSandbox sandbox = backend.localSandbox().orElseThrow();
        // Argyle's sandbox, played by the local emulator: the same users, over real HTTP.
        backend.requireWorkspace().settings().setBaseUrlOverride(Environment.SANDBOX, sandbox.baseUrl());
        backend.apiKeys().orElseThrow().save(Environment.SANDBOX, sandbox.apiKey().id(), Secret.of(sandbox.apiKey().secret()));
        session.environmentProperty().set(Environment.SANDBOX);
        link.itemsProperty().set("item_000000001");
        link.userIdProperty().set(user);
        link.openLinkForTypedId();
        assertEquals("Sandbox", link.sessionEnvironmentProperty().get(), link.messageProperty().get());
        assertTrue(link.canSaveProperty().get());
        assertFalse(link.canExpireProperty().get(), "Argyle judges its own tokens");

        Path file = Files.createTempDirectory(folder, "save").resolve("link-page.html");
        dialogs.saveFile(file);
        link.saveAsHtml();
        assertFalse(link.failedProperty().get(), link.messageProperty().get());
        assertTrue(link.messageProperty().get().contains("expires one hour after issue"), link.messageProperty().get());
        String html = Files.readString(file);
        assertTrue(html.contains("expires one hour after issue"));
        assertTrue(html.contains("item_000000001"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(2, issued(user), "the saved page has a token of its own");

        link.saveAsHtml();
        assertTrue(link.failedProperty().get());
        assertTrue(link.messageProperty().get().contains("already exists"), link.messageProperty().get());
        assertEquals(2, issued(user), "nothing issued for a file that is there");
        assertEquals(html, Files.readString(file), "the file is left as it was");
    }
}
