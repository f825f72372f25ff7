package io.tokenconsole.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code token-console --startup-probe}: measures how long the window takes to show its first frame,
 * counted from the start of the process, and how much memory the process holds at that moment;
 * prints one JSON line ({@code {"first_frame_ms": …, "rss_kb": …}}) and ends the application.
 *
 * <p>The moment is taken from JavaFX itself: the first pulse (layout, CSS, sync to the renderer) of
 * the stage's scene while the stage is showing, not a timer. The bare-window baseline in the
 * benchmark sources uses this class too, so both are measured the same way.
 */
public final class StartupProbe {

    /** The command-line switch that turns the probe on. */
    public static final String SWITCH = "--startup-probe";

    /** USER_HZ, the unit of {@code /proc/self/stat}'s times: 100 on every Linux JavaFX runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    // Indexes into statFields(): fields 14, 15 and 22 of proc(5).
    private static final int STAT_USER_TIME = 11;
    private static final int STAT_SYSTEM_TIME = 12;
    private static final int STAT_START_TIME = 19;

    private static volatile boolean requested;

    private final Stage stage;
    private final PrintStream out;
    private final Runnable exit;
    private boolean done;

    private StartupProbe(Stage stage, PrintStream out, Runnable exit) {
        this.stage = stage;
        this.out = out;
        this.exit = exit;
    }

    /** Turns the probe on for this process; {@link #watch(Stage)} then measures the stage it is given. */
    public static void request() {
        requested = true;
    }

    /** Measures {@code stage}'s first frame if the probe was requested; does nothing otherwise. */
    public static void watch(Stage stage) {
        if (requested) {
            measure(stage, System.out, Platform::exit);
        }
    }

    /** Measures {@code stage}'s first frame, prints the result to {@code out}, then runs {@code exit}. */
    public static void measure(Stage stage, PrintStream out, Runnable exit) {
        StartupProbe probe = new StartupProbe(stage, out, exit);
        if (stage.getScene() != null) {
            probe.attach(stage.getScene());
        }
        stage.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                probe.attach(scene);
            }
        });
    }

    private void attach(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (done || !stage.isShowing() || stage.getScene() != scene) {
                    return;
                }
                done = true;
                scene.removePostLayoutPulseListener(this);
                report(Instant.now());
            }
        });
    }

    private void report(Instant firstFrame) {
        OptionalLong sinceStart = millisSinceProcessStart(firstFrame);
        OptionalLong rss = residentKilobytes();
        OptionalLong cpu = cpuMillis();
        out.println("{\"first_frame_ms\": " + orNull(sinceStart) + ", \"rss_kb\": " + orNull(rss)
                + ", \"cpu_ms\": " + orNull(cpu) + "}");
        out.flush();
        exit.run();
    }

    /**
     * Milliseconds since this process started. On Linux from the kernel's own clocks, both counted from
     * boot ({@code /proc/self/stat} start time, {@code /proc/uptime}; 10 ms steps), because
     * {@link ProcessHandle.Info#startInstant()} adds the boot time in whole seconds and can be up to a
     * second off; elsewhere from {@code ProcessHandle}.
     */
    static OptionalLong millisSinceProcessStart(Instant now) {
        try {
            long startTicks = Long.parseLong(statFields()[STAT_START_TIME]);
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return OptionalLong.of(Math.round(uptimeSeconds * 1000) - startTicks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> OptionalLong.of(now.toEpochMilli() - start.toEpochMilli()))
                    .orElse(OptionalLong.empty());
        }
    }

    /**
     * The CPU time (user and system, all threads) the process used so far, from {@code /proc/self/stat};
     * empty elsewhere. Less disturbed than the wall time by other work on a shared machine.
     */
    static OptionalLong cpuMillis() {
        try {
            String[] fields = statFields();
            long ticks = Long.parseLong(fields[STAT_USER_TIME]) + Long.parseLong(fields[STAT_SYSTEM_TIME]);
            return OptionalLong.of(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException notLinux) {
            return OptionalLong.empty();
        }
    }

    /** {@code /proc/self/stat}'s fields after the command name (in parentheses, it may hold spaces): field 3 first. */
    private static String[] statFields() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The process's resident memory in kB from {@code /proc/self/status} (Linux); empty elsewhere. */
    static OptionalLong residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException notLinux) {
            // No /proc here: the probe reports null for the memory.
        }
        return OptionalLong.empty();
    }

    private static String orNull(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "null";
    }
}
