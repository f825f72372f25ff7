package io.tokenconsole.text;

import java.util.Optional;

/**
 * Finds JWT-shaped text in untrusted input — a paste, an error body, a note — in one pass, so the
 * time is linear in the length whatever the input holds. (The regular expressions this replaces
 * backtracked: {@code "eyJ"} repeated 33,333 times took 17 s.)
 *
 * <p>The input is cut into runs of base64url characters and dots; a run is cut into segments at
 * its dots. Every decision looks at a segment a bounded number of times.
 */
public final class TokenShapes {

    /** Where a token sits in the text: {@code text.substring(start, end)}. */
    public record Span(int start, int end) {
    }

    private static final String JOSE_START = "eyJ";
    /** The shortest header and payload the scrubbers treat as token-shaped when they lack {@code eyJ}. */
    private static final int SHORTEST_SEGMENT = 10;

    private TokenShapes() {
    }

    /**
     * The first compact JWS or JWE in the text: starts {@code eyJ}, then two (or four) more
     * dot-separated segments, as a log line or a pasted snippet holds it.
     */
    public static Optional<Span> firstCompactToken(CharSequence text) {
        for (int[] run = nextRun(text, 0); run != null; run = nextRun(text, run[1])) {
            int[] bounds = segments(text, run[0], run[1]);
            int count = bounds.length / 2;
            for (int segment = 0; segment + 2 < count; segment++) {
                int start = joseStart(text, bounds[2 * segment], bounds[2 * segment + 1]);
                if (start >= 0) {
                    int last = segment + 4 < count ? segment + 4 : segment + 2;
                    return Optional.of(new Span(start, bounds[2 * last + 1]));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The text with every token-shaped span replaced: three dot-separated base64url segments whose
     * first starts a JOSE header ({@code eyJ}) and whose second is not empty, or whose first two are
     * at least ten characters long (a token whose header was cut off).
     */
    public static String replaceAll(String text, String replacement) {
        if (text == null) {
            return null;
        }
        TextEdits edits = new TextEdits(text);
        for (int[] run = nextRun(text, 0); run != null; run = nextRun(text, run[1])) {
            int[] bounds = segments(text, run[0], run[1]);
            int count = bounds.length / 2;
            int segment = 0;
            while (segment + 2 < count) {
                int first = bounds[2 * segment];
                int firstEnd = bounds[2 * segment + 1];
                int secondLength = bounds[2 * segment + 3] - bounds[2 * segment + 2];
                int start = -1;
                if (firstEnd - first >= SHORTEST_SEGMENT && secondLength >= SHORTEST_SEGMENT) {
                    start = first;
                } else if (secondLength > 0) {
                    start = joseStart(text, first, firstEnd);
                }
                if (start < 0) {
                    segment++;
                    continue;
                }
                edits.replace(start, bounds[2 * segment + 5], replacement);
                segment += 3;
            }
        }
        return edits.result();
    }

    /** Whether the text holds anything {@link #replaceAll} would replace. */
    public static boolean containsToken(String text) {
        return text != null && !replaceAll(text, "").equals(text);
    }

    private static boolean isSegmentChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean isRunChar(char c) {
        return isSegmentChar(c) || c == '.';
    }

    /** The next maximal run of base64url characters and dots at or after {@code from}: {start, end}, or null. */
    private static int[] nextRun(CharSequence text, int from) {
        int start = from;
        while (start < text.length() && !isRunChar(text.charAt(start))) {
            start++;
        }
        if (start >= text.length()) {
            return null;
        }
        int end = start;
        while (end < text.length() && isRunChar(text.charAt(end))) {
            end++;
        }
        return new int[] {start, end};
    }

    /** Start and end of each dot-separated segment of a run, flattened: {@code [s0, e0, s1, e1, …]}. */
    private static int[] segments(CharSequence text, int from, int to) {
        int dots = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                dots++;
            }
        }
        int[] bounds = new int[2 * (dots + 1)];
        int segment = 0;
        bounds[0] = from;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                bounds[2 * segment + 1] = i;
                segment++;
                bounds[2 * segment] = i + 1;
            }
        }
        bounds[2 * segment + 1] = to;
        return bounds;
    }

    /** Where {@code eyJ} (the base64url of a JSON object's start) first occurs in {@code [from, to)}, or -1. */
    private static int joseStart(CharSequence text, int from, int to) {
        for (int i = from; i + JOSE_START.length() <= to; i++) {
            if (text.charAt(i) == 'e' && text.charAt(i + 1) == 'y' && text.charAt(i + 2) == 'J') {
                return i;
            }
        }
        return -1;
    }
}
