package io.tokenconsole.cli;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.link.FreshTokenSource;
import io.tokenconsole.store.AuditAction;
import java.util.Objects;

/**
 * Fresh tokens for a Link session's {@code onTokenExpired}, issued and recorded as {@code tokens
 * issue} does: the API call, then an audit row {@code token-issued} with the token's jti and exp
 * (or a failed row). Production was confirmed when the command started ({@code --confirm-production}
 * covers the tokens of its own session); the host only ever asks for the session's user.
 */
final class LinkTokenIssuer implements FreshTokenSource {

    private final ArgyleClient client;
    private final ActionRecorder recorder;
    private final boolean recordUser;

    /** @param recordUser false for a sandbox started for one command, whose users are not kept */
    LinkTokenIssuer(ArgyleClient client, ActionRecorder recorder, boolean recordUser) {
        this.client = Objects.requireNonNull(client, "client");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.recordUser = recordUser;
    }

    @Override
    public synchronized IssuedToken issue(Environment environment, String userId) {
        if (environment != client.target().environment()) {
            throw new IllegalArgumentException("This session's client talks to " + client.target().environment().displayName()
                    + ", not " + environment.displayName());
        }
        IssuedToken token;
        try {
            token = client.issueToken(userId);
        } catch (RuntimeException failure) {
            recorder.failed(environment, AuditAction.TOKEN_ISSUED, userId, failure);
            throw failure;
        }
        if (recordUser) {
            recorder.tokenIssued(environment, userId, token.userToken());
        }
        return token;
    }
}
