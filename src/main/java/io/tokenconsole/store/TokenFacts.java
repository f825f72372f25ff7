package io.tokenconsole.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What the audit log keeps about a token: its {@code jti} and expiry — never the token. There is
 * deliberately no way to hand a token string to the workspace; a {@code jti} that looks like a
 * whole token is refused, because that is what a mix-up at a call site would look like.
 *
 * @param jti the token's unique id claim; {@code null} if the token had none
 * @param expiresAt the {@code exp} claim; {@code null} if the token had none
 */
public record TokenFacts(String jti, Instant expiresAt) {

    public TokenFacts {
        if (jti != null) {
            if (jti.length() > 200 || TokenScrubber.looksLikeToken(jti)) {
                throw new IllegalArgumentException("That is a whole token, not its jti; the workspace never stores tokens");
            }
            jti = Text.blankToNull(jti);
        }
    }

    public Optional<String> jtiText() {
        return Optional.ofNullable(jti);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    public static TokenFacts of(String jti, Instant expiresAt) {
        return new TokenFacts(jti, expiresAt);
    }

    static TokenFacts nullable(String jti, Long expEpochSeconds) {
        if (jti == null && expEpochSeconds == null) {
            return null;
        }
        return new TokenFacts(jti, expEpochSeconds == null ? null : Instant.ofEpochSecond(expEpochSeconds));
    }
}
