package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Turns what came back from a call (an unwanted status or a network failure) into the matching
 * {@link ArgyleApiException}. All text from outside passes through {@link Redaction} first.
 */
final class FailureExplainer {

    private final ObjectMapper json;
    private final String target;
    private final boolean onThisMachine;
    private final Redaction redaction;
    private final Duration requestTimeout;

    FailureExplainer(ObjectMapper json, ApiTarget target, Redaction redaction, Duration requestTimeout) {
        this.json = json;
        this.target = target.describe();
        this.onThisMachine = target.isOnThisMachine();
        this.redaction = redaction;
        this.requestTimeout = requestTimeout;
    }

    /** An answer with a status the call did not want. {@code userId} names the user the call was about. */
    ArgyleApiException fromAnswer(HttpResponse<String> response, String userId) {
        int status = response.statusCode();
        JsonNode body = parseQuietly(response.body());
        String detail = detailOf(body, response.body());
        return switch (status) {
            case 401 -> new ArgyleApiException.BadCredentials(target, detail);
            case 403 -> new ArgyleApiException.Forbidden(target, detail);
            case 404 -> new ArgyleApiException.NotFound(target, userId, detail);
            case 400, 422 -> {
                Map<String, List<String>> fields = fieldErrorsOf(body);
                yield new ArgyleApiException.InvalidInput(target, status, fields, fields.isEmpty() ? detail : null);
            }
            case 429 -> new ArgyleApiException.RateLimited(target, retryAfter(response), detail);
            default -> status >= 500
                    ? new ArgyleApiException.ServerError(target, status, retryAfter(response), detail, onThisMachine)
                    : new ArgyleApiException.UnexpectedAnswer(target, status, "an unexpected status", detail);
        };
    }

    /** A 2xx answer whose body is not the documented JSON. */
    ArgyleApiException unexpected(HttpResponse<String> response, String whatWasWrong) {
        return new ArgyleApiException.UnexpectedAnswer(target, response.statusCode(), whatWasWrong, null);
    }

    /** The HTTP client would not send the request at all (a URL or header it refuses). */
    ArgyleApiException refusedToSend(RuntimeException refused) {
        return new ArgyleApiException.Unreachable(target, "the request could not be sent ("
                + reason(refused, refused.getClass().getSimpleName()) + ")", redaction.scrubCause(refused));
    }

    /** A failure before any answer arrived. */
    ArgyleApiException fromFailure(Throwable original) {
        if (original instanceof ArgyleApiException known) {
            return known;
        }
        if (original instanceof BoundedBody.TooLarge tooLarge) {
            return new ArgyleApiException.UnexpectedAnswer(target, tooLarge.status, tooLarge.getMessage(), null);
        }
        Throwable failure = original;
        Throwable kept = redaction.scrubCause(original);
        if (failure instanceof HttpConnectTimeoutException) {
            return new ArgyleApiException.Unreachable(target, "no connection within the connect timeout", kept);
        }
        if (failure instanceof HttpTimeoutException) {
            return new ArgyleApiException.Timeout(target, requestTimeout, kept);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new ArgyleApiException.TlsFailure(target, reason(cause, "handshake failed"), kept);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new ArgyleApiException.Unreachable(target, "the connection was refused", kept);
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return new ArgyleApiException.Unreachable(target, "the host name is not known", kept);
            }
        }
        if (failure instanceof IOException) {
            return new ArgyleApiException.ConnectionDropped(target, kept);
        }
        return new ArgyleApiException.UnexpectedAnswer(target, 0, reason(failure, failure.getClass().getSimpleName()), null);
    }

    private String reason(Throwable cause, String fallback) {
        String message = redaction.scrub(cause.getMessage());
        return message == null || message.isBlank() ? fallback : message;
    }

    private JsonNode parseQuietly(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** {@code {"detail": "..."}} is Argyle's usual error shape; anything else is quoted as it came. */
    private String detailOf(JsonNode body, String raw) {
        if (body != null && body.path("detail").isTextual()) {
            return redaction.scrub(body.get("detail").asText());
        }
        if (body != null && body.isObject() && !fieldErrorsOf(body).isEmpty()) {
            return null;
        }
        return raw == null || raw.isBlank() ? null : redaction.scrub(raw);
    }

    /** {@code {"email": ["Enter a valid email address."]}}: every field mapped to its problems. */
    private Map<String, List<String>> fieldErrorsOf(JsonNode body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            return fields;
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            if (field.getKey().equals("detail")) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(problem -> problems.add(redaction.scrub(problem.asText())));
            } else if (field.getValue().isTextual()) {
                problems.add(redaction.scrub(field.getValue().asText()));
            }
            if (!problems.isEmpty()) {
                fields.put(field.getKey(), problems);
            }
        }
        return fields;
    }

    /**
     * {@code Retry-After} is either seconds or an HTTP date. Whatever it says, the wait comes out
     * between zero and {@link #LONGEST_RETRY_AFTER}: a server asking for 2^63 seconds is asking for
     * "a very long time", and that is what the message says.
     */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank() || value.length() > LONGEST_HEADER) {
            return null;
        }
        String text = value.trim();
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // More digits than a day has seconds is "longer than a day" without parsing a number that may not fit.
            return text.length() > 9 ? LONGEST_RETRY_AFTER : bounded(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return bounded(Duration.between(Instant.now(), when));
        } catch (DateTimeParseException | ArithmeticException notDate) {
            return null;
        }
    }

    /** The longest wait a {@code Retry-After} is taken to ask for. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);
    private static final int LONGEST_HEADER = 100;

    private static Duration bounded(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait;
    }
}
