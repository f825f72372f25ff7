package io.tokenconsole.inspect;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the story of a pasted token: finds it in the paste, decodes it, reads its claims,
 * judges its times, environment and signature, and lists findings. Makes no network call,
 * ever: a key is checked only if the person supplied it.
 */
public final class TokenInspector {

    /** Inputs larger than this are refused before any work: no token is anywhere near 1 MiB. */
    public static final int MAX_INPUT_CHARS = 1 << 20;

    private final PasteCleaner cleaner;
    private final TokenDecoder decoder;
    private final SignatureVerifier verifier;

    public TokenInspector() {
        this(defaultJson());
    }

    public TokenInspector(ObjectMapper json) {
        this.cleaner = new PasteCleaner(json);
        this.decoder = new TokenDecoder(json);
        this.verifier = new SignatureVerifier();
    }

    /** The JSON reader the inspector uses: strict JSON, with nesting bounded so junk can't exhaust the stack. */
    public static ObjectMapper defaultJson() {
        ObjectMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        return mapper;
    }

    public Inspection inspect(String raw, InspectionContext context) {
        if (raw == null || raw.isBlank()) {
            return new Inspection.Failed(InspectionError.of(ErrorCode.EMPTY,
                    "Nothing to inspect: paste a user token, an Authorization header, or a JSON answer holding one."));
        }
        if (raw.length() > MAX_INPUT_CHARS) {
            return new Inspection.Failed(tooLarge(raw.length()));
        }
        CleanedInput input = cleaner.clean(raw);
        if (input.candidate().isEmpty()) {
            return new Inspection.Failed(InspectionError.of(ErrorCode.EMPTY,
                    "After clean-up nothing is left to inspect.").withNotes(input.notes()));
        }
        DecodedToken token;
        try {
            token = decoder.decode(input.candidate());
        } catch (TokenDecoder.NotDecodable e) {
            return new Inspection.Failed(e.error().withNotes(input.notes()));
        }
        CleanedInput allNotes = new CleanedInput(input.candidate(), concat(input, token));
        return new Inspection.Decoded(report(allNotes, token, context));
    }

    public static InspectionError tooLarge(long size) {
        return InspectionError.of(ErrorCode.TOO_LARGE, "The input is " + (size / 1024) + " KiB; the console inspects "
                + "at most " + (MAX_INPUT_CHARS / 1024) + " KiB. A user token is well under 2 KiB: paste just the token.");
    }

    private static java.util.List<String> concat(CleanedInput input, DecodedToken token) {
        java.util.List<String> notes = new java.util.ArrayList<>(input.notes());
        notes.addAll(token.notes());
        return notes;
    }

    private TokenReport report(CleanedInput input, DecodedToken token, InspectionContext context) {
        ObjectNode claims = token.payload();
        Instant now = context.now();
        FindingRules rules = new FindingRules();

        Optional<String> userId = text(claims, "user_id");
        Optional<String> subject = text(claims, "sub");
        Optional<String> clientId = text(claims, "client_id");
        Optional<String> issuer = text(claims, "iss");
        Optional<String> tokenId = text(claims, "jti");
        Optional<TimeClaim> iat = time(claims, "iat");
        Optional<TimeClaim> nbf = time(claims, "nbf");
        Optional<TimeClaim> exp = time(claims, "exp");

        Optional<Instant> expiry = exp.flatMap(TimeClaim::instant);
        TokenStatus status = status(expiry, nbf.flatMap(TimeClaim::instant), now);
        Optional<Duration> expiresIn = expiry.map(at -> Duration.between(now, at));
        Optional<Duration> lifetime = iat.flatMap(TimeClaim::instant)
                .flatMap(issued -> expiry.map(expires -> Duration.between(issued, expires)));
        TokenEnvironment environment = TokenEnvironment.fromIssuer(issuer.orElse(null));
        SignatureVerdict signature = verifier.verify(token, context.key());

        rules.algorithm(token.header(), token.segments());
        rules.signature(signature);
        rules.subjectMatchesUser(subject, userId);
        rules.status(status, exp, nbf, now);
        rules.issuedInFuture(iat, now);
        iat.ifPresent(rules::timeClaim);
        nbf.ifPresent(rules::timeClaim);
        exp.ifPresent(rules::timeClaim);
        rules.lifetime(lifetime);
        rules.argyleClaims(claims);
        rules.environment(environment, issuer, context);
        rules.client(clientId, context);
        rules.utf8(token);
        rules.tokenId(tokenId);
        rules.unknownClaims(claims);

        return new TokenReport(input, token.segments(), token.header(), claims, userId, subject, clientId, issuer,
                tokenId, iat, nbf, exp, lifetime, status, expiresIn, environment, signature, rules.sorted(), now);
    }

    private static TokenStatus status(Optional<Instant> expiry, Optional<Instant> notBefore, Instant now) {
        if (expiry.isEmpty()) {
            return TokenStatus.NO_EXPIRY;
        }
        if (!now.isBefore(expiry.get())) {
            return TokenStatus.EXPIRED;
        }
        if (notBefore.isPresent() && now.isBefore(notBefore.get())) {
            return TokenStatus.NOT_YET_VALID;
        }
        return TokenStatus.VALID;
    }

    private static Optional<String> text(ObjectNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isTextual() ? value.asText() : value.toString());
    }

    private static Optional<TimeClaim> time(ObjectNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(TimeClaim.read(name, value));
    }
}
