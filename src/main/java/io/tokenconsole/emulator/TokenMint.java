package io.tokenconsole.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tokenconsole.inspect.TokenEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Makes user tokens shaped like Argyle's: the same claims, one hour of life, a fresh {@code jti}
 * each time. Unlike Argyle's (HS256 with a secret nobody else holds) they are signed RS256, so the
 * console can verify them with the published JWKS; the issuer marks them as the local sandbox's.
 */
public final class TokenMint {

    /** Argyle documents a one-hour life for user tokens. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final SigningKey key;
    private final Algorithm algorithm;
    private final String clientId;
    private final Clock clock;

    public TokenMint(SigningKey key, String clientId, Clock clock) {
        this.key = key;
        this.algorithm = Algorithm.RSA256(key.publicKey(), key.privateKey());
        this.clientId = clientId;
        this.clock = clock;
    }

    public String issueFor(String userId) {
        // Whole seconds, so that exp - iat is exactly the lifetime once written as NumericDate.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return JWT.create()
                .withKeyId(key.keyId())
                .withClaim("client_id", clientId)
                .withExpiresAt(issuedAt.plus(LIFETIME))
                .withIssuedAt(issuedAt)
                .withIssuer(TokenEnvironment.LOCAL_ISSUER)
                .withJWTId(UUID.randomUUID().toString())
                .withSubject(userId)
                .withClaim("user_id", userId)
                .sign(algorithm);
    }
}
