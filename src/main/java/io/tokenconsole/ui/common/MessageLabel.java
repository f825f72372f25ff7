package io.tokenconsole.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * A pane's message line: the view model's text, shown only when there is something to say, styled
 * as a failure ({@code error-message}) or as done ({@code saved-message}).
 */
public final class MessageLabel {

    private MessageLabel() {
    }

    public static void bind(Label label, ObservableStringValue text, ObservableBooleanValue failed) {
        bind(label, label, text, failed);
    }

    /** As {@link #bind(Label, ObservableStringValue, ObservableBooleanValue)}; {@code box} (holding the label) hides with it. */
    public static void bind(Label label, Node box, ObservableStringValue text, ObservableBooleanValue failed) {
        label.textProperty().bind(text);
        box.visibleProperty().bind(label.textProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        failed.addListener((o, was, now) -> style(label, now));
        style(label, failed.get());
    }

    private static void style(Label label, boolean failed) {
        label.getStyleClass().removeAll("error-message", "saved-message");
        label.getStyleClass().add(failed ? "error-message" : "saved-message");
    }
}
