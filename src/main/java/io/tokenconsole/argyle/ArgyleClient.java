package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.Version;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Argyle's API v2 as the console uses it: create a user, issue a token, read, list and delete
 * users. One instance talks to one {@link ApiTarget} with one API key.
 *
 * <p>Every call has an {@code …Async} form whose future can be cancelled: cancelling aborts the
 * request in flight and stops any retry, so a Cancel button works. The plain forms block and
 * throw {@link ArgyleApiException}; interrupting the blocked thread cancels the call.
 *
 * <p>Only calls that are safe to repeat retry (see {@link RetryPolicy}): issuing a token (a second
 * token is harmless) and reads. Creating a user is sent once, whatever happens, because a retry
 * after a lost answer would create a second user. Deleting is not retried either: a retry after a
 * lost answer would report a confusing 404.
 */
public final class ArgyleClient {

    private static final String USER_AGENT = "token-console/" + Version.current();

    private final HttpClient http;
    private final ApiTarget target;
    private final Credentials credentials;
    private final ClientSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final FailureExplainer explainer;

    public ArgyleClient(HttpClient http, ApiTarget target, Credentials credentials, ClientSettings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.target = Objects.requireNonNull(target, "target");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.explainer = new FailureExplainer(json, target, new Redaction(credentials), settings.requestTimeout());
    }

    /** The one {@link HttpClient} an application should share between all its clients. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ApiTarget target() {
        return target;
    }

    /** The API key id the calls are made with (the id only: it may be shown, the secret never). */
    public String keyId() {
        return credentials.keyId();
    }

    // ---- asynchronous, cancellable --------------------------------------------------------------

    /** {@code POST /users}. Never retried: a second attempt could create a second user. */
    public CompletableFuture<CreatedUser> createUserAsync(NewUser user) {
        HttpRequest.Builder request = withJson(request("/users")).POST(body(user.toJson()));
        return call(new Call<>(request, false, null, response -> {
            JsonNode body = jsonObject(response);
            return new CreatedUser(text(response, body, "id"), text(response, body, "user_token"));
        }));
    }

    /** {@code POST /user-tokens}: a new token for a returning user. Retried when the failure passes. */
    public CompletableFuture<IssuedToken> issueTokenAsync(String userId) {
        Objects.requireNonNull(userId, "userId");
        HttpRequest.Builder request = withJson(request("/user-tokens"))
                .POST(body(json.createObjectNode().put("user", userId)));
        return call(new Call<>(request, true, userId,
                response -> new IssuedToken(text(response, jsonObject(response), "user_token"))));
    }

    /** {@code GET /users/{id}}. */
    public CompletableFuture<User> getUserAsync(String userId) {
        HttpRequest.Builder request = request("/users/" + pathSegment(userId)).GET();
        return call(new Call<>(request, true, userId, response -> user(response, jsonObject(response))));
    }

    /** {@code GET /users}: one page. Follow {@link UserPage#nextCursor()} for the next one. */
    public CompletableFuture<UserPage> listUsersAsync(UserListRequest page) {
        HttpRequest.Builder request = request("/users" + page.query()).GET();
        return call(new Call<>(request, true, null, response -> {
            JsonNode body = jsonObject(response);
            if (!body.path("results").isArray()) {
                throw explainer.unexpected(response, "no \"results\" list");
            }
            List<User> users = new ArrayList<>();
            for (JsonNode item : body.get("results")) {
                users.add(user(response, item));
            }
            return new UserPage(url(response, body, "next"), url(response, body, "previous"), users);
        }));
    }

    /** {@code DELETE /users/{id}}: the user and their connections are removed for good. */
    public CompletableFuture<Void> deleteUserAsync(String userId) {
        HttpRequest.Builder request = request("/users/" + pathSegment(userId)).DELETE();
        return call(new Call<>(request, false, userId, response -> null));
    }

    // ---- blocking forms, for commands and tests -------------------------------------------------

    public CreatedUser createUser(NewUser user) {
        return await(createUserAsync(user));
    }

    public IssuedToken issueToken(String userId) {
        return await(issueTokenAsync(userId));
    }

    public User getUser(String userId) {
        return await(getUserAsync(userId));
    }

    public UserPage listUsers(UserListRequest page) {
        return await(listUsersAsync(page));
    }

    public void deleteUser(String userId) {
        await(deleteUserAsync(userId));
    }

    /** Waits for a call; an interrupt cancels it. Failures come out as the {@link ArgyleApiException} they are. */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("The call was cancelled");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        }
    }

    // ---- the machinery ---------------------------------------------------------------------------

    /** One API call: how to send it, whether it may be repeated, and how to read a good answer. */
    private record Call<T>(HttpRequest.Builder request, boolean mayRetry, String userId, AnswerReader<T> reader) {
    }

    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(HttpResponse<String> response);
    }

    private <T> CompletableFuture<T> call(Call<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(call, 1, result);
        return result;
    }

    private <T> void attempt(Call<T> call, int attempt, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // cancelled while waiting to retry
        }
        CompletableFuture<HttpResponse<String>> inFlight;
        try {
            inFlight = http.sendAsync(call.request().build(), BoundedBody.handler(BoundedBody.LONGEST_ANSWER, BoundedBody.LONGEST_ERROR));
        } catch (RuntimeException refusedToSend) {
            // e.g. a base URL the HTTP client will not accept: fail the call rather than leave it hanging,
            // with the client's words scrubbed like any other text that may quote the request.
            result.completeExceptionally(explainer.refusedToSend(refusedToSend));
            return;
        }
        // Cancelling the caller's future aborts the exchange on the wire, not just the wait for it.
        result.whenComplete((ignored, failure) -> {
            if (result.isCancelled()) {
                inFlight.cancel(true);
            }
        });
        inFlight.whenComplete((response, failure) -> {
            if (result.isDone()) {
                return;
            }
            ArgyleApiException problem;
            try {
                if (failure == null && response.statusCode() / 100 == 2) {
                    result.complete(call.reader().read(response));
                    return;
                }
                problem = failure == null
                        ? explainer.fromAnswer(response, call.userId())
                        : explainer.fromFailure(unwrap(failure));
            } catch (ArgyleApiException unreadable) {
                problem = unreadable;
            } catch (RuntimeException bug) {
                // Only scrubbed text leaves the client: its failures reach messages and the audit log.
                result.completeExceptionally(explainer.fromFailure(bug));
                return;
            }
            Optional<Duration> wait = call.mayRetry()
                    ? settings.retry().waitBefore(attempt + 1, problem)
                    : Optional.empty();
            if (wait.isPresent()) {
                CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(call, attempt + 1, result));
            } else {
                result.completeExceptionally(problem);
            }
        });
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(target.resolve(path))
                .timeout(settings.requestTimeout())
                .header("Authorization", credentials.basicAuthorization())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    private HttpRequest.BodyPublisher body(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder withJson(HttpRequest.Builder builder) {
        return builder.header("Content-Type", "application/json");
    }

    private JsonNode jsonObject(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw explainer.unexpected(response, "the body is not a JSON object");
            }
            return body;
        } catch (IOException notJson) {
            throw explainer.unexpected(response, "the body is not valid JSON");
        }
    }

    private String text(HttpResponse<String> response, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw explainer.unexpected(response, "no \"" + field + "\" in the answer");
        }
        return value.asText();
    }

    private URI url(HttpResponse<String> response, JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return URI.create(value.asText());
        } catch (IllegalArgumentException notAUrl) {
            throw explainer.unexpected(response, "\"" + field + "\" is not a URL");
        }
    }

    private User user(HttpResponse<String> response, JsonNode node) {
        try {
            return User.fromJson(node);
        } catch (IllegalArgumentException notAUser) {
            throw explainer.unexpected(response, notAUser.getMessage());
        }
    }

    /** Percent-encodes a user id for the path, so a pasted id with odd characters cannot change the route. */
    private static String pathSegment(String value) {
        Objects.requireNonNull(value, "userId");
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
