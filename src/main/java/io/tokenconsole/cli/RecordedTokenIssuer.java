package io.tokenconsole.cli;

import io.tokenconsole.argyle.ArgyleApiException;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.link.FreshTokenSource;
import io.tokenconsole.store.AuditAction;
import java.util.Objects;

/**
 * A token issued and recorded: the API call, then the audit row {@code token-issued} with the
 * token's jti and exp (or a failed row). Used by {@code tokens issue}, and by {@code link} for the
 * session's first token and for every fresh one Link asks for on {@code onTokenExpired}. Production
 * is confirmed once, when the command starts: {@code --confirm-production} covers its own session.
 */
final class RecordedTokenIssuer implements FreshTokenSource {

    private final ArgyleClient client;
    private final ActionRecorder recorder;
    private final boolean temporarySandbox;

    /** @param temporarySandbox a sandbox started for one command: it knows no users, and its users are not kept */
    RecordedTokenIssuer(ArgyleClient client, ActionRecorder recorder, boolean temporarySandbox) {
        this.client = Objects.requireNonNull(client, "client");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.temporarySandbox = temporarySandbox;
    }

    RecordedTokenIssuer(ApiSession session, ActionRecorder recorder) {
        this(session.client(), recorder, session.isTemporarySandbox());
    }

    @Override
    public synchronized IssuedToken issue(Environment environment, String userId) {
        if (environment != client.target().environment()) {
            throw new IllegalArgumentException("This command talks to " + client.target().environment().displayName()
                    + ", not " + environment.displayName());
        }
        IssuedToken token;
        try {
            token = client.issueToken(userId);
        } catch (RuntimeException failure) {
            recorder.failed(environment, AuditAction.TOKEN_ISSUED, userId, failure);
            if (failure instanceof ArgyleApiException.NotFound && temporarySandbox) {
                throw new CommandFailure("The local sandbox started for this command knows no users, so not "
                        + userId + ": run 'token-console emulator' and pass its --base-url and key,"
                        + " or choose --env sandbox or production.");
            }
            throw failure;
        }
        if (!temporarySandbox) {
            recorder.tokenIssued(environment, userId, token.userToken());
        }
        return token;
    }
}
