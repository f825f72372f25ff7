package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argyle adds fields over time; the console keeps what it does not know instead of failing. */
class AnswerShapesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aUserWithFieldsTheConsoleDoesNotKnowKeepsThemAndWritesThemBack() throws Exception {
        String answer = "{\"id\": \"u-1\", \"created_at\": \"2023-01-30T12:00:00.000Z\", \"items_connected\": [\"item_1\"],"
                + " \"employers_connected\": [\"Walmart\"], \"external_metadata\": {\"a\": 1}, \"external_id\": null,"
                + " \"first_name\": \"Ada\", \"last_name\": null, \"email\": null, \"phone_number\": null,"
                + " \"ssn\": null, \"address\": {\"city\": \"Lisbon\"}}";

        User user = User.fromJson(json.readTree(answer));

        assertEquals(List.of("ssn", "address"), List.copyOf(user.otherFields().keySet()));
        assertEquals("Lisbon", user.otherFields().get("address").get("city").asText());
        assertEquals(List.of("Walmart"), user.employersConnected());
        assertEquals(json.readTree(answer), user.toJson());
    }

    @Test
    void aUserWithoutAnIdIsNotAUser() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> User.fromJson(json.readTree("{\"email\": \"a@b.co\"}")));
    }

    @Test
    void aPagesCursorIsReadFromItsNextUrl() {
        UserPage page = new UserPage(URI.create("https://api.argyle.com/v2/users?limit=10&cursor=cD0yMDIz%3D"), null, List.of());

        assertEquals("cD0yMDIz=", page.nextCursor().orElseThrow());
        assertTrue(page.previousCursor().isEmpty());
    }

    @Test
    void aBaseUrlWithATrailingSlashResolvesTheSameRoutes() {
        ApiTarget target = new ApiTarget(Environment.SANDBOX, URI.create("https://api-sandbox.argyle.com/v2/"));

        assertEquals(URI.create("https://api-sandbox.argyle.com/v2/users"), target.resolve("/users"));
        assertThrows(IllegalArgumentException.class, () -> new ApiTarget(Environment.SANDBOX, URI.create("ftp://x/v2")));
    }
}
