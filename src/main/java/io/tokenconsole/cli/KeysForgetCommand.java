package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.OsCredentialStore;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys forget}: removes the secret from the OS store and the key id from the workspace. */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Remove the API key of an environment: the secret from the OS credential store, the key id from the workspace.")
public final class KeysForgetCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "sandbox|production", required = true,
            converter = EnvironmentConverter.class, description = "Which environment's key to forget.")
    Environment environment;

    KeysForgetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        KeysCommand.refuseLocal(environment);
        return StoreCommands.explainFailures(context, () -> {
            try (KeysCommand.Opened opened = KeysCommand.Opened.open(workspace, context)) {
                boolean hadKeyId = opened.workspace().settings().apiKeyId(environment).isPresent();
                boolean removed = opened.keys().forget(environment);
                String store = opened.keys().store().name();
                if (removed) {
                    context.out().println("Forgot the " + environment.id() + " API key: \""
                            + OsCredentialStore.itemLabel(environment) + "\" is removed from the " + store + ".");
                } else if (hadKeyId) {
                    context.out().println("Forgot the " + environment.id() + " key id; there was no secret for it in "
                            + (opened.keys().store().isPersistent() ? "the " : "") + store + ".");
                } else {
                    context.out().println("No API key was saved for " + environment.id() + "; nothing to forget.");
                }
                return 0;
            }
        });
    }
}
