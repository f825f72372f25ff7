package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ImportReport;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saved users to and from files in the formats of {@link SharedUserList}, the same way for the
 * command line ({@code users import|export}) and the window's Users pane: the format from the file
 * name, an export written beside the target and moved over it (an interrupted export never leaves
 * half a file), and reading problems in words for the person.
 */
public final class SavedUserFiles {

    private SavedUserFiles() {
    }

    /** The format a file name asks for, or an exception that says how to name it. */
    public static SharedUserList.Format formatOf(String fileName) {
        return SharedUserList.Format.fromFileName(fileName).orElseThrow(() -> new IllegalArgumentException(
                "Cannot tell the format of '" + fileName + "': name it .csv or .json"));
    }

    /**
     * Writes the saved users of one environment, or of all ({@code null}), to {@code target}; returns
     * how many. Through {@link WholeFileExport}: never half a file, never over what is not a file.
     */
    public static int export(Workspace workspace, Environment environmentOrAll, SharedUserList.Format format, Path target,
            WholeFileExport.Existing existing) {
        SharedUserList list = new SharedUserList(workspace);
        return WholeFileExport.write(target, existing, out -> list.export(environmentOrAll, format, out));
    }

    /**
     * Imports the users in {@code file}: good rows are saved, bad ones come back in the report by
     * line. Rows that name no environment take {@code defaultEnvironment} (may be {@code null}).
     */
    public static ImportReport importFile(Workspace workspace, Path file, SharedUserList.Format format,
            Environment defaultEnvironment) {
        try (Reader in = reader(file)) {
            return importFrom(workspace, in, format, defaultEnvironment, file.getFileName().toString(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #importFile}, from an open reader ({@code source} names it in the audit row and in messages). */
    public static ImportReport importFrom(Workspace workspace, Reader in, SharedUserList.Format format,
            Environment defaultEnvironment, String source, String shownName) {
        try {
            return new SharedUserList(workspace).importFrom(in, format, defaultEnvironment, source);
        } catch (UncheckedIOException unreadable) {
            if (unreadable.getCause() instanceof MalformedInputException) {
                throw new IllegalArgumentException(shownName + " is not UTF-8 text: nothing was imported", unreadable);
            }
            throw unreadable;
        }
    }

    /** A UTF-8 reader of {@code file}; a missing file is an {@link IllegalArgumentException} that says so. */
    public static Reader reader(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("No such file: " + file, e);
        }
    }

    /** One line for the person: "Imported 3 new, 1 already saved, 2 rejected: line 4: …; line 9: …". */
    public static String summary(ImportReport report) {
        StringBuilder text = new StringBuilder("Imported " + report.added() + " new, " + report.updated() + " already saved");
        if (!report.rejected().isEmpty()) {
            text.append(", ").append(report.rejected().size()).append(" rejected: ");
            text.append(String.join("; ", report.rejected().stream().map(ImportReport.Rejected::toString).toList()));
        }
        return text.toString();
    }
}
