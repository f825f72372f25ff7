package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SharedUserList;
import io.tokenconsole.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                checkReplaceable(target, force);
                int count = writeThenMove(target, force, out -> list.export(environment, chosen, out));
                context.err().println("Exported " + count + " saved users to " + target);
                return 0;
            }
        });
    }

    /**
     * An export never replaces what is not a regular file — a symlink, a FIFO, a folder, a device
     * such as {@code /dev/full} — and replaces a regular file only with {@code --force}.
     */
    private static void checkReplaceable(Path target, boolean force) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " exists and is not a regular file ("
                    + kind(target) + "): an export only ever replaces a file. Choose another name.");
        }
        if (!force) {
            throw new IllegalArgumentException(target + " exists: add --force to replace it, or choose another name.");
        }
    }

    private static String kind(Path target) {
        if (Files.isSymbolicLink(target)) {
            return "a symbolic link";
        }
        return Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a device, pipe or socket";
    }

    /**
     * Written to a temporary file beside the target and moved over it in one step, so an interrupted
     * export never leaves half a file. Without {@code --force} the move refuses to replace anything
     * that appeared meanwhile; with it, what is there is checked again just before the move.
     */
    private static int writeThenMove(Path target, boolean force, java.util.function.ToIntFunction<Writer> export) {
        Path folder = target.getParent();
        try {
            Path temporary = Files.createTempFile(folder, ".export", ".tmp");
            try {
                int count;
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    count = export.applyAsInt(out);
                }
                checkReplaceable(target, force);
                if (force) {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    // Without REPLACE_EXISTING the move fails if something appeared at the name meanwhile.
                    Files.move(temporary, target);
                }
                return count;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (java.nio.file.FileAlreadyExistsException appeared) {
            throw new IllegalArgumentException(target + " appeared while exporting: add --force to replace it.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
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
