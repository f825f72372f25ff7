package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SaveResult;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.store.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code users save}: remember a user created elsewhere, or change a saved user's label, note or
 * external id. An option left out keeps what is saved; an empty one ({@code --note ""}) clears it.
 */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = {"Save a user id for an environment, or update its label, note or external id.",
            "Options left out keep what is saved; an empty value clears it."})
public final class SaveUserCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "ENV", required = true,
            converter = EnvironmentConverter.class, description = "local, sandbox or production.")
    Environment environment;

    @Option(names = "--id", paramLabel = "UUID", required = true, description = "The Argyle user id.")
    String id;

    @Option(names = "--label", description = "A short name for the user.")
    String label;

    @Option(names = "--note", description = "Free text.")
    String note;

    @Option(names = "--external-id", paramLabel = "REF", description = "The customer's own reference.")
    String externalId;

    SaveUserCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                // Typed in by hand, so not created here: it came from outside, like an imported one.
                SaveResult result = opened.users().save(environment, id, new UserDetails(label, note, externalId),
                        UserOrigin.IMPORTED);
                boolean detailsGiven = label != null || note != null || externalId != null;
                context.out().println((result.added() ? "Saved " : detailsGiven ? "Already saved, details updated: " : "Already saved: ")
                        + result.user().id() + " in " + environment.displayName()
                        + result.user().labelText().map(text -> " (" + text + ")").orElse("") + StoreCommands.inTeam(opened));
                return 0;
            }
        });
    }
}
