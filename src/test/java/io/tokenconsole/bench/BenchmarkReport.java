package io.tokenconsole.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code target/benchmarks.md}: every JMH benchmark as a ratio against the baseline of its own
 * class, measured in the same run, and the cold-start comparison of {@link StartupComparison}; with the
 * machine, the JDK and the date. {@code bench/run-all} runs it.
 */
public final class BenchmarkReport {

    /** The baseline benchmark of each JMH class: what its other benchmarks are divided by. */
    private static final Map<String, String> BASELINES = Map.of(
            "InspectorBench", "baselineJavaJwtDecode",
            "IssueTokenBench", "bareHttpClientPost",
            "IssuanceRateBench", "bareJavaJwtSigning",
            "UserSearchBench", "lookupByPrimaryKey");

    private BenchmarkReport() {
    }

    /** One JMH result. */
    record Score(String className, String method, String mode, double score, double error, String unit) {

        String shown() {
            return String.format(Locale.ROOT, "%s ± %s %s", round(score), round(error), unit);
        }

        /** This result's time per operation over the baseline's (throughput is turned around). */
        double timeRatio(Score baseline) {
            return mode.equals("thrpt") ? baseline.score / score : score / baseline.score;
        }
    }

    static List<Score> readJmh(Path json) throws IOException {
        List<Score> scores = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = result.path("benchmark").asText();
            String[] parts = benchmark.split("\\.");
            JsonNode metric = result.path("primaryMetric");
            scores.add(new Score(parts[parts.length - 2], parts[parts.length - 1], result.path("mode").asText(),
                    metric.path("score").asDouble(), metric.path("scoreError").asDouble(), metric.path("scoreUnit").asText()));
        }
        return scores;
    }

    static List<String> jmhRows(List<Score> scores) {
        Map<String, Score> baselines = new LinkedHashMap<>();
        for (Score score : scores) {
            if (score.method().equals(BASELINES.get(score.className()))) {
                baselines.put(score.className(), score);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Score score : scores) {
            Score baseline = baselines.get(score.className());
            if (baseline == null || baseline == score) {
                continue;
            }
            rows.add("| `" + score.className() + "." + score.method() + "` | " + score.shown() + " | `"
                    + baseline.method() + "` | " + baseline.shown() + " | "
                    + String.format(Locale.ROOT, "%.2f×", score.timeRatio(baseline)) + " |");
        }
        return rows;
    }

    private static String round(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.3g", value);
    }

    static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        }
        long memoryGb = Math.round(((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9);
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGb + " GB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** {@code BenchmarkReport JMH_JSON APP_IMAGE BENCH_CLASSES ROUNDS OUT_MD}. */
    public static void main(String[] args) throws Exception {
        Path jmhJson = Path.of(args[0]);
        int rounds = Integer.parseInt(args[3]);
        StartupComparison startup = new StartupComparison(Path.of(args[1]), Path.of(args[2]),
                Files.createTempDirectory("token-console-startup"));
        Map<StartupComparison.Kind, StartupComparison.Samples> samples = startup.run(rounds);

        List<String> out = new ArrayList<>();
        out.add("# Benchmarks");
        out.add("");
        out.add("- date: " + LocalDate.now(ZoneOffset.UTC));
        out.add("- machine: " + machine());
        out.add("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (JMH); the app image's own jlinked runtime for the start-up rows");
        out.add("- start-up JVM options (the launcher's): `" + String.join(" ", startup.javaOptions()) + "`");
        out.add("");
        out.add("## Start-up and memory (app image, under the current display)");
        out.add("");
        out.add("| measured | value | baseline (same run, same runtime and options) | baseline value | ratio | goal |");
        out.add("| --- | --- | --- | --- | --- | --- |");
        out.addAll(StartupComparison.rows(samples, rounds));
        out.add("");
        out.add("Every sample (ms, kB): ");
        samples.forEach((kind, s) -> out.add("- " + kind + ": time " + s.millis + (s.residentKb.isEmpty() ? ""
                : ", VmRSS " + s.residentKb + ", CPU " + s.cpuMillis)));
        out.add("");
        out.add("## JMH (time ratios: more than 1 is slower than the baseline)");
        out.add("");
        out.add("| benchmark | score | baseline (same class, same run) | baseline score | ratio |");
        out.add("| --- | --- | --- | --- | --- |");
        out.addAll(jmhRows(readJmh(jmhJson)));
        Path md = Path.of(args[4]);
        Files.write(md, out);
        out.forEach(System.out::println);
    }
}
