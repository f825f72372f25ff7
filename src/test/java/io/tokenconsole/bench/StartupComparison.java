package io.tokenconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.inspect.TestTokens;
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
    }

    private final Path javaCommand;
    private final List<String> javaOptions;
    private final String appClassPath;
    private final String benchClassPath;
    private final Path dataFolder;
    private final String token;

    StartupComparison(Path java, List<String> javaOptions, String appClassPath, String benchClassPath, Path dataFolder) {
        this.javaCommand = java;
        this.javaOptions = List.copyOf(javaOptions);
        this.appClassPath = appClassPath;
        this.benchClassPath = benchClassPath;
        this.dataFolder = dataFolder;
        this.token = TestTokens.argyleToken(Instant.now().minusSeconds(60), "argyle-core-auth-prod");
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
        List<String> command = new ArrayList<>();
        command.add(javaCommand.toString());
        command.addAll(javaOptions);
        command.add("-cp");
        switch (kind) {
            case CONSOLE_WINDOW -> command.addAll(List.of(appClassPath, "io.tokenconsole.Launcher", "--startup-probe"));
            case BARE_WINDOW -> command.addAll(List.of(benchClassPath, BareWindow.class.getName()));
            case CONSOLE_INSPECT -> command.addAll(List.of(appClassPath, "io.tokenconsole.Launcher", "inspect", "-", "--json"));
            case BARE_DECODE -> command.addAll(List.of(benchClassPath, BareDecode.class.getName()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
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
            throw new IllegalStateException(kind + " exited with " + process.exitValue() + ": " + out);
        }
        switch (kind) {
            case CONSOLE_WINDOW, BARE_WINDOW -> {
                JsonNode probe = probeLine(kind, out);
                into.millis.add(probe.path("first_frame_ms").asLong());
                into.residentKb.add(probe.path("rss_kb").asLong());
            }
            case CONSOLE_INSPECT, BARE_DECODE -> {
                if (!out.contains(TestTokens.USER_ID)) {
                    throw new IllegalStateException(kind + " did not print the token's user id: " + out);
                }
                into.millis.add(wallMillis);
            }
        }
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
     * {@code StartupComparison ROUNDS APP_CLASSPATH BENCH_CLASSPATH [JAVA_OPTION…]}: runs the comparison
     * and prints the table rows.
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path home = Files.createTempDirectory("token-console-startup");
        StartupComparison comparison = new StartupComparison(Path.of(System.getProperty("java.home"), "bin", "java"),
                Arrays.asList(args).subList(3, args.length), args[1], args[2], home);
        Map<Kind, Samples> samples = comparison.run(rounds);
        samples.forEach((kind, s) -> System.out.println(kind + " ms=" + s.millis + " rss_kb=" + s.residentKb));
        rows(samples, rounds).forEach(System.out::println);
    }
}
