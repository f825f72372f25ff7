package io.tokenconsole.cli;

import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.store.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code users list}: the users saved in the workspace for an environment — the list support
 * works from — or, with {@code --remote}, the users the API itself lists.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the users saved for an environment, newest first.",
            "With --remote, list the users the API has instead (follow 'next cursor' with --cursor, or --all)."})
final class UsersListCommand implements Callable<Integer> {

    private static final int SAVED_PAGE = 50;
    private static final int REMOTE_PAGE = 10;

    @Mixin
    ApiOptions api;

    @Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--remote", description = "Ask the API instead of the workspace.")
    boolean remote;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Saved users only: start of an id, or part of a label, note or external id.")
    String search;

    @Option(names = "--limit", paramLabel = "N",
            description = "Users per page (default: " + SAVED_PAGE + " saved, " + REMOTE_PAGE + " with --remote).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Saved users only: users to skip, for the next page.")
    Integer offset;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "With --remote: start at this page.")
    String cursor;

    @Option(names = "--all", description = "With --remote: follow every page to the end.")
    boolean all;

    @Option(names = "--external-id", paramLabel = "X", description = "With --remote: only users with exactly this external id.")
    String externalId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    UsersListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (remote) {
            refuse(search != null, "--search", "saved users");
            refuse(offset != null, "--offset", "saved users");
            int pageSize = limit == null ? REMOTE_PAGE : checked(limit, UserListRequest.LARGEST_PAGE);
            return new RemoteUserListing(context, api, workspace).print(pageSize, cursor, all, externalId);
        }
        List<String> remoteOnly = new ArrayList<>();
        if (cursor != null) {
            remoteOnly.add("--cursor");
        }
        if (all) {
            remoteOnly.add("--all");
        }
        if (externalId != null) {
            remoteOnly.add("--external-id");
        }
        if (api.baseUrl != null) {
            remoteOnly.add("--base-url");
        }
        if (!remoteOnly.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join(", ", remoteOnly)
                    + " ask the API: add --remote. Without it, users list shows the users saved in the workspace.");
        }
        int pageSize = limit == null ? SAVED_PAGE : checked(limit, UserDirectory.MAX_PAGE_SIZE);
        return new SavedUserListing(context, api.environment, search)
                .print(workspace, pageSize, offset == null ? 0 : offset, api.json);
    }

    private int checked(int value, int largest) {
        if (value < 1 || value > largest) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and " + largest);
        }
        return value;
    }

    private void refuse(boolean given, String option, String what) {
        if (given) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " works on " + what + ": leave out --remote.");
        }
    }
}
