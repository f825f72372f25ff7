package io.tokenconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The background-task helper every view model uses: one piece of work at a time per runner, a busy
 * flag while it runs, a stale-result guard (only the newest run's outcome is applied — an answer
 * for the environment someone just left never lands in the one they are on), and one failure text
 * that is never empty. Callbacks run on the UI thread.
 */
public final class TaskRunner {

    private final BackgroundWork background;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private BackgroundWork.Cancellable running;
    private long generation;

    public TaskRunner(BackgroundWork background) {
        this.background = background;
    }

    /** Runs {@code work}; {@code done} gets its result unless a newer run started meanwhile. */
    public <T> void run(Callable<T> work, Consumer<T> done) {
        run(work, done, failed -> { });
    }

    /**
     * As {@link #run(Callable, Consumer)}; on failure, {@link #failureProperty()} says why and
     * {@code failed} hears the exception (to put the message somewhere more specific, say).
     */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        long mine = ++generation;
        busy.set(true);
        failure.set("");
        running = background.submit(work, result -> {
            if (mine == generation) {
                busy.set(false);
                done.accept(result);
            }
        }, problem -> {
            if (mine == generation) {
                busy.set(false);
                failure.set(describe(problem));
                failed.accept(problem);
            }
        });
    }

    /** Forgets the work in flight: its outcome, whenever it comes, is not applied. */
    public void cancel() {
        generation++;
        busy.set(false);
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    public void clearFailure() {
        failure.set("");
    }

    /** A failure in words for a person: its message, or what kind of failure it was — never empty. */
    public static String describe(Throwable problem) {
        Throwable cause = problem;
        while ((cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "Something failed without saying why (" + cause.getClass().getSimpleName()
                    + "). Try again; if it keeps failing, the log has the details.";
        }
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
