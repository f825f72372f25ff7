package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TokenComparisonTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final TokenInspector inspector = new TokenInspector();

    private TokenReport report(String token) {
        return ((Inspection.Decoded) inspector.inspect(token, InspectionContext.at(NOW))).report();
    }

    @Test
    void claimsOnlyInOneTokenAndShiftedTimesAreNamed() {
        TokenReport customer = report(TestTokens.token("{\"alg\":\"HS256\"}",
                "{\"sub\":\"u1\",\"iat\":1764064800,\"exp\":1766656800,\"legacy\":true}"));
        TokenReport fresh = report(TestTokens.token("{\"alg\":\"HS256\"}",
                "{\"sub\":\"u1\",\"iat\":1764068400,\"exp\":1764072000,\"client_id\":\"c\"}"));
        Map<String, TokenComparison.Row> rows = TokenComparison.of(customer, fresh).rows().stream()
                .collect(Collectors.toMap(TokenComparison.Row::name, row -> row));
        assertEquals(TokenComparison.Change.SAME, rows.get("sub").change());
        assertEquals("second is 1 h later", rows.get("iat").note());
        assertEquals("second is 29 days earlier", rows.get("exp").note());
        assertEquals(TokenComparison.Change.ONLY_FIRST, rows.get("legacy").change());
        assertEquals(TokenComparison.Change.ONLY_SECOND, rows.get("client_id").change());
        assertEquals("—", rows.get("client_id").first());
        assertEquals("30 days", rows.get("lifetime (iat to exp)").first());
        assertEquals("1 hour", rows.get("lifetime (iat to exp)").second());
    }
}
