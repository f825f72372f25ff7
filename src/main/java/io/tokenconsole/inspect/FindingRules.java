package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks that turn a decoded token into findings, in the order a support engineer reads them. */
final class FindingRules {

    static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(1);
    static final Duration LEGACY_V1_LIFETIME = Duration.ofDays(30);
    private static final Duration LIFETIME_TOLERANCE = Duration.ofMinutes(1);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<Finding> findings = new ArrayList<>();

    List<Finding> sorted() {
        List<Finding> result = new ArrayList<>(findings);
        result.sort(Comparator.comparing(Finding::severity));
        return result;
    }

    void add(FindingCode code, String message) {
        findings.add(Finding.of(code, message));
    }

    void algorithm(ObjectNode header, TokenSegments segments) {
        String alg = header.path("alg").asText("");
        if (alg.equalsIgnoreCase("none")) {
            add(FindingCode.ALG_NONE, "The header says alg: none: the token is unsigned and no service should accept it.");
        } else if (segments.signature().isEmpty()) {
            add(FindingCode.UNSIGNED, "The signature part is empty although the header says alg: " + alg + ".");
        }
    }

    void utf8(DecodedToken token) {
        token.invalidUtf8Offset().ifPresent(offset -> add(FindingCode.INVALID_UTF8,
                "The payload is not valid UTF-8 (first bad byte at offset " + offset + "); the bad bytes are shown "
                        + "as \uFFFD. Strict decoders refuse such a token; the console reads the rest."));
    }

    void timeClaim(TimeClaim claim) {
        String when = claim.instant().map(i -> " Read as " + TimeFormats.utc(i) + ".").orElse("");
        switch (claim.reading()) {
            case MILLISECONDS -> add(FindingCode.TIME_CLAIM_IN_MILLISECONDS, claim.name() + " (" + claim.rawValue()
                    + ") looks like milliseconds; JWT times are seconds since 1970." + when);
            case NUMERIC_STRING, ISO_STRING -> add(FindingCode.TIME_CLAIM_NOT_NUMERIC, claim.name()
                    + " is a string (\"" + claim.rawValue() + "\"), not a number. Strict libraries such as java-jwt "
                    + "refuse the whole token for that; the console reads it anyway." + when);
            case UNREADABLE -> add(FindingCode.TIME_CLAIM_NOT_NUMERIC, claim.name() + " is not a number ("
                    + abbreviate(claim.rawValue()) + ") and can't be read as a time.");
            case SECONDS -> {
                // as RFC 7519 says: nothing to report
            }
        }
    }

    void status(TokenStatus status, Optional<TimeClaim> exp, Optional<TimeClaim> nbf, Instant now) {
        switch (status) {
            case EXPIRED -> {
                Instant at = exp.flatMap(TimeClaim::instant).orElseThrow();
                add(FindingCode.EXPIRED, "Expired " + RelativeTime.between(now, at) + " (" + TimeFormats.utc(at)
                        + "). Issue a new user token: every Link initialisation needs a new one.");
            }
            case NOT_YET_VALID -> {
                Instant at = nbf.flatMap(TimeClaim::instant).orElseThrow();
                add(FindingCode.NOT_YET_VALID, "Not valid before " + TimeFormats.utc(at) + " ("
                        + RelativeTime.between(now, at) + "). Check the clock of whoever made it.");
            }
            case NO_EXPIRY -> add(FindingCode.NO_EXPIRY, exp.isEmpty()
                    ? "The token has no exp claim, so it never expires by itself. Argyle user tokens expire after 1 hour."
                    : "The exp claim can't be read, so when the token expires is unknown.");
            case VALID -> {
                // the status badge says it
            }
        }
    }

    void issuedInFuture(Optional<TimeClaim> iat, Instant now) {
        iat.flatMap(TimeClaim::instant).filter(at -> at.isAfter(now.plus(CLOCK_SKEW))).ifPresent(at ->
                add(FindingCode.ISSUED_IN_FUTURE, "Issued " + RelativeTime.between(now, at)
                        + ": the issuer's clock, or this computer's, is off."));
    }

    void lifetime(Optional<Duration> lifetime) {
        if (lifetime.isEmpty()) {
            return;
        }
        Duration value = lifetime.get();
        if (value.minus(DOCUMENTED_LIFETIME).abs().compareTo(LIFETIME_TOLERANCE) <= 0) {
            return;
        }
        String words = RelativeTime.lifetime(value);
        if (value.minus(LEGACY_V1_LIFETIME).abs().compareTo(LIFETIME_TOLERANCE) <= 0) {
            add(FindingCode.LIFETIME_UNEXPECTED, "Lifetime is " + words + ", not the documented 1 hour. Legacy v1 "
                    + "access tokens lived 30 days: this looks like one. Argyle v2 user tokens live 1 hour.");
        } else {
            add(FindingCode.LIFETIME_UNEXPECTED, "Lifetime is " + words + " (iat to exp), not the documented 1 hour "
                    + "of an Argyle user token.");
        }
    }

    void argyleClaims(ObjectNode claims) {
        for (String name : ClaimCatalog.ARGYLE_CLAIMS) {
            if (!claims.has(name) || claims.get(name).isNull()) {
                add(FindingCode.MISSING_CLAIM, name + " is missing: every Argyle user token carries it.");
            }
        }
    }

    void subjectMatchesUser(Optional<String> sub, Optional<String> userId) {
        if (sub.isPresent() && userId.isPresent() && !sub.get().equals(userId.get())) {
            add(FindingCode.SUB_USER_ID_MISMATCH, "sub (" + sub.get() + ") differs from user_id (" + userId.get()
                    + "); in Argyle tokens they are the same user.");
        }
    }

    void tokenId(Optional<String> jti) {
        if (jti.isPresent() && !UUID.matcher(jti.get()).matches()) {
            add(FindingCode.JTI_NOT_UUID, "jti is not a UUID. Argyle and the local sandbox use UUIDs; "
                    + "other issuers may not.");
        }
    }

    void unknownClaims(ObjectNode claims) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> claim : claims.properties()) {
            if (!ClaimCatalog.isKnownClaim(claim.getKey())) {
                unknown.add(claim.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            add(FindingCode.UNKNOWN_CLAIM, "Claims the console has no description for: " + String.join(", ", unknown)
                    + ". They are shown as they are.");
        }
    }

    void environment(TokenEnvironment tokenEnvironment, Optional<String> issuer, InspectionContext context) {
        if (issuer.isPresent() && tokenEnvironment == TokenEnvironment.UNKNOWN) {
            add(FindingCode.UNKNOWN_ISSUER, "The issuer " + issuer.get() + " is not one of Argyle's "
                    + "(argyle-core-auth-prod, argyle-core-auth-dev) nor the local sandbox's.");
        }
        context.selectedEnvironment()
                .filter(selected -> tokenEnvironment != TokenEnvironment.UNKNOWN && tokenEnvironment != selected)
                .ifPresent(selected -> add(FindingCode.ENVIRONMENT_MISMATCH, "This token comes from "
                        + tokenEnvironment.displayName() + " (iss " + issuer.orElse("") + ") but the console is on "
                        + selected.displayName() + "."));
    }

    void client(Optional<String> clientId, InspectionContext context) {
        if (clientId.isPresent() && context.expectedClientId().isPresent()
                && !clientId.get().equals(context.expectedClientId().get())) {
            add(FindingCode.CLIENT_MISMATCH, "client_id " + clientId.get() + " is not the expected "
                    + context.expectedClientId().get() + ": the token was issued for another Argyle account.");
        }
    }

    void signature(SignatureVerdict verdict) {
        if (verdict.status() == SignatureStatus.INVALID) {
            add(FindingCode.SIGNATURE_INVALID, verdict.explanation());
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
