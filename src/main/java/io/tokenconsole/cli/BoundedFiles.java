package io.tokenconsole.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;

/**
 * Reads a small text file a person named (a key, a fault plan) with a cap that holds for devices and
 * pipes too: {@code Files.size} says 0 for {@code /dev/zero}, so the bytes are counted as they come,
 * one past the cap at most. The messages name the file and never quote it.
 */
final class BoundedFiles {

    private BoundedFiles() {
    }

    /** The file as UTF-8 text; {@link IllegalArgumentException} with a message a person can act on. */
    static String readText(Path file, int mostBytes, String what) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a folder, not " + what + ".");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(mostBytes + 1);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("Cannot read " + file + " (" + unreadable.getClass().getSimpleName()
                    + "): check the path and its permissions.");
        }
        if (bytes.length > mostBytes) {
            throw new IllegalArgumentException(file + " is larger than " + size(mostBytes) + ": it is not " + what + ".");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            throw new IllegalArgumentException(file + " is not UTF-8 text: it is not " + what + ".");
        }
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
