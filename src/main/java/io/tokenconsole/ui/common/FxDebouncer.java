package io.tokenconsole.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * A {@link Debouncer} on the FX thread: each request restarts the pause; the last action wins.
 *
 * <p>The pause is made with the first request, on the FX thread: an animation needs JavaFX's toolkit,
 * and the window's composition root, which makes this debouncer, is built while the toolkit starts.
 */
public final class FxDebouncer implements Debouncer {

    private final Duration quiet;
    private PauseTransition pause;
    private Runnable pending;

    public FxDebouncer(java.time.Duration quiet) {
        this.quiet = Duration.millis(quiet.toMillis());
    }

    @Override
    public void request(Runnable action) {
        pending = action;
        if (pause == null) {
            pause = new PauseTransition(quiet);
            pause.setOnFinished(event -> {
                Runnable due = pending;
                pending = null;
                if (due != null) {
                    due.run();
                }
            });
        }
        pause.playFromStart();
    }
}
