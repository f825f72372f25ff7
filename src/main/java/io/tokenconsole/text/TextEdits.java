package io.tokenconsole.text;

/**
 * A text with some of its spans replaced, built in one pass: the parts between the spans are copied
 * once, and nothing is copied at all when no span was replaced. Spans come in order, left to right.
 */
public final class TextEdits {

    private final String text;
    private StringBuilder out;
    private int copiedUpTo;

    public TextEdits(String text) {
        this.text = text;
    }

    /** Replaces {@code [start, end)} of the original text, which must lie after the last replaced span. */
    public void replace(int start, int end, String replacement) {
        if (out == null) {
            out = new StringBuilder(text.length());
        }
        out.append(text, copiedUpTo, start).append(replacement);
        copiedUpTo = end;
    }

    /** The text with every replacement made. */
    public String result() {
        return out == null ? text : out.append(text, copiedUpTo, text.length()).toString();
    }
}
