package io.tokenconsole.ui;

import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.stage.Stage;

/** The window as the application builds it, for UI tests: their services, scripted dialogs, a recording notifier. */
public final class TestWindows {

    private TestWindows() {
    }

    /** Builds the window on {@code backend} and shows it whole on the screen, in the light theme, in UTC. */
    public static ConsoleWindow show(Stage stage, ExecutorService executor, Clock clock, BackendStartup backend,
            ScriptedDialogs dialogs, RecordingNotifier notifier) {
        ConsoleWindow window = new ConsoleWindow(new ConsoleWindow.Parts(new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(100)), clock, ZoneOffset.UTC, new MemoryThemePreference(),
                new ClipboardService(), backend, Optional.of(dialogs), Optional.of(notifier)));
        window.showOn(stage);
        placeOnScreen(stage);
        return window;
    }

    /** Other UI tests share the stage with their own size and place: put the whole window on the screen. */
    public static void placeOnScreen(Stage stage) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1180);
        stage.setHeight(780);
        stage.toFront();
    }
}
