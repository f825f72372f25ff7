package io.tokenconsole.ui.tokens;

import io.tokenconsole.argyle.ArgyleApiException;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.workflow.ApiAccess;
import java.time.Duration;

/**
 * A failed issue as the card says it: a short title, what happened (the client's message, which
 * names the environment and never holds a secret), and the next step for the person.
 */
public record IssueFailure(String title, String message, String nextStep) {

    /** Puts {@code failure} of issuing a token for {@code userId} in {@code environment} in plain words. */
    public static IssueFailure of(Throwable failure, Environment environment, String userId) {
        String message = TaskRunner.describe(failure);
        String settings = "Settings (with " + environment.displayName() + " chosen at the top)";
        if (failure instanceof ArgyleApiException.BadCredentials) {
            return new IssueFailure("Wrong API key", message,
                    "Check the key id and secret in " + settings + ", then issue again.");
        }
        if (failure instanceof ArgyleApiException.Forbidden) {
            return new IssueFailure("The API key may not do this", message,
                    "Use a key with permission to issue user tokens, saved in " + settings + ".");
        }
        if (failure instanceof ArgyleApiException.NotFound) {
            return new IssueFailure("Unknown user", message, "Check the id " + userId + ": find the user in the Users"
                    + " pane (Find at Argyle), or switch to the environment it was created in.");
        }
        if (failure instanceof ArgyleApiException.RateLimited limited) {
            return new IssueFailure("Rate limited", message,
                    limited.retryAfter().map(wait -> "Wait " + seconds(wait) + ", then issue again.")
                            .orElse("Wait a minute, then issue again."));
        }
        if (failure instanceof ArgyleApiException.ServerError) {
            return new IssueFailure(environment == Environment.LOCAL
                    ? "The local sandbox had a problem" : "Argyle is having problems", message,
                    "Issue again in a moment; if it keeps failing, check Argyle's status page or tell Argyle's support.");
        }
        if (failure instanceof ArgyleApiException.Timeout) {
            return new IssueFailure("No answer in time", message,
                    "Issue again: a second token does no harm. If it keeps timing out, check the network.");
        }
        if (failure instanceof ArgyleApiException.Unreachable) {
            return new IssueFailure("Offline or unreachable", message,
                    "Check the network connection and the base URL in " + settings + ", then issue again.");
        }
        if (failure instanceof ArgyleApiException.ConnectionDropped) {
            return new IssueFailure("The connection dropped", message, "Issue again: a second token does no harm.");
        }
        if (failure instanceof ArgyleApiException.TlsFailure) {
            return new IssueFailure("Secure connection failed", message,
                    "Check the base URL in " + settings + " and any company proxy, then issue again.");
        }
        if (failure instanceof ArgyleApiException.InvalidInput) {
            return new IssueFailure("Request refused", message, "Check the user id, then issue again.");
        }
        if (failure instanceof ArgyleApiException.UnexpectedAnswer) {
            return new IssueFailure("Unexpected answer", message,
                    "Check that the base URL in " + settings + " points at Argyle's API v2.");
        }
        if (failure instanceof ApiAccess.MissingKey) {
            return new IssueFailure("No API key", message, "Save the key in " + settings + ", then issue again.");
        }
        if (failure instanceof IllegalArgumentException) {
            return new IssueFailure("Nothing was sent", message, "Fix what the message names, then issue again.");
        }
        return new IssueFailure("Could not issue a token", message,
                "Try again; if it keeps failing, the log has the details.");
    }

    private static String seconds(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return seconds + " s";
    }
}
