package io.tokenconsole.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.text.TokenShapes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the token in whatever a support engineer pasted: a raw token, an {@code Authorization}
 * header, a quoted string, a token wrapped across indented lines, a JSON answer holding
 * {@code user_token}, a Link initialisation snippet, or a log line. Each step that changed the
 * input leaves a note, so the person sees exactly what was cleaned up.
 */
public final class PasteCleaner {

    /** Field names that hold a token in the JSON answers support gets pasted, most specific first. */
    private static final List<String> TOKEN_FIELDS =
            List.of("user_token", "userToken", "token", "access_token", "id_token");

    private static final String LINK_NAME = "userToken";
    private static final String QUOTES = "\"'`";
    private static final Pattern AUTHORIZATION = Pattern.compile("^authorization\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("^bearer\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9_\\-+/=.]+");
    private static final Pattern LINE_CONTINUATION = Pattern.compile("\\\\\\R");

    private final ObjectMapper json;

    public PasteCleaner(ObjectMapper json) {
        this.json = json;
    }

    public CleanedInput clean(String raw) {
        List<String> notes = new ArrayList<>();
        String text = stripInvisible(raw).strip();

        text = fromJsonAnswer(text, notes);
        text = fromLinkSnippet(text, notes);
        // Prefixes and quotes nest in either order ("Bearer …" in quotes, or a quoted header): peel twice.
        for (int round = 0; round < 2; round++) {
            text = withoutHeaderName(text, notes);
            text = withoutBearer(text, notes);
            text = withoutQuotes(text, notes);
        }
        text = joinedLines(text, notes);
        text = pickedFromSurroundingText(text, notes);
        return new CleanedInput(text, notes);
    }

    private static String stripInvisible(String raw) {
        // A byte-order mark or zero-width space rides along with text copied from chat tools and web pages.
        return raw.replace("\uFEFF", "").replace("\u200B", "").replace("\u00A0", " ");
    }

    private String fromJsonAnswer(String text, List<String> notes) {
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return text;
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException notJson) {
            return text;
        }
        for (String field : TOKEN_FIELDS) {
            String found = findTextField(root, field);
            if (found != null) {
                notes.add("took the token from the JSON field '" + field + "'");
                return found.strip();
            }
        }
        return text;
    }

    private static String findTextField(JsonNode root, String field) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.removeFirst();
            if (node.isObject()) {
                JsonNode value = node.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
                for (Map.Entry<String, JsonNode> child : node.properties()) {
                    pending.addLast(child.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::addLast);
            }
        }
        return null;
    }

    /**
     * {@code userToken: '…'}, {@code userToken = "…"}, {@code "userToken": `…`}: the first such value.
     * A plain scan, linear in the paste: each occurrence of the name is looked at once, and the
     * closing quote is searched for only when the text holds one after it.
     */
    private static String fromLinkSnippet(String text, List<String> notes) {
        int name = text.indexOf(LINK_NAME);
        while (name >= 0) {
            int at = name + LINK_NAME.length();
            if (at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\'')) {
                at++;
            }
            at = skipWhitespace(text, at);
            if (at < text.length() && (text.charAt(at) == ':' || text.charAt(at) == '=')) {
                at = skipWhitespace(text, at + 1);
                if (at < text.length() && QUOTES.indexOf(text.charAt(at)) >= 0) {
                    char quote = text.charAt(at);
                    if (text.lastIndexOf(quote) > at) {
                        int end = text.indexOf(quote, at + 1);
                        notes.add("took the userToken from a Link initialisation snippet");
                        return text.substring(at + 1, end).strip();
                    }
                }
            }
            name = text.indexOf(LINK_NAME, name + LINK_NAME.length());
        }
        return text;
    }

    private static int skipWhitespace(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String withoutHeaderName(String text, List<String> notes) {
        Matcher matcher = AUTHORIZATION.matcher(text);
        if (matcher.lookingAt()) {
            notes.add("removed 'Authorization:' header name");
            return text.substring(matcher.end()).strip();
        }
        return text;
    }

    private static String withoutBearer(String text, List<String> notes) {
        Matcher matcher = BEARER.matcher(text);
        if (matcher.lookingAt()) {
            notes.add("removed 'Bearer ' prefix");
            return text.substring(matcher.end()).strip();
        }
        return text;
    }

    private static String withoutQuotes(String text, List<String> notes) {
        // A value copied out of JSON or code often brings its trailing comma or semicolon. One pass from
        // the end, one substring: a paste of a million commas costs a million steps, not their square.
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == ';'
                || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        String trimmed = end == text.length() ? text : text.substring(0, end).strip();
        if (trimmed.length() >= 2) {
            char first = trimmed.charAt(0);
            char last = trimmed.charAt(trimmed.length() - 1);
            if (first == last && (first == '"' || first == '\'' || first == '`')) {
                notes.add("removed surrounding quotes");
                return trimmed.substring(1, trimmed.length() - 1).strip();
            }
        }
        return trimmed.length() == text.length() ? text : trimmed;
    }

    private static String joinedLines(String text, List<String> notes) {
        if (text.chars().noneMatch(Character::isWhitespace)) {
            return text;
        }
        String joined = LINE_CONTINUATION.matcher(text).replaceAll("").replaceAll("\\s+", "");
        // Only a token is joined: prose ("hello world") stays as it was, with no note claiming a clean-up.
        if (!isTokenShaped(joined)) {
            return text;
        }
        long lines = text.lines().count();
        notes.add(lines > 1
                ? "joined " + lines + " lines and removed the indentation"
                : "removed spaces inside the token");
        return joined;
    }

    /**
     * A JWT (2 dots) or JWE (4 dots) whose header starts like base64url JSON ("eyJ…", "ewo…"). One pass
     * over the text, no regular expression: a hostile paste cannot make it backtrack.
     */
    static boolean isTokenShaped(String text) {
        if (text.length() < 2 || text.charAt(0) != 'e' || (text.charAt(1) != 'y' && text.charAt(1) != 'w')) {
            return false;
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '+' || c == '/' || c == '=')) {
                return false;
            }
        }
        return dots == 2 || dots == 4;
    }

    private static String pickedFromSurroundingText(String text, List<String> notes) {
        if (TOKEN_CHARACTERS.matcher(text).matches()) {
            return text;
        }
        Optional<TokenShapes.Span> found = TokenShapes.firstCompactToken(text);
        if (found.isPresent()) {
            notes.add("picked the token out of the surrounding text");
            return text.substring(found.get().start(), found.get().end());
        }
        return text;
    }
}
