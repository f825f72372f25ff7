package io.tokenconsole.ui.common;

import io.tokenconsole.workflow.ConsoleBackend;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console's services coming up after the first frame: the workspace, the local sandbox, the
 * credential store. The status bar shows what is starting; work that needs the services waits for
 * them in the background ({@link #await()}), so an early click waits visibly instead of failing.
 */
public final class BackendStartup {

    private final CompletableFuture<ConsoleBackend> started = new CompletableFuture<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting…");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final Executor uiThread;

    public BackendStartup(Executor uiThread) {
        this.uiThread = uiThread;
    }

    /** Services that are there already: for tests and tools. */
    public static BackendStartup ready(ConsoleBackend backend) {
        BackendStartup startup = new BackendStartup(Runnable::run);
        startup.started.complete(backend);
        startup.showReady();
        return startup;
    }

    /** Services that could not start (tests of the window without a workspace). */
    public static BackendStartup unavailable(String why) {
        BackendStartup startup = new BackendStartup(Runnable::run);
        startup.started.completeExceptionally(new IllegalStateException(why));
        startup.status.set("Could not start: " + why);
        return startup;
    }

    /** Starts the services on {@code background}; {@code starter} reports its progress to the consumer it gets. */
    public void start(Executor background, Function<Consumer<String>, ConsoleBackend> starter) {
        background.execute(() -> {
            try {
                ConsoleBackend backend = starter.apply(step -> uiThread.execute(() -> status.set(step)));
                started.complete(backend);
                uiThread.execute(this::showReady);
            } catch (RuntimeException | Error failed) {
                started.completeExceptionally(failed);
                uiThread.execute(() -> status.set("Could not start: " + TaskRunner.describe(failed)));
            }
        });
    }

    private void showReady() {
        status.set("");
        ready.set(true);
    }

    /** The services, waiting for them if they are still starting. Never call on the UI thread. */
    public ConsoleBackend await() {
        try {
            return started.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for the console to start");
        } catch (ExecutionException failed) {
            throw new IllegalStateException("The console's services could not start: "
                    + TaskRunner.describe(failed.getCause()), failed.getCause());
        }
    }

    /** The services if they have started. */
    public Optional<ConsoleBackend> now() {
        if (!started.isDone() || started.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(started.join());
    }

    /** Runs {@code action} on the UI thread once the services are up (at once if they are). */
    public void whenReady(Consumer<ConsoleBackend> action) {
        started.thenAccept(backend -> uiThread.execute(() -> action.accept(backend)));
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
