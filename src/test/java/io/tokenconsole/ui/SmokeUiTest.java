package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationTest;

class SmokeUiTest extends ApplicationTest {
    @Override
    public void start(Stage stage) {
        Label l = new Label("hi");
        l.setId("l");
        stage.setScene(new Scene(l, 200, 100));
        stage.show();
    }

    @Test
    void shows() {
        assertEquals("hi", lookup("#l").queryAs(Label.class).getText());
    }
}
