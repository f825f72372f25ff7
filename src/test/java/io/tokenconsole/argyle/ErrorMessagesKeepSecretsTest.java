package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * Whatever the server sends back — even a body that echoes the secret or a token — no error
 * message, {@code toString()} or stack trace print holds them. Checked for every error type.
 */
class ErrorMessagesKeepSecretsTest {

    private static final String SECRET = "s3cr3t-Sh0uld-N3ver-Sh0w";
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiMTIzIn0.c2lnbmF0dXJlLWJ5dGVz";
    private static final String ECHO = "secret " + SECRET + " token " + TOKEN;

    private final FailureExplainer explainer = new FailureExplainer(new ObjectMapper(),
            new ApiTarget(Environment.SANDBOX, URI.create("https://api-sandbox.argyle.com/v2")),
            new Redaction(SECRET), Duration.ofSeconds(3));

    @Test
    void noErrorTypeEverShowsTheSecretOrAToken() {
        List<ArgyleApiException> failures = new ArrayList<>();
        String detailEcho = "{\"detail\": \"" + ECHO + "\"}";
        failures.add(explainer.fromAnswer(answer(401, detailEcho, Map.of()), null));
        failures.add(explainer.fromAnswer(answer(403, detailEcho, Map.of()), null));
        failures.add(explainer.fromAnswer(answer(404, detailEcho, Map.of()), "some-user"));
        failures.add(explainer.fromAnswer(answer(400, "{\"email\": [\"" + ECHO + "\"]}", Map.of()), null));
        failures.add(explainer.fromAnswer(answer(429, detailEcho, Map.of("Retry-After", List.of("3"))), null));
        failures.add(explainer.fromAnswer(answer(503, "<html>" + ECHO + "</html>", Map.of()), null));
        failures.add(explainer.fromFailure(new HttpTimeoutException("request timed out " + ECHO)));
        failures.add(explainer.fromFailure(new ConnectException("refused " + ECHO)));
        failures.add(explainer.fromFailure(new IOException("connection closed " + ECHO)));
        failures.add(explainer.fromFailure(new SSLHandshakeException("bad certificate " + ECHO)));
        failures.add(explainer.fromAnswer(answer(302, ECHO, Map.of()), null));

        Set<Class<?>> covered = new HashSet<>();
        for (ArgyleApiException failure : failures) {
            covered.add(failure.getClass());
            String everything = failure.getMessage() + failure.toString() + failure.apiText().orElse("")
                    + stackTrace(failure) + (failure instanceof ArgyleApiException.InvalidInput invalid
                            ? invalid.fieldErrors().toString() : "");
            assertFalse(everything.contains(SECRET), failure.getClass().getSimpleName() + ": " + everything);
            assertFalse(everything.contains(TOKEN), failure.getClass().getSimpleName() + ": " + everything);
        }
        assertEquals(Set.of(ArgyleApiException.class.getPermittedSubclasses()), covered,
                "every kind of failure is checked; a new kind needs a line above");
    }

    @Test
    void aRedactedEchoStillSaysWhatWasThere() {
        var failure = explainer.fromAnswer(answer(404, "{\"detail\": \"" + ECHO + "\"}", Map.of()), "u");

        assertEquals("secret (secret hidden) token (token hidden)", failure.apiText().orElseThrow());
    }

    @Test
    void credentialsAndAnswersHoldingTokensDoNotPrintThem() {
        assertFalse(new Credentials("key-id", SECRET).toString().contains(SECRET));
        assertTrue(new Credentials("key-id", SECRET).toString().contains("key-id"));
        assertFalse(new CreatedUser("id-1", TOKEN).toString().contains(TOKEN));
        assertFalse(new IssuedToken(TOKEN).toString().contains(TOKEN));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsUnderstood() {
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));

        var failure = (ArgyleApiException.RateLimited) explainer.fromAnswer(
                answer(429, "", Map.of("Retry-After", List.of(inTenSeconds))), null);

        long seconds = failure.retryAfter().orElseThrow().toSeconds();
        assertTrue(seconds >= 8 && seconds <= 10, "waited " + seconds);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static HttpResponse<String> answer(int status, String body, Map<String, List<String>> headers) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return HttpRequest.newBuilder(URI.create("https://api-sandbox.argyle.com/v2/users")).build();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(headers, (name, value) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return request().uri();
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
