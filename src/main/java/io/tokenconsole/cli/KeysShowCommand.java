package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SavedKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys show}: the key id and where its secret lives — never the secret. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show the saved key id and where the secret lives (OS store, environment variables); never the secret.")
public final class KeysShowCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "sandbox|production", converter = EnvironmentConverter.class,
            description = "One environment (default: both).")
    Environment environment;

    KeysShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (environment != null) {
            KeysCommand.refuseLocal(environment);
        }
        List<Environment> shown = environment == null ? List.of(Environment.SANDBOX, Environment.PRODUCTION) : List.of(environment);
        return StoreCommands.explainFailures(context, () -> {
            try (KeysCommand.Opened opened = KeysCommand.Opened.open(workspace, context)) {
                for (Environment each : shown) {
                    SavedKey saved = opened.keys().savedKey(each);
                    context.out().println(each.id() + ": key id " + saved.keyId().orElse("(none)"));
                    context.out().println("  " + saved.sentence());
                }
                return 0;
            }
        });
    }
}
