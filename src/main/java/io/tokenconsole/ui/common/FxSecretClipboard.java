package io.tokenconsole.ui.common;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;

/**
 * {@link SecretClipboard} on the system clipboard: a copied secret is cleared after the delay the
 * settings hold, if the clipboard still holds it then.
 */
public final class FxSecretClipboard implements SecretClipboard {

    private final ClipboardService clipboard;
    private final Supplier<Duration> clearDelay;
    private PauseTransition pendingClear;

    public FxSecretClipboard(ClipboardService clipboard, Supplier<Duration> clearDelay) {
        this.clipboard = clipboard;
        this.clearDelay = clearDelay;
    }

    @Override
    public void copy(String text) {
        clipboard.copy(text);
    }

    @Override
    public Duration copySecret(String text) {
        Duration delay = clearDelay.get();
        clipboard.copy(text);
        if (pendingClear != null) {
            pendingClear.stop();
        }
        PauseTransition clear = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        clear.setOnFinished(event -> {
            if (clipboard.text().filter(text::equals).isPresent()) {
                clipboard.clear();
            }
        });
        pendingClear = clear;
        clear.play();
        return delay;
    }
}
