package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.testing.Sandboxes;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which calls are repeated after a passing failure, how long they wait, and that Cancel stops them. */
class ArgyleClientRetryTest {

    private static final String CREATE = "POST /v2/users";
    private static final String ISSUE = "POST /v2/user-tokens";

    private LocalSandbox sandbox;
    private ArgyleClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
        client = Sandboxes.clientFor(sandbox);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void creatingAUserThatHitsA503IsSentExactlyOnce() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 1).withRetryAfterSeconds(0)));

        assertThrows(ArgyleApiException.ServerError.class, () -> client.createUser(NewUser.blank()));

        assertEquals(1, sandbox.requestCount(CREATE));
        assertEquals(0, sandbox.userCount());
    }

    @Test
    void creatingAUserWhoseConnectionDroppedIsNotSentAgain() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.DROP_CONNECTION, 1)));

        assertThrows(ArgyleApiException.ConnectionDropped.class, () -> client.createUser(NewUser.blank()));

        assertEquals(1, sandbox.requestCount(CREATE));
    }

    @Test
    void issuingATokenAfterA429WaitsAtLeastTheRetryAfterAndThenSucceeds() {
        String userId = client.createUser(NewUser.blank()).id();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(1)));

        long started = System.nanoTime();
        IssuedToken token = client.issueToken(userId);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(waitedMillis >= 1000, "retried after only " + waitedMillis + " ms");
        assertEquals(2, sandbox.requestCount(ISSUE));
        assertTrue(token.userToken().startsWith("eyJ"));
    }

    @Test
    void issuingATokenRidesOutA503AndADroppedConnection() {
        String userId = client.createUser(NewUser.blank()).id();
        sandbox.setFaults(FaultPlan.of(
                FaultRule.nextRequests(Fault.UNAVAILABLE, 1), FaultRule.nextRequests(Fault.DROP_CONNECTION, 1)));

        client.issueToken(userId);

        assertEquals(3, sandbox.requestCount(ISSUE));
    }

    @Test
    void readingUsersRetriesAPassingFailure() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 1)));

        client.listUsers(UserListRequest.firstPage(5));

        assertEquals(2, sandbox.requestCount("GET /v2/users"));
    }

    @Test
    void aPlain500IsNotRetriedBecauseWaitingWillNotFixIt() {
        String userId = client.createUser(NewUser.blank()).id();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.SERVER_ERROR, 1)));

        assertThrows(ArgyleApiException.ServerError.class, () -> client.issueToken(userId));

        assertEquals(1, sandbox.requestCount(ISSUE));
    }

    @Test
    void retriesGiveUpAfterTheLastAttempt() {
        String userId = client.createUser(NewUser.blank()).id();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 10)));

        assertThrows(ArgyleApiException.ServerError.class, () -> client.issueToken(userId));

        assertEquals(RetryPolicy.DEFAULT.maxAttempts(), sandbox.requestCount(ISSUE));
    }

    @Test
    void aRetryAfterLongerThanTheCapFailsAtOnceAndSaysHowLongToWait() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(120)));

        long started = System.nanoTime();
        var failure = assertThrows(ArgyleApiException.RateLimited.class, () -> client.issueToken("someone"));

        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 5000);
        assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
        assertEquals(1, sandbox.requestCount(ISSUE));
    }

    @Test
    void cancellingASlowCallEndsItAtOnce() throws Exception {
        sandbox.setFaults(FaultPlan.NONE.withLatency(Duration.ofSeconds(4)));
        CompletableFuture<UserPage> call = client.listUsersAsync(UserListRequest.firstPage(5));
        Thread.sleep(200);

        long started = System.nanoTime();
        call.cancel(true);

        assertThrows(CancellationException.class, call::join);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 500);
    }

    @Test
    void cancellingWhileWaitingToRetryStopsTheRetry() throws Exception {
        String userId = client.createUser(NewUser.blank()).id();
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(1)));
        CompletableFuture<IssuedToken> call = client.issueTokenAsync(userId);
        Thread.sleep(300);

        call.cancel(true);
        Thread.sleep(1500);

        assertTrue(call.isCancelled());
        assertEquals(1, sandbox.requestCount(ISSUE));
    }

    @Test
    void interruptingABlockedCallerCancelsTheCall() throws Exception {
        sandbox.setFaults(FaultPlan.NONE.withLatency(Duration.ofSeconds(4)));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                client.listUsers(UserListRequest.firstPage(1));
                outcome.complete(null);
            } catch (RuntimeException failure) {
                outcome.complete(failure);
            }
        });
        caller.start();
        Thread.sleep(200);

        caller.interrupt();

        assertTrue(outcome.get(1, TimeUnit.SECONDS) instanceof CancellationException);
    }
}
