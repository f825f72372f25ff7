package io.tokenconsole.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The password of a team workspace, found the way PostgreSQL's own tools find it: {@code $PGPASSWORD}, then
 * the password file ({@code $PGPASSFILE}, else {@code ~/.pgpass}, on Windows
 * {@code %APPDATA%\postgresql\pgpass.conf}) in libpq's format and by libpq's rules, then the OS credential
 * store (the item named by the address's {@link PostgresAddress#uri()}). The password is never on the command
 * line, in the workspace, in {@code workspace.properties}, in a log or in a message.
 *
 * <p>libpq's rules for the file: one {@code host:port:database:user:password} per line, {@code #} starts a
 * comment, {@code *} in the first four fields matches anything, {@code \:} and {@code \\} escape, the first
 * matching line wins; on Unix a file others may read is ignored with a warning.
 */
public final class PostgresPasswords {

    public static final String PASSWORD_VARIABLE = "PGPASSWORD";
    public static final String FILE_VARIABLE = "PGPASSFILE";

    /** Where a password came from, for "password from ~/.pgpass" in {@code workspace show}. */
    public record Found(Secret password, String source) {
        public Found {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(source, "source");
        }
    }

    /** What a lookup found (if anything) and the warnings a person should see (a password file others may read). */
    public record Lookup(Optional<Found> found, List<String> warnings) {
        public Lookup {
            Objects.requireNonNull(found, "found");
            warnings = List.copyOf(warnings);
        }
    }

    private final Map<String, String> environment;
    private final Path home;
    private final String osName;
    private final CredentialStore store;

    public PostgresPasswords(Map<String, String> environment, Path home, String osName, CredentialStore store) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.home = Objects.requireNonNull(home, "home");
        this.osName = Objects.requireNonNull(osName, "osName");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** This process's: {@code System.getenv()}, {@code user.home}, {@code os.name}, and the given store. */
    public static PostgresPasswords forThisUser(CredentialStore store) {
        return new PostgresPasswords(System.getenv(), Path.of(System.getProperty("user.home", ".")),
                System.getProperty("os.name", ""), store);
    }

    /** The password for this address, if any of the three places has one. */
    public Optional<Secret> find(PostgresAddress address) {
        return lookup(address).found().map(Found::password);
    }

    /**
     * The password and where it came from, with any warnings about the password file.
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering (only asked when neither
     *     PGPASSWORD nor the file has the password)
     */
    public Lookup lookup(PostgresAddress address) {
        Objects.requireNonNull(address, "address");
        String variable = environment.get(PASSWORD_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return new Lookup(Optional.of(new Found(Secret.verbatim(variable), "$" + PASSWORD_VARIABLE)), List.of());
        }
        List<String> warnings = new ArrayList<>();
        Path file = passwordFile();
        Optional<Secret> fromFile = fromFile(file, address, warnings);
        if (fromFile.isPresent()) {
            return new Lookup(Optional.of(new Found(fromFile.get(), file.toString())), warnings);
        }
        Optional<Found> fromStore = store.workspacePassword(address.uri())
                .map(password -> new Found(password, store.name()));
        return new Lookup(fromStore, warnings);
    }

    /** Keeps the password in the OS credential store (or this session's memory, if that is the store). */
    public void save(PostgresAddress address, Secret password) {
        store.storeWorkspacePassword(Objects.requireNonNull(address, "address").uri(), Objects.requireNonNull(password, "password"));
    }

    /** Removes the password from the credential store; {@code false} when none was kept there. */
    public boolean forget(PostgresAddress address) {
        return store.forgetWorkspacePassword(Objects.requireNonNull(address, "address").uri());
    }

    /** Where a saved password goes: "the Secret Service keyring", "this session's memory". */
    public String storeName() {
        return store.name();
    }

    /** The password file libpq reads: {@code $PGPASSFILE}, else the platform's default. */
    public Path passwordFile() {
        String named = environment.get(FILE_VARIABLE);
        if (named != null && !named.isBlank()) {
            return Path.of(named.strip());
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData);
            return base.resolve("postgresql").resolve("pgpass.conf");
        }
        return home.resolve(".pgpass");
    }

    private Optional<Secret> fromFile(Path file, PostgresAddress address, List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows") && DataFolder.supportsPosix()) {
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
                    // libpq's own rule and nearly its own words.
                    warnings.add("The password file " + file + " is ignored: others may read it. Make it readable by"
                            + " you only (chmod 0600 " + file + ").");
                    return Optional.empty();
                }
            } catch (IOException unreadable) {
                warnings.add("The password file " + file + " cannot be read (" + unreadable.getClass().getSimpleName() + ").");
                return Optional.empty();
            }
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            warnings.add("The password file " + file + " cannot be read (" + unreadable.getClass().getSimpleName() + ").");
            return Optional.empty();
        }
        return match(lines, address);
    }

    /** The password of the first line that matches, as libpq reads the file. */
    static Optional<Secret> match(List<String> lines, PostgresAddress address) {
        String[] wanted = {address.host(), Integer.toString(address.port()), address.database(), address.user()};
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < 4 && matches; i++) {
                // libpq: a field that is exactly "*" matches anything; "localhost" in the file also matches a
                // connection made to the local socket, which a JDBC connection never is.
                matches = fields.get(i).equals("*") || fields.get(i).equals(wanted[i]);
            }
            if (matches) {
                String password = fields.get(4);
                return password.isEmpty() ? Optional.empty() : Optional.of(Secret.verbatim(password));
            }
        }
        return Optional.empty();
    }

    /**
     * Splits a line at unescaped colons, undoing {@code \:} and {@code \\}. The fifth field is the rest of the
     * line (libpq stops splitting there), with its escapes undone too.
     */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i == line.length() - 1) {
                // A file written on Windows.
                break;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
