package io.tokenconsole.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Objects;

/**
 * A call to Argyle written as a curl command someone can paste into a POSIX shell to reproduce it:
 * the same method, URL, headers and JSON body, authenticated with the key id and
 * {@code $ARGYLE_API_KEY_SECRET} — the secret itself is never written. Every value is single-quoted,
 * so no id, however odd, can end the quoting and run something of its own.
 */
public final class CurlReproduction {

    /** The shell variable that stands in for the secret. */
    public static final String SECRET_PLACEHOLDER = "$ARGYLE_API_KEY_SECRET";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CurlReproduction() {
    }

    /** {@code POST {base}/user-tokens} with {@code {"user": "<id>"}}, as {@code SupportActions.issueToken} sends it. */
    public static String issueToken(URI baseUrl, String keyId, String userId) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(userId, "userId");
        String base = baseUrl.toString();
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/user-tokens";
        String body;
        try {
            body = JSON.writeValueAsString(JSON.createObjectNode().put("user", userId));
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException("a JSON object of one string always serialises", cannot);
        }
        return "curl -sS -X POST " + quote(url) + " \\\n"
                + "  -u " + quote(keyId + ":") + "\"" + SECRET_PLACEHOLDER + "\" \\\n"
                + "  -H " + quote("Content-Type: application/json") + " \\\n"
                + "  -H " + quote("Accept: application/json") + " \\\n"
                + "  -d " + quote(body);
    }

    /**
     * One shell word holding exactly {@code text}: single quotes keep everything literal ($, `, \,
     * newlines); a single quote inside is written as {@code '\''} (close, escaped quote, reopen).
     */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
