package io.tokenconsole.link;

import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.inspect.TokenStatus;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.inspect.VerificationKeys;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a token with the local sandbox's public key — the same inspector the console uses for
 * pasted tokens, so "expired" means here what it means there. Only a token whose signature the key
 * confirms counts; its {@code exp} then decides between valid and expired.
 */
public final class SandboxKeyTokenCheck implements StandInTokenCheck {

    private final TokenInspector inspector = new TokenInspector();
    private final VerificationKey key;
    private final Clock clock;

    public SandboxKeyTokenCheck(VerificationKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For the sandbox running in this process: its public key and key id. */
    public static SandboxKeyTokenCheck of(RSAPublicKey publicKey, String keyId, Clock clock) {
        return new SandboxKeyTokenCheck(new VerificationKey.Public(publicKey, Optional.ofNullable(keyId)), clock);
    }

    /** For a sandbox running elsewhere on this machine: the JWKS it publishes at {@code /.well-known/jwks.json}. */
    public static SandboxKeyTokenCheck fromJwks(String jwks, Clock clock) {
        return new SandboxKeyTokenCheck(new VerificationKeys(TokenInspector.defaultJson()).parsePublic(jwks), clock);
    }

    @Override
    public Verdict check(String userToken) {
        if (userToken == null || userToken.isBlank()) {
            return Verdict.invalid();
        }
        Inspection inspection = inspector.inspect(userToken, InspectionContext.at(clock.instant()).verifyingWith(key));
        if (!(inspection instanceof Inspection.Decoded decoded)) {
            return Verdict.invalid();
        }
        TokenReport report = decoded.report();
        if (report.signature().status() != SignatureStatus.VALID || report.input().cleaned() || report.userId().isEmpty()) {
            return Verdict.invalid();
        }
        if (report.status() == TokenStatus.EXPIRED) {
            return new Verdict(Status.EXPIRED, report.userId());
        }
        return report.status() == TokenStatus.VALID ? new Verdict(Status.VALID, report.userId()) : Verdict.invalid();
    }
}
