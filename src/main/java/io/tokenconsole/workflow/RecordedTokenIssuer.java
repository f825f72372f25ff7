package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.link.FreshTokenSource;
import io.tokenconsole.store.AuditAction;
import java.util.Objects;

/**
 * A token issued and recorded, the one way: the API call, then the audit row {@code token-issued}
 * with the token's jti and exp and the user saved (or a failed row with the reason). Used by
 * {@code tokens issue}, by the window's Issue token, and by Link sessions for the first token and
 * every fresh one Link asks for on {@code onTokenExpired}. Asking before production is the caller's.
 */
public final class RecordedTokenIssuer implements FreshTokenSource {

    private final ArgyleClient client;
    private final ActionRecorder recorder;

    public RecordedTokenIssuer(ArgyleClient client, ActionRecorder recorder) {
        this.client = Objects.requireNonNull(client, "client");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public synchronized IssuedToken issue(Environment environment, String userId) {
        if (environment != client.target().environment()) {
            throw new IllegalArgumentException("This client talks to " + client.target().environment().displayName()
                    + ", not " + environment.displayName());
        }
        String id = UserIds.normalize(userId);
        IssuedToken token;
        try {
            token = client.issueToken(id);
        } catch (RuntimeException failure) {
            recorder.failed(environment, AuditAction.TOKEN_ISSUED, id, failure);
            throw failure;
        }
        recorder.tokenIssued(environment, id, token.userToken());
        return token;
    }
}
