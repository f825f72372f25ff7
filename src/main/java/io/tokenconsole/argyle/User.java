package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user as Argyle describes it. Argyle adds fields over time: those the console does not know
 * yet are kept in {@link #otherFields()} rather than rejected, so they still show and round-trip.
 */
public record User(
        String id,
        String createdAt,
        String externalId,
        JsonNode externalMetadata,
        String firstName,
        String lastName,
        String email,
        String phoneNumber,
        List<String> itemsConnected,
        List<String> employersConnected,
        Map<String, JsonNode> otherFields) {

    private static final Set<String> KNOWN = Set.of(
            "id", "created_at", "external_id", "external_metadata", "first_name", "last_name", "email",
            "phone_number", "items_connected", "employers_connected");

    public User {
        itemsConnected = List.copyOf(itemsConnected);
        employersConnected = List.copyOf(employersConnected);
        otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
        externalMetadata = externalMetadata == null ? NullNode.getInstance() : externalMetadata;
    }

    /** Reads one user object; throws {@link IllegalArgumentException} when it has no id. */
    static User fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("id").isTextual()) {
            throw new IllegalArgumentException("a user without a text \"id\"");
        }
        Map<String, JsonNode> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!KNOWN.contains(field.getKey())) {
                others.put(field.getKey(), field.getValue());
            }
        }
        return new User(
                node.get("id").asText(),
                text(node, "created_at"),
                text(node, "external_id"),
                node.get("external_metadata"),
                text(node, "first_name"),
                text(node, "last_name"),
                text(node, "email"),
                text(node, "phone_number"),
                texts(node.get("items_connected")),
                texts(node.get("employers_connected")),
                others);
    }

    /** The user as the API gave it, for {@code --json}; unknown fields included. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("created_at", createdAt);
        json.set("items_connected", array(itemsConnected));
        json.set("employers_connected", array(employersConnected));
        json.set("external_metadata", externalMetadata);
        json.put("external_id", externalId);
        json.put("first_name", firstName);
        json.put("last_name", lastName);
        json.put("email", email);
        json.put("phone_number", phoneNumber);
        otherFields.forEach(json::set);
        return json;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            // Argyle lists ids or names here; anything richer is kept as its JSON text.
            array.forEach(item -> values.add(item.isValueNode() ? item.asText() : item.toString()));
        }
        return values;
    }

    private static JsonNode array(List<String> values) {
        var array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
