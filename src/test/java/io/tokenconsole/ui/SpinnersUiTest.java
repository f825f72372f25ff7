package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.workflow.ConsoleBackend;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's two spinners are made after its first frame, not with it: the status bar's while the services
 * start, the inspector's the first time a decode takes a moment. Both still show when they should.
 */
class SpinnersUiTest extends ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final QueuedBackgroundWork background = QueuedBackgroundWork.held();
    private final AtomicReference<ConsoleBackend> started = new AtomicReference<>();
    private BackendStartup backend;
    private ConsoleWindow window;

    @Override
    public void start(Stage stage) {
        backend = new BackendStartup(Platform::runLater);
        window = new ConsoleWindow(new ConsoleWindow.Parts(background, new FxDebouncer(Duration.ofMillis(50)),
                Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC, new MemoryThemePreference(), new ClipboardService(),
                backend, Optional.of(new ScriptedDialogs()), Optional.of(new RecordingNotifier())));
        window.showOn(stage);
        TestWindows.placeOnScreen(stage);
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        Optional.ofNullable(started.get()).ifPresent(ConsoleBackend::close);
    }

    private Optional<Node> spinner(String id) {
        return lookup(id).tryQuery();
    }

    private static boolean shown(Node node) {
        return node.isVisible() && node.isManaged() && node.getScene() != null;
    }

    @Test
    void theStatusBarSpinsWhileTheServicesStartAndStopsOnceTheyRun() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Starting…", lookup("#startupStatus").queryAs(Label.class).getText());
        Node spinning = spinner("#startupProgress").orElseThrow(() -> new AssertionError("no spinner while starting"));
        assertTrue(spinning instanceof ProgressIndicator indicator && indicator.isIndeterminate());
        assertTrue(shown(spinning), "the spinner shows beside 'Starting…'");

        CountDownLatch mayFinish = new CountDownLatch(1);
        backend.start(executor, progress -> {
            progress.accept("Starting the local sandbox…");
            try {
                mayFinish.await(10, TimeUnit.SECONDS);
                started.set(ConsoleBackend.start(new DataFolder(Files.createTempDirectory("token-console-spinner"),
                        DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(), Map.of(), progress));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return started.get();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Starting the local sandbox…".equals(lookup("#startupStatus").queryAs(Label.class).getText()));
        assertTrue(shown(spinning), "still spinning while the local sandbox starts");

        mayFinish.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#startupStatus").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(spinning), "no spinner once everything runs");
    }

    @Test
    void theInspectorSpinsOnlyFromItsFirstDecodeThatTakesAMoment() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(spinner("#busyIndicator").isEmpty(), "nothing to spin for before the first decode");

        interact(() -> window.inspectorViewModel().paste(TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> background.pendingCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        Node busy = spinner("#busyIndicator").orElseThrow(() -> new AssertionError("no spinner while decoding"));
        assertTrue(busy.isVisible(), "the spinner shows while the decode runs");

        interact(background::runNewest); // the decode; the window's other work waits for services that never start here
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.inspectorViewModel().decodedProperty().get(), "the token was decoded");
        assertFalse(busy.isVisible(), "no spinner once the decode is done");
    }
}
