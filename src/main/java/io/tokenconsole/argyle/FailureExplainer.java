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
    private final Redaction redaction;
    private final Duration requestTimeout;

    FailureExplainer(ObjectMapper json, ApiTarget target, Redaction redaction, Duration requestTimeout) {
        this.json = json;
        this.target = target.describe();
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
                    ? new ArgyleApiException.ServerError(target, status, retryAfter(response), detail)
                    : new ArgyleApiException.UnexpectedAnswer(target, status, "an unexpected status", detail);
        };
    }

    /** A 2xx answer whose body is not the documented JSON. */
    ArgyleApiException unexpected(HttpResponse<String> response, String whatWasWrong) {
        return new ArgyleApiException.UnexpectedAnswer(target, response.statusCode(), whatWasWrong, null);
    }

    /** A failure before any answer arrived. */
    ArgyleApiException fromFailure(Throwable original) {
        if (original instanceof ArgyleApiException known) {
            return known;
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

    /** {@code Retry-After} is either seconds or an HTTP date. */
    static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
