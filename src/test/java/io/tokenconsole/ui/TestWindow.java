package io.tokenconsole.ui;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.workflow.ConsoleBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;

/**
 * The window as the application builds it, for UI tests: a real workspace in a fresh temp folder,
 * the real local sandbox, two worker threads; dialogs and notifications are the test's.
 */
public final class TestWindow implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ConsoleBackend services;
    private final ConsoleWindow window;

    public TestWindow(Stage stage, ScriptedDialogs dialogs, RecordingNotifier notifier) throws IOException {
        services = ConsoleBackend.start(new DataFolder(Files.createTempDirectory("token-console-ui"),
                DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(), Map.of(), step -> { });
        window = TestWindows.show(stage, executor, Clock.systemUTC(), BackendStartup.ready(services), dialogs, notifier);
    }

    public ConsoleBackend services() {
        return services;
    }

    public ConsoleWindow window() {
        return window;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        services.close();
    }
}
