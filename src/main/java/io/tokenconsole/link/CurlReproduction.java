package io.tokenconsole.link;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The token call as a curl command, to hand to whoever reproduces a problem: the same request the
 * console sent ({@code POST /user-tokens} with {@code {"user": …}}). The secret is never in it —
 * the command reads it from {@code $ARGYLE_API_KEY_SECRET}; the key id is either written out or
 * read from {@code $ARGYLE_API_KEY_ID} too.
 */
public final class CurlReproduction {

    public static final String KEY_ID_VARIABLE = "ARGYLE_API_KEY_ID";
    public static final String SECRET_VARIABLE = "ARGYLE_API_KEY_SECRET";

    private CurlReproduction() {
    }

    /**
     * @param baseUrl the API's base URL, e.g. {@code https://api-sandbox.argyle.com/v2}
     * @param keyId the API key id to write out; empty to read it from {@code $ARGYLE_API_KEY_ID}
     */
    public static String tokenCall(URI baseUrl, Optional<String> keyId, String userId) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(userId, "userId");
        String base = baseUrl.toString().replaceAll("/+$", "");
        // Inside double quotes the shell still expands $, ` and \ — a key id holding them is escaped.
        String user = keyId.map(CurlReproduction::inDoubleQuotes).orElse("$" + KEY_ID_VARIABLE)
                + ":$" + SECRET_VARIABLE;
        String body = JsonNodeFactory.instance.objectNode().put("user", userId.strip()).toString();
        return "curl -sS -X POST " + singleQuoted(base + "/user-tokens") + " \\\n"
                + "  -u \"" + user + "\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d " + singleQuoted(body);
    }

    private static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String inDoubleQuotes(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }
}
