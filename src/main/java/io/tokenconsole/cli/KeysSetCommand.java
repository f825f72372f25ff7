package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.OsCredentialStore;
import io.tokenconsole.store.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keys set}: saves an API key, the secret read from standard input or a prompt that does not
 * echo — never from an argument, which would show in the process list and the shell's history.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Save the API key of an environment: the key id in the workspace, the secret in the OS credential store.",
            "The secret is read from standard input (--secret-stdin) or asked for without echo; never from an argument."})
public final class KeysSetCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "sandbox|production", required = true,
            converter = EnvironmentConverter.class, description = "Which environment the key belongs to.")
    Environment environment;

    @Option(names = "--api-key-id", paramLabel = "ID", required = true, description = "The API key id (not secret).")
    String keyId;

    @Option(names = "--secret-stdin", description = "Read the secret from standard input (one line), e.g. from a password manager.")
    boolean secretStdin;

    KeysSetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        KeysCommand.refuseLocal(environment);
        String id = keyId.strip();
        if (id.isEmpty()) {
            throw new CommandFailure("--api-key-id is empty; give the key id from Argyle's console.");
        }
        return StoreCommands.explainFailures(context, () -> {
            try (KeysCommand.Opened opened = KeysCommand.Opened.open(workspace, context)) {
                if (!opened.keys().store().isPersistent()) {
                    // Checked before the secret is asked for: nobody types it for nothing.
                    throw new CommandFailure("No OS credential store answered (on Linux: a Secret Service such as"
                            + " gnome-keyring on the session bus), and a command has no session to keep the secret in."
                            + " Set " + ApiKeys.KEY_ID_VARIABLE + " and " + ApiKeys.SECRET_VARIABLE
                            + " in the environment of the commands instead.");
                }
                Secret secret = readSecret();
                opened.keys().save(environment, id, secret);
                context.out().println("Saved the " + environment.id() + " API key " + id + ": the secret is in the "
                        + opened.keys().store().name() + " as \"" + OsCredentialStore.itemLabel(environment)
                        + "\", the key id in the workspace"
                        + StoreCommands.team(opened.workspace().location()).map(name -> " (the team's, " + name + ")").orElse("")
                        + ".");
                if (context.envVar(ApiKeys.KEY_ID_VARIABLE).isPresent() || context.envVar(ApiKeys.SECRET_VARIABLE).isPresent()) {
                    context.err().println("Note: " + ApiKeys.KEY_ID_VARIABLE + " / " + ApiKeys.SECRET_VARIABLE
                            + " are set here and win over the saved key; unset them to use it.");
                }
                return 0;
            }
        });
    }

    private Secret readSecret() throws IOException {
        String value;
        if (secretStdin) {
            String input = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
            // One line: a trailing newline from echo or a password manager is not part of the secret.
            value = input.lines().findFirst().orElse("");
            if (input.lines().filter(line -> !line.isBlank()).count() > 1) {
                throw new CommandFailure("Standard input holds more than one line; give the secret alone.");
            }
        } else {
            Optional<char[]> typed = context.secretPrompt().ask("Secret for " + environment.id() + " key " + keyId.strip()
                    + " (not shown): ");
            if (typed.isEmpty()) {
                throw new CommandFailure("No terminal to ask for the secret on: pipe it in with --secret-stdin,"
                        + " e.g. pass show argyle/" + environment.id() + " | token-console keys set --env "
                        + environment.id() + " --api-key-id " + keyId.strip() + " --secret-stdin");
            }
            value = new String(typed.get());
            Arrays.fill(typed.get(), '\0');
        }
        if (value.isBlank()) {
            throw new CommandFailure("The secret is empty; nothing was saved.");
        }
        return Secret.of(value);
    }
}
