package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WholeFileExportTest {

    @TempDir
    Path folder;

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path target = folder.resolve("audit.csv");
        Files.writeString(target, "old contents\n");
        int count = WholeFileExport.write(target, out -> {
            try {
                out.write("a,b\n1,2\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return 1;
        });
        assertEquals(1, count);
        assertEquals("a,b\n1,2\n", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "only the target is left");
        }
    }

    @Test
    void aFailedExportLeavesTheOldFileAsItWas() throws IOException {
        Path target = folder.resolve("audit.csv");
        Files.writeString(target, "old contents\n");
        assertThrows(IllegalStateException.class, () -> WholeFileExport.write(target, out -> {
            try {
                out.write("half a file");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the workspace went away");
        }));
        assertEquals("old contents\n", Files.readString(target));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedInTheMessage() {
        Path target = folder.resolve("missing-folder").resolve("audit.csv");
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> WholeFileExport.write(target, out -> 0));
        assertTrue(failed.getMessage().startsWith("Cannot write " + target.toAbsolutePath()), failed.getMessage());
    }
}
