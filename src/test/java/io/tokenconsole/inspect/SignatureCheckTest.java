package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final KeyPair RSA = TestTokens.rsaKeys();
    private static final String PAYLOAD = TestTokens.argylePayload(NOW, TokenEnvironment.LOCAL_ISSUER);

    private final TokenInspector inspector = new TokenInspector();
    private final VerificationKeys keys = new VerificationKeys(TokenInspector.defaultJson());

    private TokenReport inspect(String token, VerificationKey key) {
        Inspection inspection = inspector.inspect(token, InspectionContext.at(NOW).verifyingWith(key));
        return assertInstanceOf(Inspection.Decoded.class, inspection).report();
    }

    @Test
    void anRs256TokenVerifiesAgainstItsPemPublicKey() {
        String token = TestTokens.signed("RS256", "k1", PAYLOAD, RSA.getPrivate());
        TokenReport report = inspect(token, keys.parsePublic(TestTokens.pem(RSA.getPublic())));
        assertEquals(SignatureStatus.VALID, report.signature().status());
    }

    @Test
    void aChangedPayloadMakesTheSignatureInvalid() {
        String token = TestTokens.signed("RS256", "k1", PAYLOAD, RSA.getPrivate());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + TestTokens.b64(PAYLOAD.replace(TestTokens.USER_ID, "another-user")) + "." + parts[2];
        TokenReport report = inspect(tampered, keys.parsePublic(TestTokens.pem(RSA.getPublic())));
        assertEquals(SignatureStatus.INVALID, report.signature().status());
        assertEquals("SIGNATURE_INVALID", report.findings().get(0).code());
    }

    @Test
    void aJwksKeyIsPickedByKid() {
        String token = TestTokens.signed("RS256", "local-1", PAYLOAD, RSA.getPrivate());
        VerificationKey jwks = keys.parsePublic(TestTokens.jwks("local-1", (RSAPublicKey) RSA.getPublic()));
        assertEquals(SignatureStatus.VALID, inspect(token, jwks).signature().status());
    }

    @Test
    void aJwksWithoutTheTokensKidLeavesItUnverifiedNotInvalid() {
        String token = TestTokens.signed("RS256", "other-kid", PAYLOAD, RSA.getPrivate());
        VerificationKey jwks = keys.parsePublic(TestTokens.jwks("local-1", (RSAPublicKey) RSA.getPublic()));
        SignatureVerdict verdict = inspect(token, jwks).signature();
        assertEquals(SignatureStatus.UNVERIFIED, verdict.status());
        assertTrue(verdict.explanation().contains("other-kid"));
    }

    @Test
    void anEs256TokenVerifiesAgainstItsEcKey() {
        KeyPair ec = TestTokens.ecKeys();
        String token = TestTokens.signed("ES256", null, PAYLOAD, ec.getPrivate());
        assertEquals(SignatureStatus.VALID, inspect(token, keys.parsePublic(TestTokens.pem(ec.getPublic())))
                .signature().status());
    }

    @Test
    void anHs256TokenVerifiesWithTheRightSharedSecretOnly() {
        String token = TestTokens.hs256(PAYLOAD, "team-secret".getBytes(StandardCharsets.UTF_8));
        assertEquals(SignatureStatus.VALID, inspect(token, keys.sharedSecret("team-secret")).signature().status());
        assertEquals(SignatureStatus.INVALID, inspect(token, keys.sharedSecret("wrong")).signature().status());
    }

    @Test
    void theRfc7519ExampleVerifiesWithTheRfc7515Key() {
        TokenReport report = inspect(TestTokens.RFC7519_EXAMPLE, keys.parsePublic(TestTokens.RFC7515_A1_JWK));
        assertEquals(SignatureStatus.VALID, report.signature().status());
    }

    @Test
    void anArgyleHs256TokenCheckedWithAPublicKeyIsNotVerifiedRatherThanInvalid() {
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-prod");
        SignatureVerdict verdict = inspect(token, keys.parsePublic(TestTokens.pem(RSA.getPublic()))).signature();
        assertEquals(SignatureStatus.UNVERIFIED, verdict.status());
        assertTrue(verdict.explanation().contains("can't check this signature"), verdict.explanation());
    }

    @Test
    void algNoneWithAKeyIsInvalid() {
        String token = TestTokens.b64("{\"alg\":\"none\"}") + "." + TestTokens.b64(PAYLOAD) + ".";
        assertEquals(SignatureStatus.INVALID, inspect(token, keys.sharedSecret("x")).signature().status());
    }

    @Test
    void keyMaterialThatIsNotAKeyGetsAMessageThatSaysWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.parsePublic("hello")).getMessage()
                .contains("PEM public key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.parsePublic(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).getMessage().contains("private key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.parsePublic("{\"keys\":[]}")).getMessage()
                .contains("no keys"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> keys.parsePublic("{\"keys\": ")).getMessage()
                .contains("not valid JSON"));
    }

    @Test
    void theSharedSecretNeverShowsInItsDescription() {
        VerificationKey secret = keys.sharedSecret("super-secret-value");
        assertTrue(!secret.toString().contains("super-secret-value") && !secret.description().contains("super-secret"));
    }

    @Test
    void keyUrlsNamedInsideTheTokenAreNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String header = "{\"alg\":\"RS256\",\"kid\":\"k\",\"jku\":\"" + base + "/jwks.json\",\"x5u\":\"" + base + "/cert.pem\"}";
            String payload = "{\"iss\":\"" + base + "\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}";
            Inspection inspection = inspector.inspect(TestTokens.token(header, payload), InspectionContext.at(NOW));
            TokenReport report = assertInstanceOf(Inspection.Decoded.class, inspection).report();
            assertEquals(SignatureStatus.UNVERIFIED, report.signature().status());
            assertEquals(0, requests.get(), "the inspector made a network call");
        } finally {
            server.stop(0);
        }
    }
}
