package io.tokenconsole.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToIntFunction;

/**
 * Writes an export beside its target and moves it over the target once complete, so an interrupted
 * or failed export never leaves half a file, nor destroys the file it was to replace. Whether an
 * existing file may be replaced is asked before (the save dialog asks; the command line was told).
 */
public final class WholeFileExport {

    private WholeFileExport() {
    }

    /**
     * Writes {@code target} (UTF-8) with what {@code export} writes, returning what it returns (the
     * number of rows).
     *
     * @throws UncheckedIOException naming the file and the reason, the target untouched
     */
    public static int write(Path target, ToIntFunction<Writer> export) {
        Path absolute = target.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".export", ".tmp");
            try {
                int count;
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    count = export.applyAsInt(out);
                }
                move(temporary, absolute);
                return count;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
