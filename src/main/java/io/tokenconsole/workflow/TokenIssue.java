package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import java.net.URI;
import java.util.Objects;

/**
 * A token Argyle just issued, with the call that issued it: where it went and the API key id
 * (never the secret), so the call can be handed on as a curl command. Holds the token: never log it.
 */
public record TokenIssue(Environment environment, String userId, IssuedToken token, URI baseUrl, String keyId) {

    public TokenIssue {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(keyId, "keyId");
    }

    /** The exact call as a curl command, with {@code $ARGYLE_API_KEY_SECRET} in place of the secret. */
    public String curl() {
        return CurlReproduction.issueToken(baseUrl, keyId, userId);
    }

    @Override
    public String toString() {
        return "TokenIssue[environment=" + environment + ", userId=" + userId + ", token=(hidden), baseUrl=" + baseUrl
                + ", keyId=" + keyId + "]";
    }
}
