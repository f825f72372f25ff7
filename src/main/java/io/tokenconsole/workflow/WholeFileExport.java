package io.tokenconsole.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToIntFunction;

/**
 * Writes an export beside its target and moves it over the target once complete, so an interrupted
 * or failed export never leaves half a file, nor destroys the file it was to replace. An export
 * never replaces what is not a regular file — a symlink, a FIFO, a folder, a device such as
 * {@code /dev/full} — and replaces a regular file only when the person said so (the save dialog
 * asked; {@code --force} on the command line).
 */
public final class WholeFileExport {

    /** Whether an existing regular file at the target may be replaced. */
    public enum Existing { REPLACE, KEEP }

    private WholeFileExport() {
    }

    /** As {@link #write(Path, Existing, ToIntFunction)}, replacing a regular file the person chose (a save dialog asked). */
    public static int write(Path target, ToIntFunction<Writer> export) {
        return write(target, Existing.REPLACE, export);
    }

    /**
     * Writes {@code target} (UTF-8) with what {@code export} writes, returning what it returns (the
     * number of rows).
     *
     * @throws IllegalArgumentException when the target may not be replaced, saying why
     * @throws UncheckedIOException naming the file and the reason, the target untouched
     */
    public static int write(Path target, Existing existing, ToIntFunction<Writer> export) {
        Path absolute = target.toAbsolutePath();
        checkReplaceable(absolute, existing);
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), ".export", ".tmp");
            try {
                int count;
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    count = export.applyAsInt(out);
                }
                // Checked again just before the move: something may have appeared at the name meanwhile.
                checkReplaceable(absolute, existing);
                move(temporary, absolute, existing);
                return count;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (FileAlreadyExistsException appeared) {
            throw new IllegalArgumentException(absolute + " appeared while exporting: add --force to replace it.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static void checkReplaceable(Path target, Existing existing) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " exists and is not a regular file ("
                    + kind(target) + "): an export only ever replaces a file. Choose another name.");
        }
        if (existing == Existing.KEEP) {
            throw new IllegalArgumentException(target + " exists: add --force to replace it, or choose another name.");
        }
    }

    private static String kind(Path target) {
        if (Files.isSymbolicLink(target)) {
            return "a symbolic link";
        }
        return Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a device, pipe or socket";
    }

    private static void move(Path temporary, Path target, Existing existing) throws IOException {
        if (existing == Existing.KEEP) {
            // Without REPLACE_EXISTING the move fails if something appeared at the name meanwhile.
            Files.move(temporary, target);
            return;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notHere) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
