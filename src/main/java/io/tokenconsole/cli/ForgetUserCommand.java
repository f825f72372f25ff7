package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code users forget}: drop a saved user from the list. The Argyle user itself is not touched. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Remove a saved user from the workspace (the user at Argyle is not deleted).")
public final class ForgetUserCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "ENV", required = true,
            converter = EnvironmentConverter.class, description = "local, sandbox or production.")
    Environment environment;

    @Option(names = "--id", paramLabel = "UUID", required = true, description = "The Argyle user id.")
    String id;

    ForgetUserCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                if (!opened.users().forget(environment, id)) {
                    context.err().println("token-console: " + id.strip() + " is not saved for " + environment.displayName()
                            + StoreCommands.inTeam(opened));
                    return 1;
                }
                context.out().println("Forgot " + id.strip().toLowerCase(java.util.Locale.ROOT) + " in " + environment.displayName()
                        + " (the user still exists at Argyle)" + StoreCommands.inTeam(opened));
                return 0;
            }
        });
    }
}
