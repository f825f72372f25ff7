package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.testing.FakeServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, devices, servers and text from outside, as the adversarial pass found them, through the real commands. */
class HostileCommandLineTest {

    private static final String USER = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String SECRET = "s3cr3t-for-echo-tests";

    @TempDir
    Path home;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TOKEN_CONSOLE_HOME", home.toString());
        env.put("ARGYLE_API_KEY_ID", "support");
        env.put("ARGYLE_API_KEY_SECRET", SECRET);
        return env;
    }

    private CommandRun run(String... args) {
        return CommandRun.of(env(), args);
    }

    private byte[] everyFileIn(Path folder) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    @Test
    void aServerEchoingTheRequestHeadersLeavesNoCredentialInTheAuditLogOrTheMessage() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(("support:" + SECRET).getBytes(StandardCharsets.UTF_8));
        try (FakeServer echo = FakeServer.serving(exchange -> FakeServer.reply(exchange, 500, "text/plain",
                "Internal error. Your request was:\n" + FakeServer.headersOf(exchange)))) {
            CommandRun run = run("tokens", "issue", "--env", "sandbox", "--base-url", echo.url("/echo/v2").toString(),
                    "--user", USER);

            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().contains("Authorization: (secret hidden"), run.err());
            for (String form : List.of(SECRET, basic, basic.replace("=", ""))) {
                assertFalse(run.err().contains(form), run.err());
            }
        }
        CommandRun audit = run("audit", "--json");
        assertTrue(audit.out().contains("(HTTP 500)") && audit.out().contains("Authorization: ["),
                "the failure was audited, its echo scrubbed: " + audit.out());
        String disk = new String(everyFileIn(home), StandardCharsets.ISO_8859_1);
        for (String form : List.of(SECRET, basic, basic.replace("=", ""))) {
            assertFalse(disk.contains(form), form + " reached the data folder");
        }
    }

    @Test
    void aNextPageThatRepeatsItsCursorOrHasNoneEndsTheListingWithWhatHappened() {
        AtomicInteger pages = new AtomicInteger();
        try (FakeServer looping = FakeServer.serving(exchange -> {
            pages.incrementAndGet();
            String self = "http://" + exchange.getRequestHeaders().getFirst("Host") + "/v2/users";
            FakeServer.reply(exchange, 200, "application/json", "{\"next\": \"" + self + "?cursor=same\", \"previous\": null,"
                    + " \"results\": [{\"id\": \"" + USER + "\"}]}");
        }); FakeServer noCursor = FakeServer.serving(exchange -> FakeServer.reply(exchange, 200, "application/json",
                "{\"next\": \"http://example.invalid/v2/users?page=2\", \"previous\": null, \"results\": []}"))) {
            CommandRun loop = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run("users", "list", "--remote", "--all",
                    "--env", "sandbox", "--base-url", looping.url("/v2").toString()));
            CommandRun cursorless = run("users", "list", "--remote", "--all", "--env", "sandbox", "--base-url",
                    noCursor.url("/v2").toString());

            assertEquals(1, loop.exitCode());
            assertTrue(loop.lastErrorLine().contains("cursor it had already sent"), loop.err());
            assertEquals(2, pages.get(), "the repeat is noticed at once");
            assertEquals(1, cursorless.exitCode());
            assertTrue(cursorless.lastErrorLine().contains("no cursor"), cursorless.err());
            assertFalse(cursorless.err().contains("No value present"), cursorless.err());
        }
    }

    @Test
    void aKeyFileOrAnImportFromAnEndlessDeviceEndsWithAClearErrorNotOutOfMemory() {
        CommandRun key = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("inspect",
                TestTokens.argyleToken(java.time.Instant.parse("2026-11-25T09:00:00Z"), "argyle"), "--verify-key", "/dev/zero"));
        CommandRun csv = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("users", "import", "/dev/zero",
                "--format", "csv", "--env", "sandbox"));
        CommandRun json = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("users", "import", "/dev/zero",
                "--format", "json", "--env", "sandbox"));

        assertEquals(2, key.exitCode(), key.err());
        assertTrue(key.err().contains("/dev/zero is larger than 1 MiB: it is not a key"), key.err());
        assertEquals(1, csv.exitCode(), csv.err());
        assertTrue(csv.out().contains("a cell is longer than"), csv.out());
        assertEquals(1, json.exitCode());
        assertTrue(json.out().contains("not valid JSON"), json.out());
        for (CommandRun run : List.of(key, csv, json)) {
            assertFalse((run.out() + run.err()).contains("\tat "), "no stack trace");
        }
    }

    @Test
    void exportNeverReplacesWhatIsNotAFileAndAFileOnlyWithForce() throws Exception {
        Path existing = Files.writeString(home.resolve("team.csv"), "keep me");
        Path link = Files.createSymbolicLink(home.resolve("link.csv"), existing);
        Path folder = Files.createDirectory(home.resolve("folder.csv"));
        Path fifo = home.resolve("pipe.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS);

        CommandRun plain = run("users", "export", existing.toString());
        CommandRun viaLink = run("users", "export", link.toString(), "--force");
        CommandRun intoFolder = run("users", "export", folder.toString(), "--force");
        CommandRun intoPipe = run("users", "export", fifo.toString(), "--force");
        CommandRun intoDevice = run("users", "export", "/dev/full", "--format", "csv", "--force");
        CommandRun forced = run("users", "export", existing.toString(), "--force");

        assertEquals(1, plain.exitCode());
        assertTrue(plain.lastErrorLine().contains("exists: add --force"), plain.err());
        assertTrue(viaLink.lastErrorLine().contains("a symbolic link"), viaLink.err());
        assertTrue(intoFolder.lastErrorLine().contains("a folder"), intoFolder.err());
        assertTrue(intoPipe.lastErrorLine().contains("a device, pipe or socket"), intoPipe.err());
        assertTrue(intoDevice.lastErrorLine().contains("not a regular file"), intoDevice.err());
        assertTrue(Files.isSymbolicLink(link) && Files.isDirectory(folder) && Files.exists(fifo), "all left as they were");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(existing).startsWith("environment,id,"), "replaced with --force");
    }

    @Test
    void anExportToAFullDiskFailsTheRealProcessAndSaysTheOutputIsLost() throws Exception {
        // A real process, as it happened: users export - > /dev/full.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.tokenconsole.Launcher", "users", "export", "-")
                .redirectOutput(new java.io.File("/dev/full"));
        builder.environment().put("TOKEN_CONSOLE_HOME", home.toString());
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));

        assertEquals(1, process.exitValue(), err);
        assertTrue(err.contains("could not write to standard output"), err);
    }

    @Test
    void anIssuedTokenWhoseOutputIsLostFailsTheRunAfterItWasAudited() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Map<String, String> env = env();
        env.remove("ARGYLE_API_KEY_ID");
        env.remove("ARGYLE_API_KEY_SECRET");

        int code = TokenConsoleCommand.run(new String[] {"users", "create", "--env", "local"},
                new java.io.ByteArrayInputStream(new byte[0]), new java.io.PrintStream(full), new java.io.PrintStream(err), env);

        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not write to standard output"), err.toString());
        assertTrue(run("audit").out().contains("user-created"), "the action itself was audited");
    }

    @Test
    void claimValuesCannotDriveTheTerminal() {
        String sneaky = "\u001b]0;pwned\u0007\u001b[31mred\u009b2J\u202eevil";
        String token = TestTokens.token("{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"" + sneaky.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007").replace("\u009b", "\\u009b")
                        .replace("\u202e", "\\u202e") + "\",\"exp\":1}");

        CommandRun text = run("inspect", token);
        CommandRun json = run("inspect", token, "--json");

        for (CommandRun output : List.of(text, json)) {
            String all = output.out() + output.err();
            for (char control : new char[] {'\u001b', '\u0007', '\u009b', '\u202e'}) {
                assertFalse(all.indexOf(control) >= 0, "raw " + (int) control + " in " + all);
            }
        }
        assertTrue(text.out().contains("\\u001b]0;pwned"), text.out());
        assertTrue(json.out().contains("\\u009b2J"), "still valid JSON, the same string: " + json.out());
    }

    @Test
    void atFilesAreNotExpandedAndFaultsReadTheirOwnFileWithoutQuotingIt() throws Exception {
        Path plan = Files.writeString(home.resolve("plan.json"), "{\"latency_ms\": 5}");
        Path secretish = Files.writeString(home.resolve("shadow"), "root:$6$secret-hash:19000:0:99999:7:::\n");

        CommandRun shown = run("emulator", "--faults", "@" + secretish, "--port", "0");
        CommandRun bogusRoute = run("emulator", "--faults", "{\"rules\": [{\"fault\": \"server_error\", \"route\": \"\"}]}");
        CommandRun unknownRoute = run("emulator", "--faults", "{\"rules\": [{\"fault\": \"server_error\", \"route\": \"GET /v3/x\"}]}");

        assertEquals(2, shown.exitCode());
        assertFalse(shown.err().contains("secret-hash") || shown.err().contains("root"), shown.err());
        assertTrue(shown.err().contains("not valid JSON (line 1"), shown.err());
        assertTrue(bogusRoute.err().contains("\"route\" is empty"), bogusRoute.err());
        assertTrue(unknownRoute.err().contains("unknown route \"GET /v3/x\""), unknownRoute.err());
        assertTrue(io.tokenconsole.emulator.FaultPlan.parse(Files.readString(plan)).latency().toMillis() == 5);
    }

    @Test
    void anExistingDataFolderOpenToOthersIsMadeOwnerOnly() throws Exception {
        Path folder = Files.createDirectory(home.resolve("data"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        CommandRun run = run("users", "list", "--data-dir", folder.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }
}
