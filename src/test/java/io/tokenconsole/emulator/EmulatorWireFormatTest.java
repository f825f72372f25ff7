package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.testing.RawHttp;
import io.tokenconsole.testing.Sandboxes;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a curl user sees: Argyle's statuses, shapes and error texts, byte for byte where it matters. */
class EmulatorWireFormatTest {

    private LocalSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void creatingAUserWithNoBodyAnswers200WithIdAndTokenOnly() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "POST", "/v2/users", null);

        assertEquals(200, answer.statusCode());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Set.of("id", "user_token"), fieldNames(RawHttp.json(answer)));
    }

    @Test
    void aUserHasArgylesFieldsWithNullsWhenUnset() {
        String id = RawHttp.json(RawHttp.send(sandbox, "POST", "/v2/users", "{\"external_id\": \"c-1\"}")).get("id").asText();

        JsonNode user = RawHttp.json(RawHttp.send(sandbox, "GET", "/v2/users/" + id, null));

        assertEquals(Set.of("id", "created_at", "items_connected", "employers_connected", "external_metadata",
                "external_id", "first_name", "last_name", "email", "phone_number"), fieldNames(user));
        assertEquals("c-1", user.get("external_id").asText());
        assertTrue(user.get("first_name").isNull());
        assertTrue(user.get("items_connected").isArray());
        assertTrue(user.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    @Test
    void malformedJsonIsA400WithADetail() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "POST", "/v2/users", "{\"email\": ");

        assertEquals(400, answer.statusCode());
        assertTrue(RawHttp.json(answer).get("detail").asText().startsWith("JSON parse error"), answer.body());
    }

    @Test
    void issuingATokenWithoutAUserSaysTheFieldIsRequired() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "POST", "/v2/user-tokens", "{}");

        assertEquals(400, answer.statusCode());
        assertEquals("{\"user\":[\"This field is required.\"]}", answer.body());
    }

    @Test
    void issuingATokenForAnUnknownUserIs404NotFound() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "POST", "/v2/user-tokens",
                "{\"user\": \"1d5a0c8e-0000-4000-8000-000000000000\"}");

        assertEquals(404, answer.statusCode());
        assertEquals("{\"detail\":\"Not found.\"}", answer.body());
    }

    @Test
    void noCredentialsIs401InvalidUsernamePassword() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "GET", "/v2/users", null, false);

        assertEquals(401, answer.statusCode());
        assertEquals("{\"detail\":\"Invalid username/password.\"}", answer.body());
    }

    @Test
    void deletingAnswers204WithNoBodyAndThenTheUserIsGone() {
        String id = RawHttp.json(RawHttp.send(sandbox, "POST", "/v2/users", "{}")).get("id").asText();

        HttpResponse<String> deleted = RawHttp.send(sandbox, "DELETE", "/v2/users/" + id, null);

        assertEquals(204, deleted.statusCode());
        assertEquals("", deleted.body());
        assertEquals(404, RawHttp.send(sandbox, "DELETE", "/v2/users/" + id, null).statusCode());
        assertEquals(404, RawHttp.send(sandbox, "POST", "/v2/user-tokens", "{\"user\": \"" + id + "\"}").statusCode());
    }

    @Test
    void patchingAUserChangesOnlyTheFieldsGiven() {
        String id = RawHttp.json(RawHttp.send(sandbox, "POST", "/v2/users", "{\"first_name\": \"Ada\"}")).get("id").asText();

        JsonNode patched = RawHttp.json(RawHttp.send(sandbox, "PATCH", "/v2/users/" + id, "{\"last_name\": \"Lovelace\"}"));

        assertEquals("Ada", patched.get("first_name").asText());
        assertEquals("Lovelace", patched.get("last_name").asText());
    }

    @Test
    void anInvalidPhoneNumberAndEmailAreBothListed() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "POST", "/v2/users",
                "{\"email\": \"nope\", \"phone_number\": \"call me\"}");

        assertEquals(400, answer.statusCode());
        assertEquals("Enter a valid email address.", RawHttp.json(answer).get("email").get(0).asText());
        assertEquals("Enter a valid phone number.", RawHttp.json(answer).get("phone_number").get(0).asText());
    }

    @Test
    void listingCapsTheLimitAt200AndAnUnknownCursorIs404() {
        HttpResponse<String> page = RawHttp.send(sandbox, "GET", "/v2/users?limit=500", null);
        HttpResponse<String> badCursor = RawHttp.send(sandbox, "GET", "/v2/users?cursor=bm9wZQ", null);

        assertEquals(Set.of("next", "previous", "results"), fieldNames(RawHttp.json(page)));
        assertEquals(404, badCursor.statusCode());
    }

    @Test
    void theFaultPlanCanBeSetShownAndClearedOverHttp() {
        String plan = "{\"latency_ms\": 5, \"rules\": [{\"fault\": \"unavailable\", \"next\": 2, \"retry_after_seconds\": 3}]}";

        HttpResponse<String> set = RawHttp.send(sandbox, "PUT", "/_emulator/faults", plan);
        HttpResponse<String> first = RawHttp.send(sandbox, "GET", "/v2/users", null);
        JsonNode shown = RawHttp.json(RawHttp.send(sandbox, "GET", "/_emulator/faults", null));
        HttpResponse<String> cleared = RawHttp.send(sandbox, "DELETE", "/_emulator/faults", null);

        assertEquals(200, set.statusCode());
        assertEquals(503, first.statusCode());
        assertEquals("3", first.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, shown.get("rules").get(0).get("remaining").asInt());
        assertEquals(5, shown.get("latency_ms").asInt());
        assertEquals(204, cleared.statusCode());
        assertEquals(200, RawHttp.send(sandbox, "GET", "/v2/users", null).statusCode());
        assertTrue(sandbox.faults().isQuiet());
    }

    @Test
    void aFaultPlanWithAMistakeIsRefusedWithWhatIsWrong() {
        HttpResponse<String> answer = RawHttp.send(sandbox, "PUT", "/_emulator/faults",
                "{\"rules\": [{\"fault\": \"teapot\", \"next\": 1}]}");

        assertEquals(400, answer.statusCode());
        assertTrue(RawHttp.json(answer).get("detail").asText().contains("unknown fault \"teapot\""), answer.body());
        assertTrue(sandbox.faults().isQuiet());
    }

    @Test
    void theAdminEndpointNeedsTheApiKeyToo() {
        assertEquals(401, RawHttp.send(sandbox, "DELETE", "/_emulator/faults", null, false).statusCode());
    }

    @Test
    void requestCountsAreShownPerRouteIncludingFaultedOnes() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.SERVER_ERROR, 1)));
        RawHttp.send(sandbox, "POST", "/v2/users", "{}");
        RawHttp.send(sandbox, "POST", "/v2/users", "{}");

        JsonNode counts = RawHttp.json(RawHttp.send(sandbox, "GET", "/_emulator/requests", null));

        assertEquals(2, counts.get("POST /v2/users").asInt());
        assertEquals(2, sandbox.requestCount("POST /v2/users"));
    }

    @Test
    void faultsNeverTouchThePublishedKey() {
        sandbox.setFaults(FaultPlan.of(new FaultRule(Fault.DROP_CONNECTION, null, null, null, null)));

        assertEquals(200, RawHttp.send(sandbox, "GET", "/.well-known/jwks.json", null, false).statusCode());
    }

    @Test
    void aShareOfRequestsGetsTheFaultRoughlyThatOften() {
        sandbox.setFaults(FaultPlan.of(FaultRule.shareOfRequests(Fault.SERVER_ERROR, 0.5)));

        int faulted = 0;
        for (int i = 0; i < 200; i++) {
            if (RawHttp.send(sandbox, "GET", "/v2/users?limit=1", null).statusCode() == 500) {
                faulted++;
            }
        }

        assertTrue(faulted > 50 && faulted < 150, faulted + " of 200");
    }

    @Test
    void aFaultPlanReadsBackAsItWasWritten() {
        FaultPlan plan = FaultPlan.parse("{\"latency_ms\": 250, \"rules\": ["
                + "{\"fault\": \"rate_limited\", \"next\": 2, \"retry_after_seconds\": 1},"
                + "{\"fault\": \"unavailable\", \"share\": 0.1, \"route\": \"POST /v2/users\"}]}");

        assertEquals(plan, FaultPlan.parse(plan.toJson().toString()));
        assertEquals(List.of(Fault.RATE_LIMITED, Fault.UNAVAILABLE), plan.rules().stream().map(FaultRule::fault).toList());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
