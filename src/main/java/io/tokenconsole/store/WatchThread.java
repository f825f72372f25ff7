package io.tokenconsole.store;

import java.util.function.Consumer;

/**
 * The workspace thread a {@link WorkspaceWatcher} is called on: a daemon (a watch never keeps the console
 * from exiting) that runs one backend's loop until closed. A watcher that throws is not the loop's end.
 */
final class WatchThread implements AutoCloseable {

    /** What the thread does until {@link WatchThread#stopped()}; an exception ends it. */
    interface Loop {
        void run(WatchThread thread) throws Exception;

        /** Called from {@link WatchThread#close()} on the closing thread: release what blocks {@link #run}. */
        default void wakeUp() {
        }
    }

    private final WorkspaceWatcher watcher;
    private final Loop loop;
    private final Thread thread;
    private volatile boolean stopped;

    private WatchThread(String name, WorkspaceWatcher watcher, Loop loop) {
        this.watcher = watcher;
        this.loop = loop;
        this.thread = new Thread(this::runLoop, name);
        thread.setDaemon(true);
    }

    static WatchThread start(String name, WorkspaceWatcher watcher, Loop loop) {
        java.util.Objects.requireNonNull(watcher, "watcher");
        WatchThread started = new WatchThread(name, watcher, loop);
        started.thread.start();
        return started;
    }

    private void runLoop() {
        try {
            loop.run(this);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error ended) {
            // A closed workspace ends its watches; nothing to tell a watcher that asked to stop.
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Calls the watcher; what it throws stays with it. */
    void deliver(Consumer<WorkspaceWatcher> call) {
        if (stopped) {
            return;
        }
        try {
            call.accept(watcher);
        } catch (RuntimeException watcherFailed) {
            // The watcher's own trouble; the next change is still delivered.
        }
    }

    @Override
    public void close() {
        stopped = true;
        loop.wakeUp();
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
