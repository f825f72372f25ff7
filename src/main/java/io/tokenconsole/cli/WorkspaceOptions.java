package io.tokenconsole.cli;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data-dir}, shared by every command that opens the workspace. */
final class WorkspaceOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the workspace (default: $TOKEN_CONSOLE_HOME or the platform's data folder).")
    Path dataDir;

    DataFolder folder(CommandContext context) {
        return DataFolder.resolve(Optional.ofNullable(dataDir), System.getProperty("os.name", ""), context.env(),
                Path.of(System.getProperty("user.home", ".")));
    }

    Workspace open(CommandContext context) {
        return Workspace.open(folder(context), context.clock(), Operator.fromSystem());
    }
}
