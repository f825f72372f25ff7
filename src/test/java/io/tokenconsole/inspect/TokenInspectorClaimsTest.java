package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the inspector reads out of tokens that decode, and what it finds worth saying. */
class TokenInspectorClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final TokenInspector inspector = new TokenInspector();

    private TokenReport report(String token) {
        return report(token, InspectionContext.at(NOW));
    }

    private TokenReport report(String token, InspectionContext context) {
        Inspection inspection = inspector.inspect(token, context);
        return assertInstanceOf(Inspection.Decoded.class, inspection, () -> "not decoded: " + inspection).report();
    }

    private static List<String> codes(TokenReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    @Test
    void aFreshArgyleSandboxTokenIsValidAndHasNothingToReport() {
        TokenReport report = report(TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev"));
        assertEquals(TokenStatus.VALID, report.status());
        assertEquals(Duration.ofMinutes(50), report.expiresIn().orElseThrow());
        assertEquals(Duration.ofHours(1), report.lifetime().orElseThrow());
        assertEquals(TokenEnvironment.SANDBOX, report.environment());
        assertEquals(TestTokens.USER_ID, report.userId().orElseThrow());
        assertEquals(TestTokens.CLIENT_ID, report.clientId().orElseThrow());
        assertEquals(SignatureStatus.UNVERIFIED, report.signature().status());
        assertTrue(report.signature().explanation().contains("secret only Argyle holds"));
        assertEquals(List.of(), codes(report));
    }

    @Test
    void anOldTokenIsExpiredAndSaysWhen() {
        TokenReport report = report(TestTokens.argyleToken(NOW.minus(Duration.ofDays(3)), "argyle-core-auth-prod"));
        assertEquals(TokenStatus.EXPIRED, report.status());
        assertTrue(report.expiresIn().orElseThrow().isNegative());
        Finding expired = report.findings().get(0);
        assertEquals("EXPIRED", expired.code());
        assertEquals(Severity.WARNING, expired.severity());
        assertTrue(expired.message().contains("2 days ago"), expired.message());
    }

    @Test
    void aTokenBeforeItsNotBeforeIsNotYetValid() {
        long iat = NOW.getEpochSecond();
        String payload = "{\"iat\":" + iat + ",\"nbf\":" + (iat + 300) + ",\"exp\":" + (iat + 3600) + "}";
        TokenReport report = report(TestTokens.token(HS256, payload));
        assertEquals(TokenStatus.NOT_YET_VALID, report.status());
        assertTrue(codes(report).contains("NOT_YET_VALID"));
    }

    @Test
    void aTokenWithoutExpHasNoExpiry() {
        TokenReport report = report(TestTokens.token(HS256, "{\"sub\":\"x\"}"));
        assertEquals(TokenStatus.NO_EXPIRY, report.status());
        assertTrue(report.expiresIn().isEmpty());
        assertTrue(codes(report).contains("NO_EXPIRY"));
        assertTrue(codes(report).contains("MISSING_CLAIM"));
    }

    @Test
    void aThirtyDayLifetimeIsCalledALegacyV1Token() {
        long iat = NOW.getEpochSecond() - 60;
        String payload = "{\"iat\":" + iat + ",\"exp\":" + (iat + 2_592_000) + "}";
        TokenReport report = report(TestTokens.token(HS256, payload));
        Finding lifetime = report.findings().stream().filter(f -> f.code().equals("LIFETIME_UNEXPECTED")).findFirst()
                .orElseThrow();
        assertTrue(lifetime.message().contains("Legacy v1"), lifetime.message());
        assertEquals(Duration.ofDays(30), report.lifetime().orElseThrow());
    }

    @Test
    void anyOtherLifetimeIsReportedAgainstTheDocumentedHour() {
        long iat = NOW.getEpochSecond();
        TokenReport report = report(TestTokens.token(HS256, "{\"iat\":" + iat + ",\"exp\":" + (iat + 7200) + "}"));
        assertTrue(codes(report).contains("LIFETIME_UNEXPECTED"));
        assertTrue(report.findings().stream().anyMatch(f -> f.message().contains("2 hours")));
    }

    @Test
    void millisecondTimesAreReadAndReported() {
        long iatMillis = NOW.toEpochMilli();
        String payload = "{\"iat\":" + iatMillis + ",\"exp\":" + (iatMillis + 3_600_000) + "}";
        TokenReport report = report(TestTokens.token(HS256, payload));
        assertEquals(TimeReading.MILLISECONDS, report.expiresAt().orElseThrow().reading());
        assertEquals(NOW.plusSeconds(3600), report.expiresAt().orElseThrow().instant().orElseThrow());
        assertEquals(TokenStatus.VALID, report.status());
        assertEquals(2, codes(report).stream().filter("TIME_CLAIM_IN_MILLISECONDS"::equals).count());
    }

    @Test
    void aStringExpIsReadLeniently() {
        long exp = NOW.getEpochSecond() + 100;
        TokenReport report = report(TestTokens.token(HS256, "{\"exp\":\"" + exp + "\"}"));
        assertEquals(TimeReading.NUMERIC_STRING, report.expiresAt().orElseThrow().reading());
        assertEquals(TokenStatus.VALID, report.status());
        Finding finding = report.findings().stream().filter(f -> f.code().equals("TIME_CLAIM_NOT_NUMERIC"))
                .findFirst().orElseThrow();
        assertTrue(finding.message().contains("java-jwt"), finding.message());
    }

    @Test
    void anUnreadableExpMeansNoExpiryWithAReason() {
        TokenReport report = report(TestTokens.token(HS256, "{\"exp\":\"tomorrow\",\"iat\":true}"));
        assertEquals(TokenStatus.NO_EXPIRY, report.status());
        assertEquals(TimeReading.UNREADABLE, report.expiresAt().orElseThrow().reading());
        assertTrue(report.findings().stream().anyMatch(f -> f.message().contains("exp claim can't be read")));
        assertEquals(2, codes(report).stream().filter("TIME_CLAIM_NOT_NUMERIC"::equals).count());
    }

    @Test
    void absurdNumbersDoNotBreakTheTimeReading() {
        TokenReport report = report(TestTokens.token(HS256, "{\"exp\":1e999999999,\"iat\":-1e308,\"nbf\":"
                + "9".repeat(400) + "}"));
        assertEquals(TokenStatus.NO_EXPIRY, report.status());
        assertEquals(TimeReading.UNREADABLE, report.notBefore().orElseThrow().reading());
    }

    @Test
    void subAndUserIdThatDifferAreAnError() {
        String payload = TestTokens.argylePayload(NOW, "argyle-core-auth-dev")
                .replace("\"sub\":\"" + TestTokens.USER_ID, "\"sub\":\"someone-else");
        TokenReport report = report(TestTokens.token(HS256, payload));
        assertEquals("SUB_USER_ID_MISMATCH", report.findings().get(0).code());
        assertEquals(Severity.ERROR, report.findings().get(0).severity());
    }

    @Test
    void eachMissingArgyleClaimIsNamed() {
        TokenReport report = report(TestTokens.token(HS256, "{\"sub\":\"x\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}"));
        List<String> missing = report.findings().stream().filter(f -> f.code().equals("MISSING_CLAIM"))
                .map(f -> f.message().split(" ")[0]).toList();
        assertEquals(List.of("client_id", "iat", "iss", "jti", "user_id"), missing);
    }

    @Test
    void algNoneIsAnError() {
        String token = TestTokens.b64("{\"alg\":\"none\"}") + "." + TestTokens.b64("{\"sub\":\"x\"}") + ".";
        TokenReport report = report(token);
        assertEquals("ALG_NONE", report.findings().get(0).code());
        assertEquals(SignatureStatus.UNVERIFIED, report.signature().status());
    }

    @Test
    void aProductionTokenOnTheSandboxIsAMismatch() {
        TokenReport report = report(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"),
                InspectionContext.at(NOW).onEnvironment(TokenEnvironment.SANDBOX));
        assertEquals(TokenEnvironment.PRODUCTION, report.environment());
        assertTrue(codes(report).contains("ENVIRONMENT_MISMATCH"));
        assertFalse(codes(report(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"),
                InspectionContext.at(NOW).onEnvironment(TokenEnvironment.PRODUCTION))).contains("ENVIRONMENT_MISMATCH"));
    }

    @Test
    void anotherClientIdThanTheConfiguredOneIsReported() {
        TokenReport report = report(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"),
                InspectionContext.at(NOW).expectingClientId("my-team-client"));
        assertTrue(codes(report).contains("CLIENT_MISMATCH"));
        assertFalse(codes(report(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"),
                InspectionContext.at(NOW).expectingClientId(TestTokens.CLIENT_ID))).contains("CLIENT_MISMATCH"));
    }

    @Test
    void anInvalidUtf8ByteInThePayloadIsForgivenAndReported() {
        byte[] prefix = ("{\"sub\":\"caf").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        payload[prefix.length] = (byte) 0xE9; // Latin-1 é: not UTF-8
        System.arraycopy(suffix, 0, payload, prefix.length + 1, suffix.length);
        String token = TestTokens.b64(HS256) + "." + TestTokens.b64(payload) + ".c2ln";
        TokenReport report = report(token);
        assertEquals("caf\uFFFD", report.subject().orElseThrow());
        assertTrue(codes(report).contains("INVALID_UTF8"));
        assertEquals(TokenStatus.VALID, report.status());
    }

    @Test
    void nonAsciiValuesAreKeptAsTheyAre() {
        TokenReport report = report(TestTokens.token(HS256, "{\"sub\":\"Zoë Ångström 山田\",\"name\":\"✓\"}"));
        assertEquals("Zoë Ångström 山田", report.subject().orElseThrow());
    }

    @Test
    void aJtiThatIsNotAUuidAndUnknownClaimsAreOnlyInformation() {
        TokenReport report = report(TestTokens.token(HS256, "{\"jti\":\"abc123\",\"fid\":\"f-1\",\"exp\":"
                + (NOW.getEpochSecond() + 60) + "}"));
        Finding jti = report.findings().stream().filter(f -> f.code().equals("JTI_NOT_UUID")).findFirst().orElseThrow();
        Finding unknown = report.findings().stream().filter(f -> f.code().equals("UNKNOWN_CLAIM")).findFirst().orElseThrow();
        assertEquals(Severity.INFO, jti.severity());
        assertTrue(unknown.message().contains("fid"));
    }

    @Test
    void findingsComeMostSeriousFirst() {
        String token = TestTokens.b64("{\"alg\":\"none\"}") + "." + TestTokens.b64("{\"jti\":\"x\",\"sub\":\"a\",\"user_id\":\"b\"}") + ".";
        List<Severity> severities = report(token).findings().stream().map(Finding::severity).toList();
        List<Severity> sorted = severities.stream().sorted().toList();
        assertEquals(sorted, severities);
        assertEquals(Severity.ERROR, severities.get(0));
    }

    @Test
    void theRfc7519ExampleDecodes() {
        TokenReport report = report(TestTokens.RFC7519_EXAMPLE);
        assertEquals("joe", report.issuer().orElseThrow());
        assertEquals(Instant.ofEpochSecond(1300819380), report.expiresAt().orElseThrow().instant().orElseThrow());
        assertEquals(TokenStatus.EXPIRED, report.status());
        assertEquals(TokenEnvironment.UNKNOWN, report.environment());
        assertTrue(report.claims().get("http://example.com/is_root").asBoolean());
        assertTrue(codes(report).contains("UNKNOWN_ISSUER"));
    }

    @Test
    void theReportNeverPrintsTheToken() {
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-dev");
        TokenReport report = report("Bearer " + token);
        assertFalse(report.toString().contains(token));
        assertFalse(report.segments().toString().contains(report.segments().payload()));
        assertFalse(report.input().toString().contains(token));
    }
}
