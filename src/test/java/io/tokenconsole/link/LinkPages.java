package io.tokenconsole.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back what a Link page holds, as a browser would: the JSON block the page's code parses. */
public final class LinkPages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONFIG = Pattern.compile(
            "<script id=\"link-config\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

    private LinkPages() {
    }

    public static JsonNode config(String html) {
        Matcher block = CONFIG.matcher(html);
        if (!block.find()) {
            throw new AssertionError("no link-config block in the page");
        }
        try {
            return JSON.readTree(block.group(1));
        } catch (IOException notJson) {
            throw new AssertionError("the link-config block is not JSON", notJson);
        }
    }

    public static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
