package io.tokenconsole.text;

/**
 * Removes credentials that travel in HTTP headers from untrusted text, in one linear pass: the
 * value of any {@code Authorization} header however it is quoted ({@code Authorization: Basic …},
 * {@code "authorization": ["Bearer …"]}, {@code authorization=…}), and, with
 * {@link #withoutSchemeValues}, the value after {@code Basic} or {@code Bearer} wherever it stands.
 * A server or proxy that echoes the request back then cannot make the console keep the key.
 */
public final class CredentialText {

    private static final String HEADER = "authorization";
    private static final String[] SCHEMES = {"basic", "bearer"};
    /** Shorter words after "Basic"/"Bearer" are prose ("Basic plan"), not credentials. */
    private static final int SHORTEST_CREDENTIAL = 4;

    private CredentialText() {
    }

    /** The text with the value of every {@code Authorization} header replaced. */
    public static String withoutAuthorizationValues(String text, String replacement) {
        if (text == null) {
            return null;
        }
        TextEdits edits = new TextEdits(text);
        int at = 0;
        while (at + HEADER.length() <= text.length()) {
            if (!text.regionMatches(true, at, HEADER, 0, HEADER.length())) {
                at++;
                continue;
            }
            int cursor = skip(text, at + HEADER.length(), "\"' \t");
            if (cursor >= text.length() || text.charAt(cursor) != ':' && text.charAt(cursor) != '=') {
                at += HEADER.length();
                continue;
            }
            cursor = skip(text, cursor + 1, " \t[");
            char quote = cursor < text.length() && (text.charAt(cursor) == '"' || text.charAt(cursor) == '\'')
                    ? text.charAt(cursor) : 0;
            int valueStart = quote == 0 ? cursor : cursor + 1;
            int valueEnd = valueStart;
            while (valueEnd < text.length() && !endsValue(text.charAt(valueEnd), quote)) {
                valueEnd++;
            }
            if (valueEnd > valueStart) {
                edits.replace(valueStart, valueEnd, replacement);
            }
            at = Math.max(valueEnd, at + HEADER.length());
        }
        return edits.result();
    }

    /** The text with the credential after every {@code Basic } or {@code Bearer } replaced. */
    public static String withoutSchemeValues(String text, String replacement) {
        if (text == null) {
            return null;
        }
        TextEdits edits = new TextEdits(text);
        int at = 0;
        while (at < text.length()) {
            String scheme = schemeAt(text, at);
            if (scheme == null) {
                at++;
                continue;
            }
            int valueStart = skip(text, at + scheme.length(), " \t");
            int valueEnd = valueStart;
            while (valueEnd < text.length() && isCredentialChar(text.charAt(valueEnd))) {
                valueEnd++;
            }
            if (valueStart > at + scheme.length() && valueEnd - valueStart >= SHORTEST_CREDENTIAL) {
                edits.replace(valueStart, valueEnd, replacement);
            }
            at = Math.max(valueEnd, at + scheme.length());
        }
        return edits.result();
    }

    private static String schemeAt(String text, int at) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1))) {
            return null;
        }
        for (String scheme : SCHEMES) {
            if (text.regionMatches(true, at, scheme, 0, scheme.length())) {
                return scheme;
            }
        }
        return null;
    }

    private static boolean endsValue(char c, char quote) {
        if (quote != 0) {
            return c == quote || c == '\n' || c == '\r';
        }
        return c == '\n' || c == '\r' || c == ',' || c == ';' || c == '&' || c == '}' || c == ']' || c == '"';
    }

    private static boolean isCredentialChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '+' || c == '/' || c == '=' || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static int skip(String text, int from, String characters) {
        int at = from;
        while (at < text.length() && characters.indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }
}
