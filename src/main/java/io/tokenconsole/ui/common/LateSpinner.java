package io.tokenconsole.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Pane;

/**
 * A spinner made when it is first wanted rather than with its view: it is an animation of a dozen nodes, and
 * the window's first frame does not wait for it (the status bar's and the inspector's together were about
 * 60 ms and 2.5 MB of the start, measured).
 */
public final class LateSpinner {

    private LateSpinner() {
    }

    /**
     * Puts a spinner of {@code size} pixels with id {@code id} just before {@code sibling} in its parent; it shows,
     * and takes room, only while {@code shownWhile} holds.
     */
    public static ProgressIndicator before(Node sibling, String id, double size, ObservableValue<Boolean> shownWhile) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId(id);
        spinner.setPrefSize(size, size);
        spinner.visibleProperty().bind(shownWhile);
        spinner.managedProperty().bind(spinner.visibleProperty());
        Pane parent = (Pane) sibling.getParent();
        parent.getChildren().add(parent.getChildren().indexOf(sibling), spinner);
        return spinner;
    }
}
