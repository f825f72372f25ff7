package io.tokenconsole.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the commands print passes through here, so text from outside — a token's claims, a
 * server's error, a saved note — cannot drive the terminal: control characters (C0 but tab and line
 * ends, DEL, C1) and the bidirectional overrides that reorder what a person reads are written as
 * {@code \\uXXXX}. Inside JSON output that is the same string in JSON's own escape, so
 * {@code --json} stays valid and means the same. A carriage return is kept only before a line feed.
 */
final class TerminalSafeWriter extends FilterWriter {

    private boolean carriageReturnPending;

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        StringBuilder safe = new StringBuilder(8);
        append(safe, (char) c);
        out.write(safe.toString());
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        StringBuilder safe = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            append(safe, buffer[i]);
        }
        out.write(safe.toString());
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        StringBuilder safe = new StringBuilder(length + 16);
        for (int i = offset; i < offset + length; i++) {
            append(safe, text.charAt(i));
        }
        out.write(safe.toString());
    }

    private void append(StringBuilder safe, char c) {
        if (carriageReturnPending) {
            carriageReturnPending = false;
            safe.append(c == '\n' ? "\r" : "\\u000d");
        }
        if (c == '\r') {
            carriageReturnPending = true;
        } else if (isUnsafe(c)) {
            safe.append(String.format("\\u%04x", (int) c));
        } else {
            safe.append(c);
        }
    }

    @Override
    public void flush() throws IOException {
        // A lone carriage return at a flush is kept back until the next character says what it was.
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (carriageReturnPending) {
            carriageReturnPending = false;
            out.write("\\u000d");
        }
        out.close();
    }

    static boolean isUnsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
    }
}
