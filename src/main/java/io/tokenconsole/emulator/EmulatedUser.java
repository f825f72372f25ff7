package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A user held by the local sandbox. {@code position} orders users by creation for the listing's
 * cursors; it never leaves the emulator.
 */
record EmulatedUser(
        String id,
        long position,
        Instant createdAt,
        String externalId,
        JsonNode externalMetadata,
        String firstName,
        String lastName,
        String email,
        String phoneNumber) {

    /** A copy with the fields a create or update request gave; absent fields stay as they were. */
    EmulatedUser with(Map<String, JsonNode> changes) {
        return new EmulatedUser(id, position, createdAt,
                text(changes, "external_id", externalId),
                changes.containsKey("external_metadata") ? changes.get("external_metadata") : externalMetadata,
                text(changes, "first_name", firstName),
                text(changes, "last_name", lastName),
                text(changes, "email", email),
                text(changes, "phone_number", phoneNumber));
    }

    /** Argyle's User shape; unset fields are {@code null}, as Argyle sends them. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("created_at", DateTimeFormatter.ISO_INSTANT.format(createdAt.truncatedTo(ChronoUnit.MICROS)));
        json.putArray("items_connected");
        json.putArray("employers_connected");
        json.set("external_metadata", externalMetadata == null ? NullNode.getInstance() : externalMetadata);
        json.put("external_id", externalId);
        json.put("first_name", firstName);
        json.put("last_name", lastName);
        json.put("email", email);
        json.put("phone_number", phoneNumber);
        return json;
    }

    private static String text(Map<String, JsonNode> changes, String field, String current) {
        if (!changes.containsKey(field)) {
            return current;
        }
        JsonNode value = changes.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
