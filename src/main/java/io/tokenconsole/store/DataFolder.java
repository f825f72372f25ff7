package io.tokenconsole.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The per-user folder that holds the workspace database and the local sandbox's keys.
 *
 * <p>Where it is, first match wins: an explicit {@code --data-dir}; the {@code TOKEN_CONSOLE_HOME}
 * variable; then the platform's place for application data. Resolution takes the OS name, the
 * environment variables and the home folder as inputs so every branch can be tested on one machine.
 */
public record DataFolder(Path path, Source source) {

    /** The variable that moves the data folder for every command and the window. */
    public static final String HOME_VARIABLE = "TOKEN_CONSOLE_HOME";

    /** Why the folder is where it is; shown by the CLI and the settings pane. */
    public enum Source {
        DATA_DIR_OPTION("--data-dir"),
        HOME_VARIABLE("$" + DataFolder.HOME_VARIABLE),
        PLATFORM_DEFAULT("platform default");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    public DataFolder {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        path = path.toAbsolutePath().normalize();
    }

    /** The folder this process uses: {@code System.getenv()}, {@code os.name} and {@code user.home}. */
    public static DataFolder forThisUser(Optional<Path> explicit) {
        return resolve(explicit, System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
    }

    public static DataFolder resolve(Optional<Path> explicit, String osName, Map<String, String> env, Path home) {
        if (explicit.isPresent()) {
            return new DataFolder(expandHome(explicit.get(), home), Source.DATA_DIR_OPTION);
        }
        Optional<String> override = nonBlank(env.get(HOME_VARIABLE));
        if (override.isPresent()) {
            return new DataFolder(expandHome(Path.of(override.get()), home), Source.HOME_VARIABLE);
        }
        return new DataFolder(platformDefault(osName, env, home), Source.PLATFORM_DEFAULT);
    }

    private static Path platformDefault(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // %APPDATA% is the roaming profile folder; without it (a stripped service account) fall back
            // to where Windows puts it by default.
            Path appData = nonBlank(env.get("APPDATA")).map(Path::of)
                    .orElse(home.resolve("AppData").resolve("Roaming"));
            return appData.resolve("Token Console");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Token Console");
        }
        // Linux and other Unixes follow the XDG base directory spec; a relative XDG_DATA_HOME is
        // invalid by that spec and is ignored.
        Path dataHome = nonBlank(env.get("XDG_DATA_HOME")).map(Path::of).filter(Path::isAbsolute)
                .orElse(home.resolve(".local").resolve("share"));
        return dataHome.resolve("token-console");
    }

    /** A shell would expand {@code ~}; picocli and environment variables from scripts do not. */
    private static Path expandHome(Path path, Path home) {
        String text = path.toString();
        if (text.equals("~")) {
            return home;
        }
        if (text.startsWith("~/") || text.startsWith("~\\")) {
            return home.resolve(text.substring(2));
        }
        return path;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Creates the folder if needed. New folders are owner-only where the file system is POSIX: the
     * audit log names the users support worked on, which other accounts on the machine need not read.
     */
    public Path ensureExists() {
        try {
            if (Files.isDirectory(path)) {
                tightenIfOurs();
                return path;
            }
            if (supportsPosix()) {
                Files.createDirectories(path.getParent() == null ? path : path.getParent());
                try {
                    Files.createDirectory(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } catch (FileAlreadyExistsException createdByAnotherProcess) {
                    // The window and a command started together: the other one won, which is fine.
                }
            } else {
                Files.createDirectories(path);
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + path + ": " + e.getMessage(), e);
        }
    }

    /** What Token Console keeps in its folder; a folder holding only these is ours to lock down. */
    private static final Set<String> OUR_FILES = Set.of("workspace.db", "workspace.db-wal", "workspace.db-shm",
            "workspace.db-journal", "local-sandbox.json", "local-sandbox-users.json", "window.properties",
            WorkspaceChoice.FILE_NAME, AuditSpool.FOLDER);

    /**
     * An existing folder others can read (made by hand, or by an older version, as 755) is made
     * owner-only when it holds nothing but Token Console's files. A folder that holds other things
     * — someone pointed --data-dir at their home — is left as it is: its permissions are theirs.
     * The database file itself is created owner-only either way.
     */
    private void tightenIfOurs() throws IOException {
        if (!supportsPosix()) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (now.equals(OWNER_ONLY_FOLDER)) {
            return;
        }
        try (var entries = Files.list(path)) {
            if (entries.allMatch(entry -> OUR_FILES.contains(entry.getFileName().toString()))) {
                Files.setPosixFilePermissions(path, OWNER_ONLY_FOLDER);
            }
        } catch (java.nio.file.AccessDeniedException notOurs) {
            // Another account's folder: using it is allowed, changing it is not ours to do.
        }
    }

    public Path databaseFile() {
        return path.resolve("workspace.db");
    }

    static boolean supportsPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return path + " (" + source.description() + ")";
    }
}
