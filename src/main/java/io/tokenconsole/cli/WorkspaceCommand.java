package io.tokenconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console workspace …}: which workspace is in use, choosing one, its password, moving into a team's. */
@Command(
        name = "workspace",
        mixinStandardHelpOptions = true,
        description = {"Show and choose the workspace: this computer's (the default) or a team's PostgreSQL database.",
            "Saved users, the audit log and settings live in the workspace; the password of a team's database",
            "comes from PGPASSWORD, ~/.pgpass or the OS credential store ('workspace password'), never a URL."},
        subcommands = {WorkspaceShowCommand.class, WorkspaceUseCommand.class, WorkspacePasswordCommand.class,
            WorkspaceCopyCommand.class})
public final class WorkspaceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name what to do with the workspace: show, use, password or copy.");
    }
}
