package io.tokenconsole.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleApiException;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.RetryPolicy;
import io.tokenconsole.cli.CommandContext;
import io.tokenconsole.cli.TokenConsoleCommand;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.InspectionJson;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.store.ImportReport;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.testing.FakeServer;
import io.tokenconsole.testing.RawHttp;
import io.tokenconsole.testing.Sandboxes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial pass, kept: for each surface — pastes, key files, CSV and JSON imports, HTTP
 * requests to the local sandbox, HTTP answers to the client, fault plans — hostile inputs are
 * generated for a time budget, and each must get an answer or a clear error within its own budget,
 * with bounded memory, no stack trace, and no secret or token in any output or file.
 *
 * <p>{@code ./mvnw verify} spends {@code adversarial.seconds} (2) on each surface;
 * {@code ./mvnw -Padversarial-long verify} a minute each. A failure names its seed; {@code -Dadversarial.seed=N}
 * replays it.
 */
class HostileInputSuiteTest {

    private static final long SECONDS = Long.getLong("adversarial.seconds", 2);
    private static final long SEED = Long.getLong("adversarial.seed", System.nanoTime());
    /** What one input may take, however hostile: generous for a busy 2-core machine, far below a hang. */
    private static final Duration CASE_BUDGET = Duration.ofSeconds(5);
    /** Heap the suite may reach at its peak: an input that made anything hold it whole would pass this. */
    private static final long MOST_HEAP = 600L * 1024 * 1024;
    private static final String SECRET = "adversarial-secret-0f9e8d7c";
    private static final String PAIR_BASE64 = Base64.getEncoder()
            .encodeToString(("support:" + SECRET).getBytes(StandardCharsets.UTF_8));
    private static final String TOKEN = io.tokenconsole.inspect.TestTokens.argyleToken(
            Instant.parse("2026-11-25T09:00:00Z"), "argyle");

    @TempDir
    static Path home;

    private static LocalSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandboxes.start();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Runs {@code round} with fresh inputs until the surface's time is up; every round within its budget. */
    private static void forBudget(String surface, long seedOffset, RoundBody round) {
        HostileInputs inputs = new HostileInputs(SEED + seedOffset);
        long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        int rounds = 0;
        do {
            long started = System.nanoTime();
            try {
                round.run(inputs);
            } catch (Throwable failure) {
                throw new AssertionError(surface + " failed on round " + rounds + " (replay with -Dadversarial.seed="
                        + SEED + "): " + failure, failure);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(CASE_BUDGET) < 0, surface + " round " + rounds + " took " + took
                    + " (seed " + SEED + ")");
            rounds++;
        } while (System.nanoTime() < end);
        assertTrue(heapPeak() < MOST_HEAP, surface + ": heap peaked at " + heapPeak() / (1024 * 1024) + " MiB");
    }

    @FunctionalInterface
    private interface RoundBody {
        void run(HostileInputs inputs) throws Exception;
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static void assertClean(String output) {
        assertFalse(output.contains("\tat ") || output.contains("Exception in thread"), "a stack trace: " + output);
        assertFalse(output.contains(SECRET) || output.contains(PAIR_BASE64), "the secret: " + output);
    }

    private static String command(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TokenConsoleCommand.run(args, new CommandContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of("TOKEN_CONSOLE_HOME", home.toString()), Clock.systemUTC()));
        assertTrue(code >= 0 && code <= 2, "exit " + code);
        String all = out + "\n" + err;
        assertClean(all);
        return all;
    }

    @Test
    void pastes() {
        TokenInspector inspector = new TokenInspector();
        InspectionJson json = new InspectionJson(TokenInspector.defaultJson());
        forBudget("paste", 1, inputs -> {
            String paste = inputs.anySize(TokenInspector.MAX_INPUT_CHARS + 10);
            json.write(inspector.inspect(paste, InspectionContext.at(Instant.now())));
        });
    }

    @Test
    void keyFiles() throws IOException {
        Path key = home.resolve("key.pem");
        forBudget("key file", 2, inputs -> {
            Files.writeString(key, inputs.anySize(200_000), StandardCharsets.UTF_8);
            String output = command("", "inspect", TOKEN, "--verify-key", key.toString());
            assertFalse(output.isBlank());
        });
    }

    @Test
    void csvAndJsonImports() throws Exception {
        try (Workspace workspace = Workspace.open(home.resolve("import.db"), Clock.systemUTC(), new Operator("suite"))) {
            SharedUserList list = new SharedUserList(workspace);
            forBudget("import", 3, inputs -> {
                String file = inputs.anySize(300_000);
                if (inputs.below(3) == 0) {
                    file = "environment,id,label,note,created_at\nsandbox,018051aa-f7a9-a0db-2f38-6cfa325e9d69,"
                            + TOKEN + ",\"" + file.replace("\"", "\"\"") + "\"," + inputs.text(40) + "\n";
                }
                SharedUserList.Format format = inputs.below(2) == 0 ? SharedUserList.Format.CSV : SharedUserList.Format.JSON;
                try {
                    ImportReport report = list.importFrom(new StringReader(file), format, Environment.SANDBOX, "hostile");
                    report.rejected().forEach(rejected -> assertClean(rejected.reason()));
                } catch (WorkspaceException | java.io.UncheckedIOException clear) {
                    assertClean(clear.getMessage());
                }
            });
        }
        byte[] disk = readAll(home.resolve("import.db"), home.resolve("import.db-wal"));
        String text = new String(disk, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(TOKEN), "a token reached the workspace");
    }

    @Test
    void requestsToTheLocalSandbox() {
        List<String> methods = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "JUNK", "G\u0000T", "OPTIONS");
        List<String> paths = List.of("/v2/users", "/v2/user-tokens", "/v2/users/x", "/_emulator/faults", "/.well-known/jwks.json",
                "/v2/users?limit=99999999999&cursor=%ZZ", "/" + "a".repeat(5000));
        String basic = "Basic " + Base64.getEncoder().encodeToString((sandbox.apiKey().id() + ":" + sandbox.apiKey().secret())
                .getBytes(StandardCharsets.UTF_8));
        forBudget("request", 4, inputs -> {
            StringBuilder request = new StringBuilder(inputs.pick(methods)).append(' ').append(inputs.pick(paths))
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            if (inputs.below(4) != 0) {
                request.append("Authorization: ").append(inputs.below(3) == 0 ? inputs.text(200).replace("\n", "") : basic).append("\r\n");
            }
            String body = inputs.anySize(1_200_000);
            if (inputs.below(5) == 0) {
                request.append("X-Hostile: ").append(inputs.text(2000).replace("\n", " ").replace("\r", " ")).append("\r\n");
            }
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
                socket.setSoTimeout((int) CASE_BUDGET.toMillis());
                OutputStream out = socket.getOutputStream();
                try {
                    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body.getBytes(StandardCharsets.UTF_8));
                } catch (IOException hungUp) {
                    // the server may refuse before reading it all: that is an answer too
                }
                String answer = firstLine(socket.getInputStream());
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 "), answer);
                assertFalse(answer.startsWith("HTTP/1.1 500"), "the emulator broke on its own input: " + request);
                assertClean(answer);
            }
        });
        assertEquals(200, RawHttp.send(sandbox, "GET", "/.well-known/jwks.json", null, false).statusCode());
    }

    @Test
    void answersToTheClient() {
        AtomicReference<HostileInputs> current = new AtomicReference<>();
        List<Integer> statuses = List.of(200, 201, 204, 301, 400, 401, 404, 418, 429, 500, 502, 503, 599);
        try (FakeServer server = FakeServer.serving(exchange -> answer(exchange, current.get(), statuses))) {
            ArgyleClient client = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.SANDBOX, server.url("/v2")),
                    new Credentials("support", SECRET), ClientSettings.DEFAULT.withRequestTimeout(Duration.ofSeconds(3))
                            .withRetry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50))));
            forBudget("answer", 5, inputs -> {
                current.set(inputs);
                Callable<Object> call = inputs.below(2) == 0
                        ? () -> client.issueToken("018051aa-f7a9-a0db-2f38-6cfa325e9d69")
                        : () -> client.listUsers(io.tokenconsole.argyle.UserListRequest.firstPage(5));
                try {
                    call.call();
                } catch (ArgyleApiException explained) {
                    assertClean(explained.getMessage());
                    assertFalse(explained.getMessage().contains(TOKEN), explained.getMessage());
                }
            });
        }
    }

    private static void answer(HttpExchange exchange, HostileInputs inputs, List<Integer> statuses) throws IOException {
        String echo = FakeServer.headersOf(exchange) + " " + TOKEN + " " + SECRET;
        String body = switch (inputs.below(4)) {
            case 0 -> echo;
            case 1 -> "{\"detail\": \"" + echo.replace("\"", "'").replace("\n", " ") + "\", \"next\": \"" + inputs.text(100) + "\"}";
            case 2 -> "{\"results\": [" + inputs.text(500) + "], \"user_token\": " + inputs.text(50) + "}";
            default -> inputs.anySize(2_000_000);
        };
        if (inputs.below(3) == 0) {
            exchange.getResponseHeaders().set("Retry-After", inputs.pick(List.of("9223372036854775807", "-1", "abc",
                    "Fri, 31 Dec 9999 23:59:59 GMT", "99999999999999999999", "1")));
        }
        int status = inputs.pick(statuses);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void faultPlans() {
        forBudget("fault plan", 6, inputs -> {
            String plan = inputs.below(2) == 0 ? inputs.anySize(100_000)
                    : "{\"latency_ms\": " + inputs.pick(List.of("0", "5", "60001", "9223372036854775807", "-1", "1.5", "\"x\""))
                            + ", \"rules\": [{\"fault\": \"" + inputs.pick(List.of("server_error", "teapot", "", "unavailable"))
                            + "\", \"route\": " + inputs.pick(List.of("\"\"", "\"POST /v2/users\"", "null", "\"" + inputs.text(30)
                            .replace("\"", "") + "\"", "7")) + "}]}";
            try {
                FaultPlan.parse(plan);
            } catch (IllegalArgumentException clear) {
                assertClean(clear.getMessage());
            }
            int status = RawHttp.send(sandbox, "PUT", "/_emulator/faults", plan).statusCode();
            assertTrue(status == 200 || status == 400 || status == 413, "status " + status);
            sandbox.clearFaults();
        });
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        try {
            while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
                line.append((char) c);
            }
        } catch (java.net.SocketException reset) {
            // closed without an answer: the server refused to read further
        }
        return line.toString().strip();
    }

    private static byte[] readAll(Path... files) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            if (Files.exists(file)) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    @Test
    void failuresAreNamedWithTheirSeed() {
        try {
            forBudget("self-check", 7, inputs -> fail("on purpose"));
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage().contains("-Dadversarial.seed=" + SEED), expected.getMessage());
            return;
        }
        fail("a failing round must fail the surface");
    }
}
