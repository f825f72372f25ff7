package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.testing.FakeServer;
import io.tokenconsole.testing.Sandboxes;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a server can send back cannot make the client hold it all, or wait for ever. */
class BoundedAnswersTest {

    private static final ClientSettings ONCE = ClientSettings.DEFAULT.withRetry(RetryPolicy.NEVER)
            .withRequestTimeout(Duration.ofSeconds(20));

    private static ArgyleClient clientOf(FakeServer server) {
        return new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.SANDBOX, server.url("/v2")),
                new Credentials("support", "secret-secret"), ONCE);
    }

    /** Streams {@code status} with a body that never ends, counting what the client took. */
    private static FakeServer endless(int status, AtomicLong sent) {
        return FakeServer.serving(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, 0);
            byte[] page = "<p>server error</p>".repeat(3_000).getBytes();
            try (OutputStream out = exchange.getResponseBody()) {
                for (long i = 0; i < 300L * 1024 * 1024 / page.length; i++) {
                    out.write(page);
                    sent.addAndGet(page.length);
                }
            } catch (IOException clientStopped) {
                // what we expect: the client hangs up at its limit
            }
        });
    }

    @Test
    void aHugeErrorPageIsCutAtItsStartAndTheConnectionDropped() {
        AtomicLong sent = new AtomicLong();
        try (FakeServer server = endless(500, sent)) {
            var failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    ArgyleApiException.ServerError.class, () -> clientOf(server).issueToken("user")));

            assertTrue(failure.getMessage().contains("server error"), failure.getMessage());
            assertTrue(failure.getMessage().length() < 1_000, "a message, not a page");
        }
        assertTrue(sent.get() < 64L * 1024 * 1024, "the client stopped reading long before 300 MB: " + sent.get());
    }

    @Test
    void aGoodAnswerLargerThanTheClientHoldsIsRefusedSayingSo() {
        AtomicLong sent = new AtomicLong();
        try (FakeServer server = endless(200, sent)) {
            var failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    ArgyleApiException.UnexpectedAnswer.class, () -> clientOf(server).issueToken("user")));

            assertTrue(failure.getMessage().contains("larger than 16 MiB"), failure.getMessage());
        }
        assertTrue(sent.get() < 96L * 1024 * 1024, "stopped near the limit: " + sent.get());
    }

    @Test
    void anEnormousRetryAfterIsReadAsADayAndReportedWithoutOverflow() {
        for (String header : new String[] {"9223372036854775807", "99999999999999999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
            try (FakeServer server = FakeServer.serving(exchange -> {
                exchange.getResponseHeaders().set("Retry-After", header);
                FakeServer.reply(exchange, 429, "application/json", "{\"detail\": \"Request was throttled.\"}");
            })) {
                var failure = assertThrows(ArgyleApiException.RateLimited.class,
                        () -> new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.SANDBOX, server.url("/v2")),
                                new Credentials("support", "secret-secret"), ClientSettings.DEFAULT).issueToken("user"));

                assertEquals(Duration.ofDays(1), failure.retryAfter().orElseThrow(), header);
                assertTrue(failure.getMessage().contains("86400 s"), failure.getMessage());
            }
        }
    }
}
