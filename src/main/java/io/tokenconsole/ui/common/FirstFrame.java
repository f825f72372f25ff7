package io.tokenconsole.ui.common;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Work the window's first frame does not wait for: it runs on the FX thread right after the scene's first
 * pulse (its first CSS and layout), once.
 */
public final class FirstFrame {

    private FirstFrame() {
    }

    /** Runs {@code action} right after {@code scene}'s next pulse, once. */
    public static void after(Scene scene, Runnable action) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Platform.runLater(action);
            }
        });
    }

    /** Runs {@code action} right after the first pulse of the scene {@code node} is in, or will be put in. */
    public static void after(Node node, Runnable action) {
        if (node.getScene() != null) {
            after(node.getScene(), action);
            return;
        }
        node.sceneProperty().addListener(new ChangeListener<Scene>() {
            @Override
            public void changed(ObservableValue<? extends Scene> observable, Scene was, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    after(scene, action);
                }
            }
        });
    }
}
