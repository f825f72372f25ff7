package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.workflow.SavedUserFiles;
import io.tokenconsole.workflow.WholeFileExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users export FILE|-}: saved users as CSV or JSON for a colleague. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export saved users to a CSV or JSON file (- writes to standard output).")
public final class ExportUsersCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Parameters(paramLabel = "FILE", description = "A .csv or .json file, or - for standard output.")
    String file;

    @Option(names = "--format", paramLabel = "csv|json", description = "Overrides the file extension (default for -: csv).")
    String format;

    @Option(names = "--env", paramLabel = "ENV", converter = EnvironmentConverter.class,
            description = "Only this environment (default: all).")
    Environment environment;

    @Option(names = "--force", description = "Replace FILE if it exists (only ever a regular file).")
    boolean force;

    ExportUsersCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SharedUserList.Format chosen = format(spec, format, file);
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                SharedUserList list = new SharedUserList(opened);
                if ("-".equals(file)) {
                    list.export(environment, chosen, context.out());
                    context.out().flush();
                    return 0;
                }
                Path target = Path.of(file).toAbsolutePath();
                int count = SavedUserFiles.export(opened, environment, chosen, target,
                        force ? WholeFileExport.Existing.REPLACE : WholeFileExport.Existing.KEEP);
                context.err().println("Exported " + count + " saved users"
                        + StoreCommands.team(opened.location()).map(name -> " from the team workspace " + name).orElse("")
                        + " to " + target);
                return 0;
            }
        });
    }

    /** {@code --format} if given, else the extension; standard streams default to CSV. */
    static SharedUserList.Format format(CommandLine.Model.CommandSpec spec, String format, String file) {
        if (format != null) {
            try {
                return SharedUserList.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format must be csv or json, not '" + format + "'");
            }
        }
        if ("-".equals(file)) {
            return SharedUserList.Format.CSV;
        }
        return SharedUserList.Format.fromFileName(file).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "Cannot tell the format of '" + file + "': name it .csv or .json, or pass --format"));
    }
}
