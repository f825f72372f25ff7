package io.tokenconsole.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread: each request restarts the pause; the last action wins. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(java.time.Duration quiet) {
        this.pause = new PauseTransition(Duration.millis(quiet.toMillis()));
        this.pause.setOnFinished(event -> {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        });
    }

    @Override
    public void request(Runnable action) {
        pending = action;
        pause.playFromStart();
    }
}
