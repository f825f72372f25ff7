package io.tokenconsole.ui;

import io.tokenconsole.ui.common.BackgroundWork;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Background work for view-model tests: the work really runs, but only when the test says so,
 * on the test's thread, so tests can finish jobs in any order.
 */
public final class QueuedBackgroundWork implements BackgroundWork {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final boolean runAtOnce;

    private QueuedBackgroundWork(boolean runAtOnce) {
        this.runAtOnce = runAtOnce;
    }

    /** Runs each job as soon as it is submitted. */
    public static QueuedBackgroundWork immediate() {
        return new QueuedBackgroundWork(true);
    }

    /** Holds jobs until {@link #runNewest()} or {@link #runOldest()}. */
    public static QueuedBackgroundWork held() {
        return new QueuedBackgroundWork(false);
    }

    @Override
    public <T> Cancellable submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Runnable job = () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (runAtOnce) {
            job.run();
        } else {
            pending.addLast(job);
        }
        return () -> { };
    }

    public int pendingCount() {
        return pending.size();
    }

    public void runNewest() {
        pending.removeLast().run();
    }

    public void runOldest() {
        pending.removeFirst().run();
    }
}
