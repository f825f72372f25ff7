package io.tokenconsole.argyle;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every way a call to Argyle can fail, as a closed set a caller can switch over. The message is
 * written for a support engineer: what happened in plain words, what to check, and the API's own
 * text when it gave one. Messages never hold the API secret or a token: the text that comes back
 * from the server is scrubbed before it gets here (see {@link Redaction}).
 */
public abstract sealed class ArgyleApiException extends RuntimeException {

    private final int status;
    private final String apiText;

    private ArgyleApiException(String plainWords, int status, String apiText, Throwable cause) {
        super(apiText == null || apiText.isBlank() ? plainWords : plainWords + " Argyle said: " + apiText, cause);
        this.status = status;
        this.apiText = apiText;
    }

    /** The HTTP status of the answer, empty when no answer arrived. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The API's own error text (e.g. {@code Not found.}), already scrubbed of secrets and tokens. */
    public Optional<String> apiText() {
        return Optional.ofNullable(apiText);
    }

    /** 401: the key id or secret is wrong, or belongs to another environment. */
    public static final class BadCredentials extends ArgyleApiException {
        BadCredentials(String target, String apiText) {
            super(target + " did not accept the API key (HTTP 401): check the key id and secret, and that they"
                    + " belong to this environment.", 401, apiText, null);
        }
    }

    /** 403: the key is valid but may not do this. */
    public static final class Forbidden extends ArgyleApiException {
        Forbidden(String target, String apiText) {
            super(target + " refused this action for the API key (HTTP 403): the key lacks the permission.",
                    403, apiText, null);
        }
    }

    /** 404: usually a user id that is mistyped, deleted or from another environment. */
    public static final class NotFound extends ArgyleApiException {
        private final String userId;

        NotFound(String target, String userId, String apiText) {
            super(userId == null
                            ? target + " does not know what was asked for (HTTP 404)."
                            : target + " does not know the user " + userId + " (HTTP 404): the id may be mistyped,"
                                    + " the user deleted, or created in another environment.",
                    404, apiText, null);
            this.userId = userId;
        }

        public Optional<String> userId() {
            return Optional.ofNullable(userId);
        }
    }

    /** 400 or 422: the request was refused, often with a list of problems per field. */
    public static final class InvalidInput extends ArgyleApiException {
        private final Map<String, List<String>> fieldErrors;

        InvalidInput(String target, int status, Map<String, List<String>> fieldErrors, String apiText) {
            super(target + " refused the input (HTTP " + status + ")" + describe(fieldErrors), status, apiText, null);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            fieldErrors.forEach((field, problems) -> copy.put(field, List.copyOf(problems)));
            this.fieldErrors = Collections.unmodifiableMap(copy);
        }

        /** Problems per request field, e.g. {@code email -> [Enter a valid email address.]}. */
        public Map<String, List<String>> fieldErrors() {
            return fieldErrors;
        }

        private static String describe(Map<String, List<String>> fieldErrors) {
            if (fieldErrors.isEmpty()) {
                return ".";
            }
            StringBuilder text = new StringBuilder(":");
            fieldErrors.forEach((field, problems) ->
                    text.append(' ').append(field).append(": ").append(String.join(" ", problems)));
            return text.toString();
        }
    }

    /** 429: too many requests for now. */
    public static final class RateLimited extends ArgyleApiException {
        private final Duration retryAfter;

        RateLimited(String target, Duration retryAfter, String apiText) {
            super(target + " is limiting the request rate (HTTP 429): "
                    + (retryAfter == null ? "wait a little" : "it asks to wait " + seconds(retryAfter))
                    + " before trying again.", 429, apiText, null);
            this.retryAfter = retryAfter;
        }

        /** How long Argyle asked to wait ({@code Retry-After}), if it said. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 5xx: a problem on the server's side; often passes. */
    public static final class ServerError extends ArgyleApiException {
        private final Duration retryAfter;

        ServerError(String target, int status, Duration retryAfter, String apiText, boolean onThisMachine) {
            super(target + " had a problem on its side (HTTP " + status + "): try again in a moment"
                    + (retryAfter == null ? "" : " (it asks to wait " + seconds(retryAfter) + ")")
                    + (onThisMachine
                            ? "; it runs on this machine (the local sandbox, an emulator or a proxy): check its fault"
                                    + " plan or its own log, not Argyle."
                            : "; if it keeps happening, report it to Argyle."), status, apiText, null);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** No answer within the request timeout. The server may still have acted on the request. */
    public static final class Timeout extends ArgyleApiException {
        Timeout(String target, Duration waited, Throwable cause) {
            super(target + " did not answer within " + seconds(waited) + ": the service or the network is slow."
                    + " The request may still have been carried out.", 0, null, cause);
        }
    }

    /** No connection could be made: refused, unknown host, no network. */
    public static final class Unreachable extends ArgyleApiException {
        Unreachable(String target, String reason, Throwable cause) {
            super("Cannot reach " + target + ": " + reason + ". Check the base URL and the network"
                    + " (for the local sandbox: is the emulator running?).", 0, null, cause);
        }
    }

    /** The connection was made but closed before a complete answer arrived. */
    public static final class ConnectionDropped extends ArgyleApiException {
        ConnectionDropped(String target, Throwable cause) {
            super(target + " closed the connection before answering: try again; the request may or may not"
                    + " have been carried out.", 0, null, cause);
        }
    }

    /** The secure connection could not be set up: certificates, a proxy, or http/https mixed up. */
    public static final class TlsFailure extends ArgyleApiException {
        TlsFailure(String target, String reason, Throwable cause) {
            super("The secure connection to " + target + " failed (TLS: " + reason + "): a company proxy, a"
                    + " wrong certificate store or a wrong base URL usually causes this.", 0, null, cause);
        }
    }

    /** An answer came back but it is not what the API documents (not JSON, wrong shape, odd status). */
    public static final class UnexpectedAnswer extends ArgyleApiException {
        UnexpectedAnswer(String target, int status, String whatWasWrong, String apiText) {
            super(target + " gave an answer the console does not understand (HTTP " + status + "): "
                    + whatWasWrong + ". Check the base URL points at Argyle's API v2.", status, apiText, null);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
