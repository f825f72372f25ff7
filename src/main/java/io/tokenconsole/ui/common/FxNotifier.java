package io.tokenconsole.ui.common;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** {@link Notifier} as a ControlsFX notification in the window's bottom-right corner. */
public final class FxNotifier implements Notifier {

    private final Supplier<Window> owner;

    public FxNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void notify(String text) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications.create()
                .owner(window)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(4))
                .styleClass("console-notification")
                .show();
    }
}
