package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every input that holds no token gets its own code and a message that says what is wrong. */
class TokenInspectorErrorsTest {

    private final TokenInspector inspector = new TokenInspector();
    private final InspectionContext context = InspectionContext.at(Instant.parse("2026-11-25T10:00:00Z"));

    private InspectionError failure(String input) {
        Inspection inspection = inspector.inspect(input, context);
        return assertInstanceOf(Inspection.Failed.class, inspection, "expected no token in: " + input).error();
    }

    @Test
    void emptyOrBlankInputAsksForAToken() {
        assertEquals(ErrorCode.EMPTY, failure("").code());
        assertEquals(ErrorCode.EMPTY, failure("  \n\t ").code());
        assertEquals(ErrorCode.EMPTY, failure(null).code());
        assertTrue(failure("").message().contains("paste a user token"));
    }

    @Test
    void onlyABearerPrefixIsEmptyAfterCleanUp() {
        InspectionError error = failure("\"\"");
        assertEquals(ErrorCode.EMPTY, error.code());
        assertFalse(error.cleanupNotes().isEmpty());
    }

    @Test
    void plainTextIsNotAJwt() {
        InspectionError error = failure("hello support team");
        assertEquals(ErrorCode.NOT_A_JWT, error.code());
        assertTrue(error.message().contains("three parts separated by dots"));
    }

    @Test
    void twoPartsIsNotAJwtAndTheCountIsSaid() {
        InspectionError error = failure("abc.def");
        assertEquals(ErrorCode.NOT_A_JWT, error.code());
        assertTrue(error.message().contains("2 parts"), error.message());
    }

    @Test
    void charactersOutsideBase64AreNamedWithTheirPlace() {
        InspectionError error = failure("eyJhbGciOiJIUzI1NiJ9.eyJz%dWIiOiIxIn0.sig");
        assertEquals(ErrorCode.BAD_BASE64, error.code());
        assertTrue(error.message().contains("payload") && error.message().contains("'%'"), error.message());
    }

    @Test
    void aCutOffSegmentIsBadBase64() {
        InspectionError error = failure("eyJhbGciOiJIUzI1NiJ9.eyJzd.sig");
        assertEquals(ErrorCode.BAD_BASE64, error.code());
        assertTrue(error.message().contains("cut off"), error.message());
    }

    @Test
    void aPayloadThatIsNotJsonIsBadJson() {
        InspectionError error = failure(TestTokens.b64("{\"alg\":\"HS256\"}") + "." + TestTokens.b64("not json") + ".c2ln");
        assertEquals(ErrorCode.BAD_JSON, error.code());
        assertTrue(error.message().startsWith("The payload decodes, but not to JSON"), error.message());
    }

    @Test
    void aPayloadThatIsJsonButNotAnObjectIsBadJson() {
        InspectionError error = failure(TestTokens.b64("{\"alg\":\"HS256\"}") + "." + TestTokens.b64("[1,2]") + ".c2ln");
        assertEquals(ErrorCode.BAD_JSON, error.code());
        assertTrue(error.message().contains("not an object"), error.message());
    }

    @Test
    void aHeaderThatIsNotJsonIsBadJson() {
        InspectionError error = failure(TestTokens.b64("alg=HS256") + "." + TestTokens.b64("{}") + ".c2ln");
        assertEquals(ErrorCode.BAD_JSON, error.code());
        assertTrue(error.message().contains("header"), error.message());
    }

    @Test
    void fivePartsAreAnEncryptedJwe() {
        String jwe = TestTokens.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a2V5.aXY.Y2lwaGVy.dGFn";
        InspectionError error = failure(jwe);
        assertEquals(ErrorCode.ENCRYPTED_JWE, error.code());
        assertTrue(error.message().contains("encrypted"));
    }

    @Test
    void aHeaderNamingEncryptionIsAnEncryptedJweEvenWithThreeParts() {
        String token = TestTokens.b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + "." + TestTokens.b64("{}") + ".c2ln";
        assertEquals(ErrorCode.ENCRYPTED_JWE, failure(token).code());
    }

    @Test
    void inputOverOneMebibyteIsRefusedBeforeAnyWork() {
        InspectionError error = failure("a".repeat(TokenInspector.MAX_INPUT_CHARS + 1));
        assertEquals(ErrorCode.TOO_LARGE, error.code());
        assertTrue(error.message().contains("1024 KiB"), error.message());
    }

    @Test
    void deeplyNestedJunkJsonIsBadJsonNotAStackOverflow() {
        String nested = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        InspectionError error = failure(TestTokens.b64("{\"alg\":\"HS256\"}") + "." + TestTokens.b64(nested) + ".c2ln");
        assertEquals(ErrorCode.BAD_JSON, error.code());
    }

    @Test
    void whatTheCleanUpDidIsKeptWithTheError() {
        InspectionError error = failure("Bearer not-a-token");
        assertEquals(ErrorCode.NOT_A_JWT, error.code());
        assertEquals(java.util.List.of("removed 'Bearer ' prefix"), error.cleanupNotes());
    }
}
