package io.tokenconsole.ui;

import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.FxBackgroundWork;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.inspector.InspectionDefaults;
import io.tokenconsole.ui.inspector.InspectionLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/** What the window tests share: a window without a workspace at a fixed moment, its size, the clipboard. */
final class TestWindows {

    private TestWindows() {
    }

    /** The real window on {@code stage}, without a workspace, its clock stopped at {@code now}. */
    static ConsoleWindow withoutWorkspace(Stage stage, ExecutorService executor, Instant now,
            MemoryThemePreference theme) {
        ConsoleWindow window = new ConsoleWindow(new ConsoleWindow.Parts(new FxBackgroundWork(executor),
                new FxDebouncer(Duration.ofMillis(100)), Clock.fixed(now, ZoneOffset.UTC), ZoneOffset.UTC, theme,
                new ClipboardService(), InspectionLog.none(), InspectionDefaults.none(), Optional.empty(),
                "Local sandbox · built-in emulator at http://127.0.0.1:1/v2 · no keys needed"));
        window.showOn(stage);
        placeAt(stage, 1180);
        return window;
    }

    /**
     * Puts the whole window on the screen (other UI tests share this stage with their own size and place) at
     * one of the two sizes issue 10 names: 1180×780, or 1024×640 for a width of 1024. Call on the FX thread.
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
