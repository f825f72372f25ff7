package io.tokenconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class UnexpectedFailuresUiTest extends ApplicationTest {

    private Thread.UncaughtExceptionHandler before;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        before = Thread.getDefaultUncaughtExceptionHandler();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        UnexpectedFailures.install(stage);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
        // The dialog would otherwise stay open and take the keyboard from the next UI test.
        interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(window -> window != stage)
                .forEach(javafx.stage.Window::hide));
    }

    @Test
    void aFailureOnABackgroundThreadIsShownInPlainWordsWithDetailsFolded() throws Exception {
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("the sandbox answered twice");
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText().contains("did not expect"));
        assertTrue(dialog.getContentText().startsWith("the sandbox answered twice"));
        assertNotNull(dialog.getExpandableContent(), "the stack trace is there on demand");
    }
}
