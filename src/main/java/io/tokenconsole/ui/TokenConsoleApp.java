package io.tokenconsole.ui;

import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.shell.UserPreferencesTheme;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop console's application class: makes the shared executor and opens the window. */
public final class TokenConsoleApp extends Application {

    private ExecutorService executor;

    public static void launchWindow(String[] args) {
        Application.launch(TokenConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = Executors.newFixedThreadPool(2, workerThreads());
        ConsoleWindow window = new ConsoleWindow(
                new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(250)),
                Clock.systemUTC(),
                ZoneId.systemDefault(),
                UserPreferencesTheme.forCurrentUser(),
                new ClipboardService());
        window.showOn(stage);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
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
