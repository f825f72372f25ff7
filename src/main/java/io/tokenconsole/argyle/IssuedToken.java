package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A fresh user token for a returning user, to initialise Link with. */
public record IssuedToken(String userToken) {

    public IssuedToken {
        Objects.requireNonNull(userToken, "userToken");
    }

    /** The answer as the API gave it, for {@code --json}. Holds the token: print it, never log it. */
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("user_token", userToken);
    }

    /** A token is a credential: it stays out of logs and debugger views. */
    @Override
    public String toString() {
        return "IssuedToken[userToken=(hidden)]";
    }
}
