package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What support knows about a user they are about to create. Every field is optional, as in
 * Argyle's API; a field left {@code null} is not sent at all.
 */
public record NewUser(
        String externalId,
        JsonNode externalMetadata,
        String firstName,
        String lastName,
        String email,
        String phoneNumber) {

    /** A user with nothing known about them: Argyle accepts it. */
    public static NewUser blank() {
        return new NewUser(null, null, null, null, null, null);
    }

    public NewUser withExternalId(String value) {
        return new NewUser(value, externalMetadata, firstName, lastName, email, phoneNumber);
    }

    public NewUser withExternalMetadata(JsonNode value) {
        return new NewUser(externalId, value, firstName, lastName, email, phoneNumber);
    }

    public NewUser withName(String first, String last) {
        return new NewUser(externalId, externalMetadata, first, last, email, phoneNumber);
    }

    public NewUser withEmail(String value) {
        return new NewUser(externalId, externalMetadata, firstName, lastName, value, phoneNumber);
    }

    public NewUser withPhoneNumber(String value) {
        return new NewUser(externalId, externalMetadata, firstName, lastName, email, value);
    }

    /** The request body of {@code POST /users}. */
    public ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        putIfPresent(body, "external_id", externalId);
        if (externalMetadata != null) {
            body.set("external_metadata", externalMetadata);
        }
        putIfPresent(body, "first_name", firstName);
        putIfPresent(body, "last_name", lastName);
        putIfPresent(body, "email", email);
        putIfPresent(body, "phone_number", phoneNumber);
        return body;
    }

    private static void putIfPresent(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
