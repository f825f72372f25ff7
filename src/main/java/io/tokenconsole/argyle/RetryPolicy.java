package io.tokenconsole.argyle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How calls that are safe to repeat (issuing a token, reading users) retry a passing failure:
 * a few attempts, exponential backoff with jitter, and the server's {@code Retry-After} honoured.
 * When the server asks for a longer wait than {@code longestWait}, the call fails at once with
 * that wait in its message instead of keeping a person staring at a spinner.
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration longestWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(30));
    public static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstBackoff.isNegative() || longestWait.isNegative()) {
            throw new IllegalArgumentException("waits cannot be negative");
        }
    }

    /**
     * How long to wait before attempt {@code nextAttempt} (2, 3, …) after {@code failure}, or empty
     * when the call should give up and report the failure.
     */
    Optional<Duration> waitBefore(int nextAttempt, ArgyleApiException failure) {
        if (nextAttempt > maxAttempts || !isPassing(failure)) {
            return Optional.empty();
        }
        Optional<Duration> asked = askedWait(failure);
        if (asked.isPresent()) {
            return asked.get().compareTo(longestWait) > 0 ? Optional.empty() : asked;
        }
        long base = firstBackoff.toMillis() << Math.min(nextAttempt - 2, 10);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Optional.of(Duration.ofMillis(Math.min(jittered, longestWait.toMillis())));
    }

    /** 429, 502, 503, 504 and a dropped connection usually pass; a 500 or a 4xx will not by waiting. */
    private static boolean isPassing(ArgyleApiException failure) {
        if (failure instanceof ArgyleApiException.RateLimited || failure instanceof ArgyleApiException.ConnectionDropped) {
            return true;
        }
        if (failure instanceof ArgyleApiException.ServerError) {
            int status = failure.status().orElse(0);
            return status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    private static Optional<Duration> askedWait(ArgyleApiException failure) {
        if (failure instanceof ArgyleApiException.RateLimited limited) {
            return limited.retryAfter();
        }
        if (failure instanceof ArgyleApiException.ServerError server) {
            return server.retryAfter();
        }
        return Optional.empty();
    }
}
