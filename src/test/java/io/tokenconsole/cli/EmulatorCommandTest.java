package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleApiException;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.RetryPolicy;
import io.tokenconsole.testing.Sandboxes;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token-console emulator}: the first line says everything needed to use it, and it stops cleanly. */
class EmulatorCommandTest {

    private static final Pattern FIRST_LINE =
            Pattern.compile("Local sandbox at (http://127\\.0\\.0\\.1:\\d+/v2) api-key-id=(\\S+) api-key-secret=(\\S+)");

    @Test
    void theFirstLineGivesBaseUrlAndKeyThatWorkAndInterruptingStopsIt() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread running = start(out, exitCode, "emulator");

        String firstLine = firstLine(out);
        Matcher parts = FIRST_LINE.matcher(firstLine);
        assertTrue(parts.matches(), firstLine);
        ArgyleClient client = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.LOCAL, URI.create(parts.group(1))),
                new Credentials(parts.group(2), parts.group(3)), ClientSettings.DEFAULT.withRetry(RetryPolicy.NEVER));
        String userId = client.createUser(NewUser.blank()).id();
        client.issueToken(userId);

        running.interrupt();
        running.join(5000);

        assertFalse(running.isAlive());
        assertEquals(0, exitCode.get());
        assertThrows(ArgyleApiException.Unreachable.class, () -> client.issueToken(userId));
    }

    @Test
    void aGivenPortAndKeyAreUsedAndAStartingFaultPlanApplies() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread running = start(out, exitCode, "emulator", "--api-key-id", "support-key", "--api-key-secret", "letmein",
                "--faults", "{\"rules\": [{\"fault\": \"unavailable\", \"next\": 1}]}");
        try {
            Matcher parts = FIRST_LINE.matcher(firstLine(out));
            assertTrue(parts.matches());
            assertEquals("support-key", parts.group(2));
            assertEquals("letmein", parts.group(3));
            ArgyleClient client = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.LOCAL, URI.create(parts.group(1))),
                    new Credentials("support-key", "letmein"), ClientSettings.DEFAULT.withRetry(RetryPolicy.NEVER));

            assertThrows(ArgyleApiException.ServerError.class, () -> client.createUser(NewUser.blank()));
            client.createUser(NewUser.blank());
        } finally {
            running.interrupt();
            running.join(5000);
        }
    }

    @Test
    void aSigningKeyFileIsMadeOnceAndReusedSoTheKeyIdStaysTheSame(@TempDir Path folder) throws Exception {
        Path keyFile = folder.resolve("sandbox-key.pem");
        String firstKid = kidOfARun(keyFile);
        assertTrue(Files.exists(keyFile));

        assertEquals(firstKid, kidOfARun(keyFile));
    }

    @Test
    void aBrokenFaultPlanIsAUsageError() {
        CommandRun run = CommandRun.of("emulator", "--faults", "{\"rules\": [{\"fault\": \"nap\"}]}");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown fault \"nap\""), run.err());
    }

    private static String kidOfARun(Path keyFile) throws Exception {
        StringWriter out = new StringWriter();
        Thread running = start(out, new AtomicInteger(), "emulator", "--signing-key", keyFile.toString());
        try {
            firstLine(out);
            Matcher parts = FIRST_LINE.matcher(out.toString().lines().findFirst().orElseThrow());
            assertTrue(parts.matches());
            ArgyleClient client = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.LOCAL, URI.create(parts.group(1))),
                    new Credentials(parts.group(2), parts.group(3)), ClientSettings.DEFAULT);
            return com.auth0.jwt.JWT.decode(client.createUser(NewUser.blank()).userToken()).getKeyId();
        } finally {
            running.interrupt();
            running.join(5000);
        }
    }

    private static Thread start(StringWriter out, AtomicInteger exitCode, String... args) {
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), Map.of(), Clock.systemUTC());
        Thread thread = new Thread(() -> exitCode.set(TokenConsoleCommand.run(args, context)), "emulator-command");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String firstLine(StringWriter out) throws InterruptedException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < giveUpAt) {
            String text = out.toString();
            int end = text.indexOf('\n');
            if (end >= 0) {
                return text.substring(0, end).strip();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the emulator printed no first line");
    }
}
