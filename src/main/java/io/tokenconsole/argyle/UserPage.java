package io.tokenconsole.argyle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One page of {@code GET /users}. Argyle pages with full {@code next}/{@code previous} URLs that
 * carry an opaque {@code cursor}; the console only ever passes that cursor back.
 */
public record UserPage(URI next, URI previous, List<User> results) {

    public UserPage {
        results = List.copyOf(results);
    }

    public boolean hasNext() {
        return next != null;
    }

    /** The cursor that asks for the following page, if there is one. */
    public Optional<String> nextCursor() {
        return cursorOf(next);
    }

    public Optional<String> previousCursor() {
        return cursorOf(previous);
    }

    /** The page as the API gave it, for {@code --json}. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("next", next == null ? null : next.toString());
        json.put("previous", previous == null ? null : previous.toString());
        var array = json.putArray("results");
        results.forEach(user -> array.add(user.toJson()));
        return json;
    }

    private static Optional<String> cursorOf(URI url) {
        if (url == null || url.getRawQuery() == null) {
            return Optional.empty();
        }
        for (String pair : url.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals("cursor")) {
                return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
