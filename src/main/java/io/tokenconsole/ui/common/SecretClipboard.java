package io.tokenconsole.ui.common;

import java.time.Duration;

/**
 * The clipboard as view models use it. A secret value (a token) is cleared from the clipboard
 * after the configured delay — if the clipboard still holds it: what the person copied since is
 * left alone.
 */
public interface SecretClipboard {

    /** Copies text that is no secret (an id, a curl line without the secret). */
    void copy(String text);

    /** Copies a secret and returns how long it stays on the clipboard. */
    Duration copySecret(String text);
}
