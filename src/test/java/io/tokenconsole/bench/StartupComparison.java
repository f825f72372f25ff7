package io.tokenconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.inspect.TestTokens;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold starts, interleaved in one run: {@code token-console --startup-probe} against the bare window
 * ({@link BareWindow}), and a one-shot {@code token-console inspect - --json} against a fresh JVM
 * running java-jwt's bare decode ({@link BareDecode}). Every run is a new JVM with the same java, the
 * same options and the same jars; the order alternates each round. The window runs need a display.
 */
public final class StartupComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of process to start. */
    enum Kind {
        CONSOLE_WINDOW, BARE_WINDOW, CONSOLE_INSPECT, BARE_DECODE
    }

    /** What every run of one kind measured. */
    static final class Samples {
        final List<Long> millis = new ArrayList<>();
        final List<Long> residentKb = new ArrayList<>();
        final List<Long> cpuMillis = new ArrayList<>();
    }

    private final Path launcher;
    private final Path java;
    private final List<String> javaOptions;
    private final String benchClassPath;
    private final Path dataFolder;
    private final String token;

    /**
     * Compares the app image in {@code image} (jpackage's Linux layout: {@code bin/token-console},
     * {@code lib/app}, {@code lib/runtime}) with the twins in {@code benchClasses}, which run on the image's
     * own runtime with the launcher's JVM options and class path (read from its {@code .cfg}).
     */
    StartupComparison(Path image, Path benchClasses, Path dataFolder) throws IOException {
        Path app = image.resolve("lib/app");
        this.launcher = image.resolve("bin/token-console");
        this.java = image.resolve("lib/runtime/bin/java");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(app.resolve("token-console.cfg"))) {
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", app.toString());
            if (line.startsWith("app.classpath=")) {
                classPath.add(value);
            } else if (line.startsWith("java-options=")) {
                options.add(value);
            }
        }
        classPath.add(benchClasses.toString());
        this.javaOptions = List.copyOf(options);
        this.benchClassPath = String.join(File.pathSeparator, classPath);
        this.dataFolder = dataFolder;
        this.token = TestTokens.argyleToken(Instant.now().minusSeconds(60), "argyle-core-auth-prod");
    }

    /** The JVM options every run gets: the launcher's. */
    List<String> javaOptions() {
        return javaOptions;
    }

    /** One untimed run of each kind (the data folder, the page cache), then {@code rounds} interleaved rounds. */
    Map<Kind, Samples> run(int rounds) throws IOException, InterruptedException {
        Map<Kind, Samples> samples = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            samples.put(kind, new Samples());
            once(kind, new Samples());
        }
        for (int round = 0; round < rounds; round++) {
            List<Kind> order = new ArrayList<>(Arrays.asList(Kind.values()));
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Kind kind : order) {
                once(kind, samples.get(kind));
            }
        }
        return samples;
    }

    private void once(Kind kind, Samples into) throws IOException, InterruptedException {
        List<String> command = switch (kind) {
            case CONSOLE_WINDOW -> List.of(launcher.toString(), "--startup-probe");
            case CONSOLE_INSPECT -> List.of(launcher.toString(), "inspect", "-", "--json");
            case BARE_WINDOW -> twin(BareWindow.class);
            case BARE_DECODE -> twin(BareDecode.class);
        };
        Path errors = dataFolder.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put("TOKEN_CONSOLE_HOME", dataFolder.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().write(token.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(kind + " did not end within 120 s");
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(kind + " exited with " + process.exitValue() + ": " + out + Files.readString(errors));
        }
        switch (kind) {
            case CONSOLE_WINDOW, BARE_WINDOW -> {
                JsonNode probe = probeLine(kind, out);
                into.millis.add(probe.path("first_frame_ms").asLong());
                into.residentKb.add(probe.path("rss_kb").asLong());
                into.cpuMillis.add(probe.path("cpu_ms").asLong());
            }
            case CONSOLE_INSPECT, BARE_DECODE -> {
                if (!out.contains(TestTokens.USER_ID)) {
                    throw new IllegalStateException(kind + " did not print the token's user id: " + out);
                }
                into.millis.add(wallMillis);
            }
        }
    }

    private List<String> twin(Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", benchClassPath, main.getName()));
        return command;
    }

    private static JsonNode probeLine(Kind kind, String out) throws IOException {
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"first_frame_ms\"")) {
                return JSON.readTree(line);
            }
        }
        throw new IllegalStateException(kind + " printed no start-up probe line: " + out);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The rows of the report's start-up table, as Markdown. */
    static List<String> rows(Map<Kind, Samples> samples, int rounds) {
        Samples window = samples.get(Kind.CONSOLE_WINDOW);
        Samples bare = samples.get(Kind.BARE_WINDOW);
        Samples inspect = samples.get(Kind.CONSOLE_INSPECT);
        Samples decode = samples.get(Kind.BARE_DECODE);
        String runs = " (median of " + rounds + " cold starts)";
        return List.of(
                row("`token-console --startup-probe`: process start to first frame" + runs, median(window.millis) + " ms",
                        "bare JavaFX window, one label", median(bare.millis) + " ms",
                        ratio(median(window.millis), median(bare.millis)), "≤ 1.3×"),
                row("resident memory (VmRSS) at the first frame" + runs, megabytes(median(window.residentKb)),
                        "bare JavaFX window, one label", megabytes(median(bare.residentKb)),
                        ratio(median(window.residentKb), median(bare.residentKb)), "≤ 1.1×"),
                row("CPU time (user + system) until the first frame" + runs, median(window.cpuMillis) + " ms",
                        "bare JavaFX window, one label", median(bare.cpuMillis) + " ms",
                        ratio(median(window.cpuMillis), median(bare.cpuMillis)), "—"),
                row("one-shot `token-console inspect - --json`, process start to exit" + runs, median(inspect.millis) + " ms",
                        "fresh JVM running java-jwt `JWT.decode`", median(decode.millis) + " ms",
                        ratio(median(inspect.millis), median(decode.millis)), "≤ 1.2×"));
    }

    private static String row(String what, String value, String baseline, String baselineValue, String ratio, String goal) {
        return "| " + what + " | " + value + " | " + baseline + " | " + baselineValue + " | " + ratio + " | " + goal + " |";
    }

    static String ratio(long value, long baseline) {
        return String.format(Locale.ROOT, "%.2f×", (double) value / baseline);
    }

    private static String megabytes(long kilobytes) {
        return String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024.0);
    }

    /**
     * {@code StartupComparison ROUNDS APP_IMAGE BENCH_CLASSES}: runs the comparison and prints every sample
     * and the table rows.
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        StartupComparison comparison = new StartupComparison(Path.of(args[1]), Path.of(args[2]),
                Files.createTempDirectory("token-console-startup"));
        Map<Kind, Samples> samples = comparison.run(rounds);
        samples.forEach((kind, s) -> System.out.println(kind + " ms=" + s.millis + " rss_kb=" + s.residentKb + " cpu_ms=" + s.cpuMillis));
        rows(samples, rounds).forEach(System.out::println);
    }
}
