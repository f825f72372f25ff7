package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.link.LinkOptions;
import io.tokenconsole.link.LinkPageBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A standalone Link page with a user token in it, written the one way (window and command line):
 * for Argyle's sandbox and production only, into a new file that only its owner can read — an
 * existing file is never replaced.
 */
public final class LinkPageFile {

    /** How long a user token lives after issue; the page and the messages say so. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private LinkPageFile() {
    }

    /** Refuses the local sandbox (its stand-in runs only while the console serves it) and an existing file. */
    public static void checkCanWrite(Environment environment, Path file) throws IOException {
        if (environment == Environment.LOCAL) {
            throw new IllegalArgumentException("A saved Link page works for Argyle's sandbox or production only:"
                    + " the local sandbox's Link stand-in runs only while Token Console serves it.");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toAbsolutePath().toString(), null,
                    "it already exists: choose another file name, or remove it first. Nothing was issued");
        }
    }

    /** Writes the page for {@code userToken}, issued at {@code issuedAt}, to the new file {@code file}. */
    public static void write(Path file, Environment environment, String userId, String userToken, LinkOptions options,
            Instant issuedAt) throws IOException {
        checkCanWrite(environment, file);
        String page = new LinkPageBuilder().standalonePage(environment, userId, userToken, options, issuedAt);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file lands in a folder the person chose; its access rules apply.
            Files.createFile(file);
        }
        Files.writeString(file, page, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** When a token issued at {@code issuedAt} stops working, to the second. */
    public static Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
    }
}
