package io.tokenconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console users …}: create users, and keep the list of users support works with. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Create Argyle users; list, save, forget, import and export the users saved per environment.",
        subcommands = {
            UsersCreateCommand.class,
            UsersListCommand.class,
            SaveUserCommand.class,
            ForgetUserCommand.class,
            ImportUsersCommand.class,
            ExportUsersCommand.class
        })
public final class UsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name what to do with users: create, list, save, forget, import or export.");
    }
}
