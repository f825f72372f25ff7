package io.tokenconsole.ui.common;

/** Runs an action once input has been quiet for a moment, so typing doesn't start work per keystroke. */
public interface Debouncer {

    void request(Runnable action);

    /** Runs every request at once: for tests, and for places that need no pause. */
    static Debouncer immediate() {
        return Runnable::run;
    }
}
