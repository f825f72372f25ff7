package io.tokenconsole.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The window's notifications, with the console's theme and stylesheet: a pane of their own, readable. */
class FxNotifierUiTest extends ApplicationTest {

    private static final String TEXT = "Pasted tokens are noted in the audit log by their jti and expiry.";

    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(new StackPane(new Label("behind")), 600, 400);
        scene.getStylesheets().add(FxNotifierUiTest.class.getResource("/fxml/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restore() {
        interact(() -> {
            new java.util.ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage).forEach(Window::hide);
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });
    }

    @Test
    void aNotificationHasAnOpaquePaneAndTextInTheThemesColoursInLightAndDark() throws Exception {
        for (String theme : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            interact(() -> Application.setUserAgentStylesheet(theme));
            interact(() -> new FxNotifier(() -> stage).notify(TEXT));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notificationPane().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            Region pane = notificationPane().orElseThrow();
            assertNotNull(pane.getBackground(), "the notification's pane has a background of its own");
            assertFalse(pane.getBackground().getFills().isEmpty());
            Color fill = (Color) pane.getBackground().getFills().get(pane.getBackground().getFills().size() - 1).getFill();
            assertEquals(1.0, fill.getOpacity(), 0.001, "opaque: the window does not show through the text");
            Label text = (Label) pane.lookupAll(".label").stream().filter(node -> node instanceof Label label
                    && TEXT.equals(label.getText())).findFirst().orElseThrow();
            Color ink = (Color) text.getTextFill();
            assertNotEquals(fill.getBrightness() > 0.5, ink.getBrightness() > 0.5,
                    "light text on a dark pane or dark text on a light pane: " + fill + " / " + ink);
            interact(() -> new java.util.ArrayList<>(Window.getWindows()).stream().filter(window -> window != stage)
                    .forEach(Window::hide));
        }
    }

    private Optional<Region> notificationPane() {
        return Window.getWindows().stream().filter(window -> window != stage && window.isShowing())
                .map(Window::getScene).filter(java.util.Objects::nonNull)
                .flatMap(scene -> scene.getRoot().lookupAll(".notification-bar > .pane").stream())
                .filter(Region.class::isInstance).map(Region.class::cast).findFirst();
    }

}
