package io.tokenconsole.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The message line every pane shows under its title: the view model's text, shown only when there
 * is some, styled as a failure ({@code error-message}) or as done ({@code saved-message}).
 */
public final class PaneMessage {

    private PaneMessage() {
    }

    /** Binds {@code label} (inside {@code box}, which hides when there is nothing to say) to the view model's message. */
    public static void bind(Label label, Node box, ReadOnlyStringProperty text, ReadOnlyBooleanProperty failed) {
        label.textProperty().bind(text);
        box.visibleProperty().bind(text.isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        failed.addListener((o, was, now) -> style(label, now));
        style(label, failed.get());
    }

    private static void style(Label label, boolean failed) {
        label.getStyleClass().removeAll("error-message", "saved-message");
        label.getStyleClass().add(failed ? "error-message" : "saved-message");
    }
}
