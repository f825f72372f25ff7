package io.tokenconsole.ui;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FirstFrame;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.common.UnexpectedFailures;
import io.tokenconsole.ui.shell.WindowPreferences;
import io.tokenconsole.workflow.ConsoleBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop console's application class, lifecycle only: the first frame shows the shell and the
 * first pane; the workspace, the local sandbox and the credential store start right after it, off
 * the FX thread, while the status bar says what is coming up.
 */
public final class TokenConsoleApp extends Application {

    private ExecutorService executor;
    private BackendStartup backend;

    public static void launchWindow(String[] args) {
        Application.launch(TokenConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.watch(stage);
        executor = Executors.newFixedThreadPool(2, workerThreads());
        DataFolder folder = DataFolder.forThisUser(Optional.empty());
        backend = new BackendStartup(Platform::runLater);
        ConsoleWindow window = new ConsoleWindow(new ConsoleWindow.Parts(
                new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(250)),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                WindowPreferences.read(folder.path(), executor),
                new ClipboardService(),
                backend,
                Optional.empty(),
                Optional.empty(),
                getHostServices()::showDocument));
        window.showOn(stage);
        UnexpectedFailures.install(stage);
        // Once the first frame is laid out: started with the window, the services took a core from it.
        // Their own thread, not the shared pool: work already queued there may be waiting for exactly this start.
        FirstFrame.after(stage.getScene(), () -> backend.start(work -> {
            Thread starting = new Thread(work, "token-console-start");
            starting.setDaemon(true);
            starting.start();
        }, progress -> ConsoleBackend.start(folder, Clock.systemUTC(), System.getenv(), progress)));
        backend.whenReady(ready -> {
            if (!ready.problems().isEmpty()) {
                Alert problem = new Alert(Alert.AlertType.WARNING, String.join("\n\n", ready.problems()));
                problem.initOwner(stage);
                problem.setHeaderText("Token Console started with a problem");
                problem.show();
            }
        });
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                // Let a setting being saved finish before the workspace closes.
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (backend != null) {
            backend.now().ifPresent(ConsoleBackend::close);
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "token-console-work-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
