package io.tokenconsole.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Which workspace this process uses, first match wins: {@code --workspace}, then
 * {@code $TOKEN_CONSOLE_WORKSPACE}, then the saved choice ({@code workspace.properties} in the data folder,
 * key {@code location}, written by Settings → Workspace and by {@code workspace use}), then this computer.
 * The same file may name the operator the audit log shows for this person (key {@code operator}).
 *
 * <p>A location is {@code postgresql://user@host:port/db} or {@value #THIS_COMPUTER}. The file never holds a
 * password: an address with one is refused before anything is written.
 */
public record WorkspaceChoice(WorkspaceLocation location, Source source, Optional<Operator> configuredOperator) {

    public static final String VARIABLE = "TOKEN_CONSOLE_WORKSPACE";
    public static final String FILE_NAME = "workspace.properties";
    /** What {@code --workspace} and the file say for the SQLite workspace in the data folder. */
    public static final String THIS_COMPUTER = "this-computer";

    private static final String LOCATION_KEY = "location";
    private static final String OPERATOR_KEY = "operator";

    /** Why this location was chosen; shown by {@code workspace show} and the settings pane. */
    public enum Source {
        OPTION("--workspace"),
        VARIABLE("$" + WorkspaceChoice.VARIABLE),
        SAVED(FILE_NAME),
        DEFAULT("default");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public WorkspaceChoice {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(configuredOperator, "configuredOperator");
    }

    /**
     * The choice for this process. A bad address (in the option, the variable or the file) is an
     * {@link IllegalArgumentException} saying where it came from and what to write instead.
     */
    public static WorkspaceChoice resolve(Optional<String> option, Map<String, String> env, DataFolder folder) {
        Objects.requireNonNull(folder, "folder");
        Properties saved = read(folder);
        Optional<Operator> operator = nonBlank(saved.getProperty(OPERATOR_KEY)).map(Operator::new);
        Optional<String> fromOption = option.flatMap(WorkspaceChoice::nonBlank);
        if (fromOption.isPresent()) {
            return new WorkspaceChoice(location(fromOption.get(), folder, "--workspace"), Source.OPTION, operator);
        }
        Optional<String> fromVariable = nonBlank(env.get(VARIABLE));
        if (fromVariable.isPresent()) {
            return new WorkspaceChoice(location(fromVariable.get(), folder, VARIABLE), Source.VARIABLE, operator);
        }
        Optional<String> fromFile = nonBlank(saved.getProperty(LOCATION_KEY));
        if (fromFile.isPresent()) {
            return new WorkspaceChoice(location(fromFile.get(), folder, file(folder).toString()), Source.SAVED, operator);
        }
        return new WorkspaceChoice(new WorkspaceLocation.ThisComputer(folder), Source.DEFAULT, operator);
    }

    /** Reads {@code this-computer} or a PostgreSQL address; {@code where} names the source in a refusal. */
    public static WorkspaceLocation location(String text, DataFolder folder, String where) {
        String value = text.strip();
        // "local", as --workspace takes it, means the same in the variable and the file.
        if (value.toLowerCase(Locale.ROOT).equals(THIS_COMPUTER) || value.toLowerCase(Locale.ROOT).equals("local")) {
            return new WorkspaceLocation.ThisComputer(folder);
        }
        try {
            return new WorkspaceLocation.Team(PostgresAddress.parse(value));
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("The workspace in " + where + " is not usable. " + bad.getMessage()
                    + " (Or write " + THIS_COMPUTER + " for the workspace on this computer.)", bad);
        }
    }

    /**
     * Saves the location (and the operator name; empty removes it) for the next start, atomically, in the
     * data folder. The file holds the address's {@link PostgresAddress#uri()} and never a password.
     */
    public static void save(DataFolder folder, WorkspaceLocation location, Optional<String> operatorName) {
        Objects.requireNonNull(location, "location");
        Properties properties = read(folder);
        properties.setProperty(LOCATION_KEY, location instanceof WorkspaceLocation.Team team
                ? team.address().uri() : THIS_COMPUTER);
        Optional<String> operator = operatorName.flatMap(WorkspaceChoice::nonBlank).map(name -> new Operator(name).name());
        if (operator.isPresent()) {
            properties.setProperty(OPERATOR_KEY, operator.get());
        } else {
            properties.remove(OPERATOR_KEY);
        }
        Path file = file(folder);
        try {
            folder.ensureExists();
            Path temporary = Files.createTempFile(folder.path(), FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "Token Console: which workspace this person uses (no passwords here)");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the workspace choice in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Who the audit rows name: the configured name; else, in a team workspace, the database role (each
     * engineer signs in as their own role); else the operating system's user.
     */
    public Operator operator() {
        return configuredOperator.orElseGet(() -> location instanceof WorkspaceLocation.Team team
                ? new Operator(team.address().user()) : Operator.fromSystem());
    }

    static Path file(DataFolder folder) {
        return folder.path().resolve(FILE_NAME);
    }

    private static Properties read(DataFolder folder) {
        Properties properties = new Properties();
        Path file = file(folder);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new IllegalArgumentException("The saved workspace choice " + file + " cannot be read ("
                        + unreadable.getClass().getSimpleName() + "). Choose the workspace again in Settings →"
                        + " Workspace or with 'workspace use', or delete the file.", unreadable);
            }
        }
        return properties;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
