package io.tokenconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console users …}: Argyle users. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Create and list Argyle users.",
        subcommands = {UsersCreateCommand.class, RemoteUsersListCommand.class})
final class UsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do with users: create or list");
    }
}
