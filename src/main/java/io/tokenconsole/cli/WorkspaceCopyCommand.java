package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceCopy;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workspace copy --to URL}: the saved users and the audit log of the workspace in use, copied into
 * another — a personal workspace into the team's. Idempotent: what is there already is left as it is, so
 * running it again copies nothing, and a copy cut short is finished by running it again.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy the saved users and the audit log of the workspace in use into another workspace,",
            "e.g. this computer's into the team's. What is there already is kept once: running it again copies nothing."})
final class WorkspaceCopyCommand implements Callable<Integer> {

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--to", paramLabel = "URL|local", required = true,
            description = "Where to copy to: postgresql://user@host:port/db, or local for this computer.")
    String to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    WorkspaceCopyCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        WorkspaceLocation target;
        try {
            target = WorkspaceChoice.location(WorkspaceOptions.localWord(to), workspace.folder(context), "--to");
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
        }
        WorkspaceChoice choice = workspace.choice(context);
        if (choice.location().equals(target)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to names the workspace in use ("
                    + target.describe() + "); a workspace is not copied into itself. Choose the source with"
                    + " --workspace, or name another --to.");
        }
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace from = workspace.open(context);
                    Workspace into = Workspace.open(new WorkspaceChoice(target, WorkspaceChoice.Source.OPTION,
                            choice.configuredOperator()), context.clock(), WorkspaceOptions.passwords(context))) {
                WorkspaceCopy.CopyReport report = WorkspaceCopy.copy(from, into);
                if (json) {
                    printJson(from, into, report);
                } else {
                    print(from, into, report);
                }
                return 0;
            } catch (WorkspaceException failed) {
                throw new WorkspaceException(failed.whatWentWrong()
                        + " Whatever was copied before this stays; run the copy again to finish it.", failed);
            }
        });
    }

    private void print(Workspace from, Workspace into, WorkspaceCopy.CopyReport report) {
        var out = context.out();
        out.println("Copied from " + from.location().describe() + " to " + into.location().describe() + ":");
        out.println("  saved users: " + report.usersAdded() + " added, " + report.usersUpdated() + " updated, "
                + report.usersSame() + " already there");
        out.println("  audit rows:  " + report.auditCopied() + " copied, " + report.auditAlreadyThere() + " already there");
        if (report.usersAdded() + report.usersUpdated() + report.auditCopied() == 0) {
            out.println("Nothing was new: everything was already there.");
        }
    }

    private void printJson(Workspace from, Workspace into, WorkspaceCopy.CopyReport report) {
        ObjectNode root = StoreCommands.JSON.createObjectNode();
        root.put("from", from.location().describe());
        root.put("to", into.location().describe());
        ObjectNode users = root.putObject("users");
        users.put("added", report.usersAdded());
        users.put("updated", report.usersUpdated());
        users.put("already_there", report.usersSame());
        ObjectNode audit = root.putObject("audit_rows");
        audit.put("copied", report.auditCopied());
        audit.put("already_there", report.auditAlreadyThere());
        JsonOutput.print(context.out(), root);
    }
}
