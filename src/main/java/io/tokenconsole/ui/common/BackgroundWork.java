package io.tokenconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs network and disk work off the FX thread and hands the outcome back on it. View models
 * take this interface; the window runs it on one shared executor, tests run it in place.
 */
public interface BackgroundWork {

    /** Starts {@code work}; exactly one of the callbacks runs afterwards, on the UI thread. */
    <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** A handle to stop work that is no longer wanted. */
    interface Cancellable {
        void cancel();
    }
}
