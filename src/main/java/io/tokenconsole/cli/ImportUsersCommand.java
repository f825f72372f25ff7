package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ImportReport;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.workflow.SavedUserFiles;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code users import FILE}: saved users from a shared CSV or JSON file. Good rows are kept; each
 * bad one is listed with its line. The exit code is 1 when any row was rejected, so a script
 * notices, although the good rows are saved.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import saved users from a CSV or JSON file (- reads standard input).",
            "Good rows are saved; bad rows are listed by line and the exit code is 1."})
public final class ImportUsersCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Parameters(paramLabel = "FILE", description = "A .csv or .json file, or - for standard input.")
    String file;

    @Option(names = "--format", paramLabel = "csv|json", description = "Overrides the file extension.")
    String format;

    @Option(names = "--env", paramLabel = "ENV", converter = EnvironmentConverter.class,
            description = "Environment for rows that name none.")
    Environment environment;

    ImportUsersCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SharedUserList.Format chosen = ExportUsersCommand.format(spec, format, file);
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context); Reader in = open()) {
                ImportReport report = SavedUserFiles.importFrom(opened, in, chosen, environment,
                        "-".equals(file) ? "standard input" : Path.of(file).getFileName().toString(), file);
                context.out().println("Imported " + report.added() + " new, " + report.updated() + " already saved"
                        + StoreCommands.inTeam(opened)
                        + (report.rejected().isEmpty() ? "" : ", " + report.rejected().size() + " rejected:"));
                for (ImportReport.Rejected rejected : report.rejected()) {
                    context.out().println("  " + rejected);
                }
                return report.rejected().isEmpty() ? 0 : 1;
            }
        });
    }

    private Reader open() throws Exception {
        if ("-".equals(file)) {
            return new InputStreamReader(context.in(), StandardCharsets.UTF_8);
        }
        return SavedUserFiles.reader(Path.of(file));
    }
}
