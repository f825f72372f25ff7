package io.tokenconsole.ui;

import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.shell.ThemePreference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/** Opens the window as the application builds it, for UI tests, on the stage TestFX hands them. */
public final class TestWindows {

    private TestWindows() {
    }

    public static ConsoleWindow show(Stage stage, ExecutorService executor, Clock clock, ThemePreference theme,
            BackendStartup backend, DialogService dialogs, Notifier notifier) {
        ConsoleWindow window = new ConsoleWindow(new ConsoleWindow.Parts(new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(100)), clock, ZoneOffset.UTC, theme, new ClipboardService(), backend,
                Optional.of(dialogs), Optional.of(notifier)));
        window.showOn(stage);
        placeOnScreen(stage);
        return window;
    }

    /** In the light theme, with scripted dialogs and a recording notifier. */
    public static ConsoleWindow show(Stage stage, ExecutorService executor, Clock clock, BackendStartup backend,
            ScriptedDialogs dialogs, RecordingNotifier notifier) {
        return show(stage, executor, clock, new MemoryThemePreference(), backend, dialogs, notifier);
    }

    /** The real window on {@code stage}, without a workspace, its clock stopped at {@code now}. */
    static ConsoleWindow withoutWorkspace(Stage stage, ExecutorService executor, Instant now,
            MemoryThemePreference theme) {
        return show(stage, executor, Clock.fixed(now, ZoneOffset.UTC), theme,
                BackendStartup.unavailable("this test runs the window without a workspace"), new ScriptedDialogs(),
                new RecordingNotifier());
    }

    /** Other UI tests share the stage with their own size and place: put the whole window on the screen. */
    public static void placeOnScreen(Stage stage) {
        placeAt(stage, 1180);
    }

    /**
     * Puts the whole window on the screen at one of the two sizes the issues name: 1180×780, or
     * 1024×640 for a width of 1024. Call on the FX thread.
     */
    static void placeAt(Stage stage, int width) {
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(width);
        stage.setHeight(width == 1180 ? 780 : 640);
        stage.toFront();
    }

    /** Call on the FX thread. */
    static void putOnClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
