package io.tokenconsole.cli;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workspace use URL|local}: saves which workspace this person's commands and window use — after
 * checking it can be opened (reached, signed in to, a schema this version knows). A workspace that cannot
 * be used is not saved, and the message says why.
 */
@Command(name = "use", mixinStandardHelpOptions = true,
        description = {"Choose the workspace for the next commands and the window's next start:",
            "a team's PostgreSQL (postgresql://user@host:port/db) or 'local' for this computer.",
            "It is opened first; one that cannot be used is not saved."})
final class WorkspaceUseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL|local", description = "postgresql://user@host:port/db, or local.")
    String target;

    // Not the whole WorkspaceOptions: the workspace to use is the argument, not --workspace.
    @Option(names = "--data-dir", paramLabel = "DIR", description = WorkspaceOptions.DATA_DIR_HELP)
    Path dataDir;

    @Option(names = "--operator", paramLabel = "NAME",
            description = "The name audit rows give you (default: the database role in a team workspace, else your"
                    + " user name); \"\" goes back to the default.")
    String operatorName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    WorkspaceUseCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        WorkspaceOptions options = new WorkspaceOptions();
        options.dataDir = dataDir;
        DataFolder folder = options.folder(context);
        WorkspaceLocation location;
        try {
            location = WorkspaceChoice.location(WorkspaceOptions.localWord(target), folder, "the address given");
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(spec.commandLine(), bad.getMessage());
        }
        Optional<String> operator = operatorName != null ? Optional.of(operatorName) : configuredOperator(folder);
        try (Workspace opened = Workspace.open(new WorkspaceChoice(location, WorkspaceChoice.Source.OPTION,
                operator.filter(name -> !name.isBlank()).map(Operator::new)), context.clock(),
                WorkspaceOptions.passwords(context))) {
            WorkspaceChoice.save(folder, location, operator);
            context.out().println("Now using " + location.describe() + (location instanceof WorkspaceLocation.Team
                    ? " (reachable, schema " + opened.schemaVersion() + ")" : "") + ". Saved in "
                    + folder.path().resolve(WorkspaceChoice.FILE_NAME) + "; the window uses it from its next start.");
        } catch (WorkspaceException | java.io.UncheckedIOException cannotUse) {
            throw new CommandFailure((cannotUse instanceof WorkspaceException unusable ? unusable.whatWentWrong()
                    : cannotUse.getMessage()) + " The workspace choice was not changed.");
        } catch (IllegalArgumentException badName) {
            throw new CommandLine.ParameterException(spec.commandLine(), badName.getMessage());
        }
        context.envVar(WorkspaceChoice.VARIABLE).ifPresent(variable -> context.err().println("Note: "
                + WorkspaceChoice.VARIABLE + " is set here and wins over the saved choice; unset it to use "
                + location.describe() + "."));
        return 0;
    }

    private Optional<String> configuredOperator(DataFolder folder) {
        try {
            return WorkspaceChoice.resolve(Optional.empty(), java.util.Map.of(), folder).configuredOperator().map(Operator::name);
        } catch (IllegalArgumentException unreadable) {
            // A damaged choice file is replaced by this choice.
            return Optional.empty();
        }
    }
}
