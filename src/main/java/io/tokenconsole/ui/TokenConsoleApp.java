package io.tokenconsole.ui;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.common.UnexpectedFailures;
import io.tokenconsole.ui.settings.SettingsViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The desktop console's application class: opens the workspace and the local sandbox before the
 * window (off the FX thread), makes the one shared executor, and opens the window.
 */
public final class TokenConsoleApp extends Application {

    private ExecutorService executor;
    private DesktopServices services;
    private Optional<SettingsViewModel.Access> settingsAccess;

    public static void launchWindow(String[] args) {
        Application.launch(TokenConsoleApp.class, args);
    }

    @Override
    public void init() {
        // init() runs on the launcher thread: the disk and the sandbox's socket are opened here, not on the FX thread.
        services = DesktopServices.open(DataFolder.forThisUser(Optional.empty()), Clock.systemUTC());
        settingsAccess = services.settingsAccess(System.getenv());
        executor = Executors.newFixedThreadPool(2, workerThreads());
    }

    @Override
    public void start(Stage stage) {
        StartupProbe.watch(stage);
        ConsoleWindow window = new ConsoleWindow(new ConsoleWindow.Parts(
                new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(250)),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                services.theme(executor),
                new ClipboardService(),
                services.inspectionLog(executor),
                services.inspectionDefaults(),
                settingsAccess,
                services.localSandboxDescription()));
        window.showOn(stage);
        UnexpectedFailures.install(stage);
        if (!services.problems().isEmpty()) {
            Alert problem = new Alert(Alert.AlertType.WARNING, String.join("\n\n", services.problems()));
            problem.initOwner(stage);
            problem.setHeaderText("Token Console started with a problem");
            problem.show();
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                // Let a setting being saved finish before the workspace closes.
                executor.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (services != null) {
            services.close();
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
