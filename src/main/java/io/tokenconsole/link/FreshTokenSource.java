package io.tokenconsole.link;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;

/**
 * Where the host gets a new user token when Link reports {@code onTokenExpired}. The caller
 * implements it with the real API client and its rules: the workspace records the issue (audit row
 * {@code token-issued} with jti and exp), and production's confirmation rule applies. The host only
 * ever asks for its own session's user in the session's environment.
 */
@FunctionalInterface
public interface FreshTokenSource {

    /**
     * Issues a token; called on a host thread, may block on the network.
     *
     * @throws RuntimeException when no token can be issued; its message is shown to the person
     *         (it must not hold a token or a secret, as the API client's messages never do)
     */
    IssuedToken issue(Environment environment, String userId);
}
