package io.tokenconsole.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of the token field's text and which part of a token it is, so the field can colour the
 * header, payload and signature as they are typed (as jwt.io does). Text around the token —
 * "Bearer ", quotes, a JSON answer — stays plain.
 */
public record TokenSpan(String text, Part part) {

    public enum Part { PLAIN, HEADER, PAYLOAD, SIGNATURE, DOT }

    /** Longer input is shown plain: colouring it on every keystroke would cost more than it tells. */
    static final int MAX_COLOURED_CHARS = 64 * 1024;

    private static final Pattern TOKEN = Pattern.compile(
            "([A-Za-z0-9_\\-]+)(?:(\\.)([A-Za-z0-9_\\-]*)(?:(\\.)([A-Za-z0-9_\\-]*))?)?");

    public static List<TokenSpan> of(String text) {
        List<TokenSpan> spans = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return spans;
        }
        Matcher token = TOKEN.matcher(text);
        int start = text.length() > MAX_COLOURED_CHARS ? -1 : firstToken(token);
        if (start < 0) {
            spans.add(new TokenSpan(text, Part.PLAIN));
            return spans;
        }
        add(spans, text.substring(0, start), Part.PLAIN);
        add(spans, token.group(1), Part.HEADER);
        if (token.group(2) != null) {
            add(spans, token.group(2), Part.DOT);
            add(spans, token.group(3), Part.PAYLOAD);
        }
        if (token.group(4) != null) {
            add(spans, token.group(4), Part.DOT);
            add(spans, token.group(5), Part.SIGNATURE);
        }
        add(spans, text.substring(token.end()), Part.PLAIN);
        return spans;
    }

    /** Where the first run that starts like a JWT header ("eyJ…", as base64url JSON does) begins, or -1. */
    private static int firstToken(Matcher token) {
        while (token.find()) {
            if (token.group(1).startsWith("ey") || token.group(1).startsWith("ew")) {
                return token.start();
            }
        }
        return -1;
    }

    private static void add(List<TokenSpan> spans, String text, Part part) {
        if (!text.isEmpty()) {
            spans.add(new TokenSpan(text, part));
        }
    }

    @Override
    public String toString() {
        // The text is part of a credential: never print it.
        return "TokenSpan[" + part + ", " + text.length() + " chars]";
    }
}
