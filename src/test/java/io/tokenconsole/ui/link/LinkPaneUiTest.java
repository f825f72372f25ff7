package io.tokenconsole.ui.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.ui.ConsoleWindow;
import io.tokenconsole.ui.MemoryThemePreference;
import io.tokenconsole.ui.RecordingNotifier;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.shell.MainViewModel;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as the application builds it — real workspace, local sandbox and Link host — with the
 * Link view fed by the page's own calls to the host.
 */
class LinkPaneUiTest extends ApplicationTest {

    private static ConsoleBackend services;
    private static String user;
    private ExecutorService executor;
    private ConsoleWindow window;
    private final List<String> browsed = new CopyOnWriteArrayList<>();

    /** The services start once, off the FX thread, as the application starts them after its first frame. */
    @BeforeAll
    static void startServices() throws Exception {
        Path folder = Files.createTempDirectory("token-console-link-ui");
        services = ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), step -> { });
        user = services.actions().createUser(Environment.LOCAL, NewUser.blank(), new UserDetails("Jo Support", null, null)).id();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Override
    public void start(Stage stage) throws Exception {
        executor = Executors.newFixedThreadPool(2);
        window = new ConsoleWindow(new ConsoleWindow.Parts(new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(100)), Clock.systemUTC(), ZoneOffset.UTC, new MemoryThemePreference(),
                new ClipboardService(), BackendStartup.ready(services), Optional.of(new ScriptedDialogs()),
                Optional.of(new RecordingNotifier()), browsed::add));
        window.showOn(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1180);
        stage.setHeight(780);
        stage.toFront();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        services.linkHost().orElseThrow().sessions().forEach(session -> session.close());
    }

    private void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private List<String> events() {
        TableView<TimelineRow> table = lookup("#timeline").queryTableView();
        return table.getItems().stream().map(TimelineRow::event).toList();
    }

    @Test
    void openLinkForTheSelectedUserShowsTheSessionAndTheCallbacksThePagePosts() throws Exception {
        interact(() -> {
            window.session().selectUser(Environment.LOCAL, user, "Jo Support");
            window.mainViewModel().runCommand(MainViewModel.OPEN_LINK);
        });
        await(() -> lookup("#sessionUser").tryQuery().isPresent() && text("#sessionUser").equals(user));
        assertEquals("Local sandbox", text("#sessionEnvironment"));
        assertEquals("Open", text("#sessionState"));
        String address = lookup("#sessionAddress").queryAs(TextField.class).getText();
        assertTrue(address.startsWith("http://127.0.0.1:"), address);

        PageVisitor page = PageVisitor.load(address);
        page.post("{\"name\":\"onUIEvent\",\"payload\":{\"name\":\"search - opened\"}}");
        page.post("{\"name\":\"onAccountConnected\",\"payload\":{\"accountId\":\"acc-9\",\"userId\":\"" + user
                + "\",\"itemId\":\"item_000000001\"}}");
        await(() -> events().equals(List.of("onUIEvent", "onAccountConnected")));

        clickOn("#openInBrowserButton");
        assertEquals(List.of(address), browsed);

        assertEquals("valid", page.standInVerdict());
        clickOn("#expireButton");
        assertEquals("expired", page.standInVerdict());
        await(() -> events().contains("tokenExpiredByConsole"));

        clickOn("#closeSessionButton");
        await(() -> text("#sessionState").equals("Ended"));
        assertTrue(lookup("#openInBrowserButton").queryAs(Button.class).isDisabled());
        assertEquals(404, page.pageStatus());
    }

    @Test
    void aTypedIdOpensLinkAndAScriptThatCouldNotLoadShowsAsAProblemRow() throws Exception {
        clickOn("Link");
        clickOn("#userId").write(user);
        clickOn("#openLinkButton");
        await(() -> text("#sessionUser").equals(user));
        PageVisitor page = PageVisitor.load(lookup("#sessionAddress").queryAs(TextField.class).getText());
        page.post("{\"name\":\"scriptLoadFailed\",\"payload\":{\"script\":\"https://plugin.argyle.com/argyle.web.v5.js\"}}");
        await(() -> events().equals(List.of("scriptLoadFailed")));
        assertTrue(lookup(".timeline-problem").tryQuery().isPresent(), "the row is shown as a problem");
    }
}
