package io.tokenconsole.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A command that keeps running (like {@code link}), started in-process on its own thread, whose
 * output lines the test reads as they are printed.
 */
final class LiveRun {

    private final Lines out = new Lines();
    private final Lines err = new Lines();
    private final CompletableFuture<Integer> exit;
    private final Thread thread;

    private LiveRun(Map<String, String> env, String... args) {
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true), env, Clock.systemUTC());
        exit = new CompletableFuture<>();
        thread = new Thread(() -> exit.complete(TokenConsoleCommand.run(args, context)), "live-run");
        thread.setDaemon(true);
        thread.start();
    }

    static LiveRun start(Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        return new LiveRun(all, args);
    }

    /** Waits for a printed line that matches, and returns it. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        return out.await(wanted, timeout, this);
    }

    List<String> lines() {
        return out.lines();
    }

    String errors() {
        return String.join("\n", err.lines());
    }

    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void stop() {
        thread.interrupt();
    }

    /** Collects what a command prints, line by line. */
    private static final class Lines extends Writer {
        private final StringBuilder partial = new StringBuilder();
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lines.add(partial.toString().replace("\r", ""));
                    partial.setLength(0);
                    notifyAll();
                } else {
                    partial.append(c);
                }
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized String await(Predicate<String> wanted, Duration timeout, LiveRun run) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int checked = 0;
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (wanted.test(lines.get(checked))) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such line within " + timeout + "; printed: " + lines
                            + "; errors: " + run.errors());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
