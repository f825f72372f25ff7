package io.tokenconsole.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that can sit inside an HTML {@code <script>} element whatever the values hold. JSON alone
 * is not enough there: {@code </script>} ends the element, {@code <!--} changes how the rest is
 * parsed, and U+2028/U+2029 ended string literals in older JavaScript. Every {@code <}, {@code >}
 * and {@code &} and both separators are written as {@code \\uXXXX} escapes, which JSON and
 * JavaScript read back as the same characters; line breaks are escaped by JSON itself.
 */
final class ScriptJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScriptJson() {
    }

    static String embed(JsonNode value) {
        String text;
        try {
            text = JSON.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
