package io.tokenconsole.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The window's application class; the composition root of the desktop console. */
public final class TokenConsoleApp extends Application {

    public static void launchWindow(String[] args) {
        Application.launch(TokenConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Token Console");
        stage.setScene(new Scene(new Label("Token Console"), 800, 600));
        stage.show();
    }
}
