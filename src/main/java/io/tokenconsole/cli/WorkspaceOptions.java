package io.tokenconsole.cli;

import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceLocation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir} and {@code --workspace}, shared by every command that opens the workspace: which
 * folder holds this person's files, and which workspace — this computer's or a team's PostgreSQL — the
 * command reads and records in.
 */
final class WorkspaceOptions {

    /** What a person may write for the workspace on this computer, besides the store's own word. */
    static final String LOCAL = "local";

    static final String DATA_DIR_HELP =
            "Folder of this person's files (default: $TOKEN_CONSOLE_HOME or the platform's data folder).";

    @Option(names = "--data-dir", paramLabel = "DIR", description = DATA_DIR_HELP)
    Path dataDir;

    @Option(names = "--workspace", paramLabel = "URL|local",
            description = {"The workspace to use: a team's PostgreSQL, postgresql://user@host:port/db (the password comes"
                    + " from PGPASSWORD, ~/.pgpass or 'workspace password', never from here), or 'local' for this computer.",
                "Default: $TOKEN_CONSOLE_WORKSPACE, then the choice saved by 'workspace use', then this computer."})
    String workspace;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    DataFolder folder(CommandContext context) {
        return DataFolder.resolve(Optional.ofNullable(dataDir), System.getProperty("os.name", ""), context.env(),
                Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * Which workspace and why. A bad {@code --workspace} is a usage error (exit 2); a bad variable or saved
     * choice is a failure naming where it came from (exit 1). Neither message repeats a password.
     */
    WorkspaceChoice choice(CommandContext context) {
        DataFolder folder = folder(context);
        try {
            return WorkspaceChoice.resolve(Optional.ofNullable(workspace).map(WorkspaceOptions::localWord),
                    context.env(), folder);
        } catch (IllegalArgumentException bad) {
            if (workspace != null && !workspace.isBlank() && spec != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
            }
            throw new CommandFailure(bad.getMessage());
        }
    }

    /** {@code local} means this computer, as the store's {@value WorkspaceChoice#THIS_COMPUTER} does. */
    static String localWord(String text) {
        return text.strip().toLowerCase(Locale.ROOT).equals(LOCAL) ? WorkspaceChoice.THIS_COMPUTER : text;
    }

    /** The password finder for team workspaces: this command's environment, the home folder and the OS store. */
    static PostgresPasswords passwords(CommandContext context) {
        return new PostgresPasswords(context.env(), Path.of(System.getProperty("user.home", ".")),
                System.getProperty("os.name", ""), CredentialStore.detect(context.env()));
    }

    /**
     * Opens the chosen workspace; recordings that waited on this computer for it (its server was away) are
     * written first, and said so on standard error.
     */
    Workspace open(CommandContext context) {
        WorkspaceChoice choice = choice(context);
        Workspace opened = Workspace.open(choice.location(), context.clock(), choice.operator(), passwords(context));
        try {
            SpoolNotices.flushed(context, spool(context, choice.location()).flush(opened), choice.location());
        } catch (java.io.UncheckedIOException spoolUnusable) {
            // What waits stays where it is; the command itself does not depend on it.
            context.err().println("Note: " + spoolUnusable.getMessage());
        }
        return opened;
    }

    AuditSpool spool(CommandContext context, WorkspaceLocation location) {
        return AuditSpool.in(folder(context), location);
    }
}
