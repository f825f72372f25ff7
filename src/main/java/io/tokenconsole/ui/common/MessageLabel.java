package io.tokenconsole.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** A pane's message line: shown only when there is something to say, styled as a failure or as done. */
public final class MessageLabel {

    private MessageLabel() {
    }

    public static void bind(Label label, ObservableStringValue text, ObservableBooleanValue failed) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        failed.addListener((o, was, now) -> style(label, now));
        style(label, failed.get());
    }

    private static void style(Label label, boolean failed) {
        label.getStyleClass().removeAll("error-message", "saved-message");
        label.getStyleClass().add(failed ? "error-message" : "saved-message");
    }
}
