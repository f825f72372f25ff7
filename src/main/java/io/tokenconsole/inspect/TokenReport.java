package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the inspector found out about one token. Holds the token's segments (the UI
 * colours them), so it is a credential: {@link #toString()} never prints them.
 */
public record TokenReport(
        CleanedInput input,
        TokenSegments segments,
        ObjectNode header,
        ObjectNode claims,
        Optional<String> userId,
        Optional<String> subject,
        Optional<String> clientId,
        Optional<String> issuer,
        Optional<String> tokenId,
        Optional<TimeClaim> issuedAt,
        Optional<TimeClaim> notBefore,
        Optional<TimeClaim> expiresAt,
        Optional<Duration> lifetime,
        TokenStatus status,
        Optional<Duration> expiresIn,
        TokenEnvironment environment,
        SignatureVerdict signature,
        List<Finding> findings,
        Instant inspectedAt) {

    public TokenReport {
        findings = List.copyOf(findings);
    }

    public Optional<TimeClaim> timeClaim(String name) {
        return switch (name) {
            case "iat" -> issuedAt;
            case "nbf" -> notBefore;
            case "exp" -> expiresAt;
            default -> Optional.empty();
        };
    }

    public boolean hasFinding(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    /** The algorithm the header names, or an empty string. */
    public String algorithm() {
        return header.path("alg").asText("");
    }

    @Override
    public String toString() {
        return "TokenReport[status=" + status + ", environment=" + environment + ", signature=" + signature.status()
                + ", findings=" + findings.stream().map(Finding::code).toList() + "]";
    }
}
