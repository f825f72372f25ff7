package io.tokenconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console users}: the users saved in the workspace, per environment. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Saved users: list, save, forget, import and export them.",
        subcommands = {
            SavedUsersListCommand.class,
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
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a users command, for example: users list --env sandbox");
    }
}
