package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console keys …}: the API key per environment, secret in the OS credential store. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = {"Set up, show and forget the API key of the sandbox and production.",
            "The key id goes to the workspace settings, the secret to the OS credential store",
            "(Secret Service keyring, macOS Keychain, Windows Credential Manager); the window's Settings use the same."},
        subcommands = {KeysSetCommand.class, KeysShowCommand.class, KeysForgetCommand.class})
public final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do with keys: set, show or forget.");
    }

    /** The workspace and the keys saved in it, for one keys command; closes the workspace. */
    record Opened(Workspace workspace, ApiKeys keys) implements AutoCloseable {

        static Opened open(WorkspaceOptions options, CommandContext context) {
            Workspace workspace = options.open(context);
            try {
                CredentialStore store = CredentialStore.detect(context.env());
                // The keys commands never ask for the local sandbox's key, so its file is never made for them.
                return new Opened(workspace, new ApiKeys(workspace.settings(), store, context.env(),
                        () -> LocalSandboxMaterial.loadOrCreate(options.folder(context))));
            } catch (RuntimeException e) {
                workspace.close();
                throw e;
            }
        }

        @Override
        public void close() {
            workspace.close();
        }
    }

    /** The local sandbox has no key to set up: it is refused with the reason. */
    static void refuseLocal(Environment environment) {
        if (environment == Environment.LOCAL) {
            throw new CommandFailure("The local sandbox makes its own key (local-sandbox.json in the data folder);"
                    + " use --env sandbox or --env production.");
        }
    }
}
