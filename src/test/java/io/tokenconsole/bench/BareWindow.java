package io.tokenconsole.bench;

import io.tokenconsole.ui.StartupProbe;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The start-up baseline: a bare JavaFX window with one label, run with the console's JVM options and
 * JavaFX jars and measured by the same {@link StartupProbe}. {@link StartupComparison} runs it
 * interleaved with {@code token-console --startup-probe}.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) {
        // The Application is a nested class: the java launcher refuses a main class that extends
        // Application when JavaFX is on the class path, as it is for the console.
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            StartupProbe.measure(stage, System.out, Platform::exit);
            stage.setTitle("Bare window");
            stage.setScene(new Scene(new Label("Token Console"), 1100, 720));
            stage.show();
        }
    }
}
