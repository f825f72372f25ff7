package io.tokenconsole.argyle;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of {@link ArgyleClient}. The connect timeout belongs to the shared
 * {@link java.net.http.HttpClient} (see {@link ArgyleClient#newHttpClient(Duration)}); the
 * request timeout bounds each attempt of each call.
 */
public record ClientSettings(Duration requestTimeout, RetryPolicy retry) {

    public static final ClientSettings DEFAULT = new ClientSettings(Duration.ofSeconds(20), RetryPolicy.DEFAULT);

    public ClientSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    public ClientSettings withRequestTimeout(Duration value) {
        return new ClientSettings(value, retry);
    }

    public ClientSettings withRetry(RetryPolicy value) {
        return new ClientSettings(requestTimeout, value);
    }
}
