package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** Argyle's answer to creating a user: the new user's id and a first user token for Link. */
public record CreatedUser(String id, String userToken) {

    public CreatedUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userToken, "userToken");
    }

    /** The answer as the API gave it, for {@code --json}. Holds the token: print it, never log it. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("user_token", userToken);
    }

    /** A token is a credential: it stays out of logs and debugger views. */
    @Override
    public String toString() {
        return "CreatedUser[id=" + id + ", userToken=(hidden)]";
    }
}
