package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The headless JSON contract of DESIGN.md, which scripts and acceptance tests rely on. */
class InspectionJsonTest {

    private final TokenInspector inspector = new TokenInspector();
    private final InspectionJson json = new InspectionJson(TokenInspector.defaultJson());

    @Test
    void aDecodedTokenCarriesEveryContractField() {
        Instant iat = Instant.parse("2022-04-13T22:38:05Z");
        long issued = iat.getEpochSecond();
        String payload = "{\"client_id\":\"c-1\",\"exp\":" + (issued + 2_592_000) + ",\"iat\":" + issued
                + ",\"iss\":\"argyle-core-auth-prod\",\"jti\":\"" + java.util.UUID.randomUUID()
                + "\",\"sub\":\"u-1\",\"user_id\":\"u-1\"}";
        String token = TestTokens.token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload);
        long now = issued + 2_592_000 + 1_234_567;

        JsonNode out = json.write(inspector.inspect("Bearer " + token, InspectionContext.at(Instant.ofEpochSecond(now))));

        assertTrue(out.get("ok").asBoolean());
        assertTrue(out.at("/input/cleaned").asBoolean());
        assertEquals("removed 'Bearer ' prefix", out.at("/input/notes/0").asText());
        assertEquals("HS256", out.at("/header/alg").asText());
        assertEquals("u-1", out.at("/claims/user_id").asText());
        assertEquals("u-1", out.get("user_id").asText());
        assertEquals("u-1", out.get("sub").asText());
        assertEquals("c-1", out.get("client_id").asText());
        assertEquals("argyle-core-auth-prod", out.get("issuer").asText());
        assertEquals("2022-04-13T22:38:05Z", out.get("issued_at").asText());
        assertEquals("2022-05-13T22:38:05Z", out.get("expires_at").asText());
        assertEquals(2_592_000, out.get("lifetime_seconds").asLong());
        assertEquals("expired", out.get("status").asText());
        assertEquals(-1_234_567, out.get("expires_in_seconds").asLong());
        assertEquals("production", out.get("environment").asText());
        assertEquals("unverified", out.get("signature").asText());
        List<String> codes = out.get("findings").findValuesAsText("code");
        assertEquals(List.of("EXPIRED", "LIFETIME_UNEXPECTED"), codes);
        assertEquals("warning", out.at("/findings/0/severity").asText());
        assertFalse(out.at("/findings/0/message").asText().isBlank());
    }

    @Test
    void noTokenGivesOkFalseAndAStableCode() {
        JsonNode out = json.write(inspector.inspect("junk", InspectionContext.at(Instant.EPOCH)));
        assertFalse(out.get("ok").asBoolean());
        assertEquals("NOT_A_JWT", out.at("/error/code").asText());
        assertFalse(out.at("/error/message").asText().isBlank());
        assertEquals(Set.of("ok", "error"), fieldNames(out));
    }

    @Test
    void statusEnvironmentAndSignatureUseTheContractsWords() {
        for (TokenStatus status : TokenStatus.values()) {
            assertTrue(Set.of("valid", "expired", "not_yet_valid", "no_expiry").contains(status.id()));
        }
        for (TokenEnvironment environment : TokenEnvironment.values()) {
            assertTrue(Set.of("production", "sandbox", "local", "unknown").contains(environment.id()));
        }
        for (SignatureStatus signature : SignatureStatus.values()) {
            assertTrue(Set.of("unverified", "valid", "invalid").contains(signature.id()));
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
