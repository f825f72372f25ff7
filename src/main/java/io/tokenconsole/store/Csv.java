package io.tokenconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, both ways, with a guard against formula injection.
 *
 * <p>A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return) as a
 * formula, so such a cell is written with a leading apostrophe. The guard is reversible: a cell
 * that already starts with an apostrophe followed by something guarded gets one more, and reading
 * removes exactly one — a label that begins with {@code =} survives an export and import unchanged.
 */
final class Csv {

    private static final String LINE_END = "\r\n";

    private Csv() {
    }

    static void writeRow(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quote(guard(cells.get(i))));
            }
            out.write(LINE_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String guard(String cell) {
        if (cell == null) {
            return "";
        }
        return needsGuard(cell) ? "'" + cell : cell;
    }

    static String unguard(String cell) {
        return cell.startsWith("'") && needsGuard(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return first == '\'' && needsGuard(cell.substring(1));
    }

    private static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** A record read from a file, with the line it started on (1-based) for error reports. */
    record Row(int line, List<String> cells) {
    }

    /** A record that could not be read, such as an unterminated quote. */
    static final class MalformedException extends Exception {
        final int line;

        MalformedException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Reads records one at a time; a quoted cell may span lines. Blank lines are skipped. The input,
     * each cell and each row are bounded: past a bound the reader stops with a {@link MalformedException}
     * naming the line, so a device like {@code /dev/zero} or a file with no line ends costs a bounded
     * amount of memory and time.
     */
    static final class Reader {
        private final java.io.Reader in;
        private final long longestInput;
        private final int longestCell;
        private final int mostCells;
        private long consumed;
        private int line = 1;
        private int pushedBack = -2;

        Reader(java.io.Reader in, long longestInput, int longestCell, int mostCells) {
            this.in = in;
            this.longestInput = longestInput;
            this.longestCell = longestCell;
            this.mostCells = mostCells;
        }

        /** The next record, or {@code null} at the end of the input. */
        Row next() throws IOException, MalformedException {
            while (true) {
                int startLine = line;
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean inQuotes = false;
                boolean sawAnything = false;
                boolean cellWasQuoted = false;
                int c;
                while ((c = read()) != -1) {
                    sawAnything = true;
                    if (consumed > longestInput) {
                        throw new MalformedException(startLine, "the file is longer than " + longestInput / (1024 * 1024)
                                + " MiB; split it");
                    }
                    if (cell.length() > longestCell) {
                        throw new MalformedException(startLine, "a cell is longer than " + longestCell + " characters");
                    }
                    if (cells.size() > mostCells) {
                        throw new MalformedException(startLine, "a row has more than " + mostCells + " cells");
                    }
                    if (inQuotes) {
                        if (c == '"') {
                            int after = read();
                            if (after == '"') {
                                cell.append('"');
                            } else {
                                inQuotes = false;
                                unread(after);
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            cell.append((char) c);
                        }
                    } else if (c == '"' && cell.length() == 0 && !cellWasQuoted) {
                        inQuotes = true;
                        cellWasQuoted = true;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                        cellWasQuoted = false;
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r') {
                            int after = read();
                            if (after != '\n') {
                                unread(after);
                            }
                        }
                        line++;
                        break;
                    } else if (cellWasQuoted) {
                        throw new MalformedException(startLine, "text after a closing quote");
                    } else {
                        cell.append((char) c);
                    }
                }
                if (inQuotes) {
                    throw new MalformedException(startLine, "a quoted cell is never closed");
                }
                if (!sawAnything) {
                    return null;
                }
                cells.add(cell.toString());
                if (cells.size() == 1 && cells.get(0).isBlank() && !cellWasQuoted) {
                    continue;
                }
                return new Row(startLine, cells);
            }
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            consumed++;
            return in.read();
        }

        private void unread(int c) {
            pushedBack = c;
        }
    }

    static Reader reader(java.io.Reader in, long longestInput, int longestCell, int mostCells) {
        return new Reader(in, longestInput, longestCell, mostCells);
    }
}
