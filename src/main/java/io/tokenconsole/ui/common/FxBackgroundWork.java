package io.tokenconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** {@link BackgroundWork} as {@link Task}s on the application's one shared executor. */
public final class FxBackgroundWork implements BackgroundWork {

    private final ExecutorService executor;

    public FxBackgroundWork(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // The executor refuses work only once the window is closing: nobody is left to show a result to.
            return () -> { };
        }
        return () -> task.cancel(true);
    }
}
