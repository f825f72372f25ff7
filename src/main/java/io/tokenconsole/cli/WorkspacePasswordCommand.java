package io.tokenconsole.cli;

import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.CredentialStoreException;
import io.tokenconsole.store.NewerWorkspaceException;
import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workspace password [URL]}: keeps a team workspace's password in the OS credential store, read
 * without echo or from standard input — never from an argument. The server is asked first: a password
 * it refuses is not saved (so a working one is never replaced by a typo).
 */
@Command(name = "password", mixinStandardHelpOptions = true,
        description = {"Save the password of a team workspace in the OS credential store.",
            "Asked for without echo, or read from standard input with --password-stdin; never an argument.",
            "The server is asked first: a password it refuses is not saved."})
final class WorkspacePasswordCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL", arity = "0..1",
            description = "postgresql://user@host:port/db (default: the team workspace in use).")
    String target;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--password-stdin", description = "Read the password from standard input (one line).")
    boolean passwordStdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    WorkspacePasswordCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PostgresAddress address = address();
        CredentialStore store = CredentialStore.detect(context.env());
        if (!store.isPersistent()) {
            // Checked before the password is asked for: nobody types it for nothing.
            throw new CommandFailure("No OS credential store answered (on Linux: a Secret Service such as gnome-keyring"
                    + " on the session bus), so the password cannot be kept there. Put it in ~/.pgpass instead ("
                    + address.host() + ":" + address.port() + ":" + address.database() + ":" + address.user()
                    + ":PASSWORD, chmod 600) or in PGPASSWORD.");
        }
        Secret password = read(address);
        String checked = check(address, password, store);
        try {
            new PostgresPasswords(Map.of(), home(), osName(), store).save(address, password);
        } catch (CredentialStoreException storeAway) {
            throw new CommandFailure("The password was not saved: " + storeAway.getMessage());
        }
        context.out().println("Saved the password of " + address.shortForm() + " in the " + store.name() + " ("
                + checked + ").");
        try {
            WorkspaceOptions.passwords(context).lookup(address).found()
                    .filter(found -> !found.source().equals(store.name()))
                    .ifPresent(found -> context.err().println("Note: " + found.source() + " has a password for this"
                            + " workspace too, and it wins over the saved one; remove it there to use this one."));
        } catch (CredentialStoreException ignored) {
            // Saved a moment ago; a store that stops answering now is for the next command to report.
        }
        return 0;
    }

    /** The address given, else the team workspace in use. */
    private PostgresAddress address() {
        if (target != null) {
            try {
                return PostgresAddress.parse(target);
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
            }
        }
        WorkspaceLocation location = workspace.choice(context).location();
        if (location instanceof WorkspaceLocation.Team team) {
            return team.address();
        }
        throw new CommandFailure("The workspace in use is on this computer and has no password. Name the team"
                + " workspace: token-console workspace password postgresql://user@host:port/db");
    }

    private Secret read(PostgresAddress address) throws IOException {
        String value;
        if (passwordStdin) {
            String input = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
            if (input.lines().filter(line -> !line.isEmpty()).count() > 1) {
                throw new CommandFailure("Standard input holds more than one line; give the password alone.");
            }
            // One line: the newline from echo or a password manager is not part of the password; spaces are.
            value = input.lines().findFirst().orElse("");
        } else {
            Optional<char[]> typed = context.secretPrompt().ask("Password for " + address.shortForm() + " (not shown): ");
            if (typed.isEmpty()) {
                throw new CommandFailure("No terminal to ask for the password on: pipe it in with --password-stdin,"
                        + " e.g. pass show team-db | token-console workspace password " + address.uri()
                        + " --password-stdin");
            }
            value = new String(typed.get());
            Arrays.fill(typed.get(), '\0');
        }
        if (value.isEmpty()) {
            throw new CommandFailure("The password is empty; nothing was saved.");
        }
        return Secret.verbatim(value);
    }

    /** Signs in with the password; what the server said, or a failure when it refused the password. */
    private String check(PostgresAddress address, Secret password, CredentialStore store) {
        PostgresPasswords only = new PostgresPasswords(Map.of(PostgresPasswords.PASSWORD_VARIABLE, password.reveal()),
                home(), osName(), store);
        try (Workspace ignored = Workspace.open(new WorkspaceLocation.Team(address), context.clock(),
                new WorkspaceChoice(new WorkspaceLocation.Team(address), WorkspaceChoice.Source.OPTION, Optional.empty())
                        .operator(), only)) {
            return "the server accepted it";
        } catch (WorkspaceUnavailableException away) {
            return "not checked: the server cannot be reached now";
        } catch (NewerWorkspaceException newer) {
            return "the server accepted it; its schema is newer than this version";
        } catch (WorkspaceException refused) {
            throw new CommandFailure(refused.getMessage() + " Nothing was saved.");
        }
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home", "."));
    }

    private static String osName() {
        return System.getProperty("os.name", "");
    }
}
