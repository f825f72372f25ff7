package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.RetryPolicy;
import io.tokenconsole.testing.Sandboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many support engineers at once against one local sandbox: 50 clients, each with its own
 * connection pool, creating a user and then issuing at least {@value #TOKENS_EACH} tokens, and more for
 * as long as the run lasts (about three seconds). What is asserted is correctness under concurrency —
 * no errors, a jti per token, a user per client — never a speed: the issuance rate is measured against
 * its baseline by {@code IssuanceRateBench} (JMH), not floored here, so a loaded machine cannot fail it.
 */
@Tag("load")
class EmulatorLoadTest {

    private static final int CLIENTS = 50;
    private static final Duration RUN_FOR = Duration.ofSeconds(3);
    private static final int TOKENS_EACH = 3;

    @Test
    void fiftyConcurrentClientsGetNoErrorsAndEveryTokenHasItsOwnJti() throws Exception {
        try (LocalSandbox sandbox = Sandboxes.start()) {
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            Map<String, Boolean> jtis = new ConcurrentHashMap<>();
            AtomicLong tokens = new AtomicLong();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            // No retries: an error must show, not be ridden out.
            ClientSettings settings = ClientSettings.DEFAULT.withRetry(RetryPolicy.NEVER).withRequestTimeout(Duration.ofSeconds(10));
            long stopAt = System.nanoTime() + RUN_FOR.toNanos();

            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                ArgyleClient client = new ArgyleClient(ArgyleClient.newHttpClient(Duration.ofSeconds(5)),
                        new ApiTarget(Environment.LOCAL, sandbox.baseUrl()), Sandboxes.credentialsOf(sandbox), settings);
                Thread thread = new Thread(() -> {
                    try {
                        var created = client.createUser(NewUser.blank());
                        record(created.userToken(), jtis, failures, tokens);
                        for (int issued = 0; issued < TOKENS_EACH || System.nanoTime() < stopAt; issued++) {
                            record(client.issueToken(created.id()).userToken(), jtis, failures, tokens);
                        }
                    } catch (RuntimeException failure) {
                        failures.add(failure.getMessage());
                    } finally {
                        done.countDown();
                    }
                });
                threads.add(thread);
            }
            threads.forEach(Thread::start);

            assertTrue(done.await(120, TimeUnit.SECONDS), "the load run finished");
            assertEquals(List.of(), List.copyOf(failures));
            assertEquals(tokens.get(), jtis.size(), "every jti is unique");
            assertEquals(CLIENTS, sandbox.userCount());
            assertTrue(tokens.get() >= CLIENTS * (TOKENS_EACH + 1L), "every client issued its tokens: " + tokens.get());
            System.out.printf("load: %d clients, %d tokens in %s (%.0f/s)%n", CLIENTS, tokens.get(), RUN_FOR,
                    tokens.get() / (double) RUN_FOR.toSeconds());
        }
    }

    private static void record(String token, Map<String, Boolean> jtis, Queue<String> failures, AtomicLong tokens) {
        tokens.incrementAndGet();
        if (jtis.putIfAbsent(JWT.decode(token).getId(), Boolean.TRUE) != null) {
            failures.add("a jti came twice");
        }
    }

}
