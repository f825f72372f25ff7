package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.UserDirectory;
import io.tokenconsole.store.UserPage;
import io.tokenconsole.store.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code users list}: the saved users of one environment, newest first, optionally searched. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the users saved for an environment, newest first.")
public final class SavedUsersListCommand implements Callable<Integer> {

    private final CommandContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--env", paramLabel = "ENV", defaultValue = "local",
            converter = WorkspaceOptions.EnvironmentConverter.class,
            description = "local, sandbox or production (default: ${DEFAULT-VALUE}).")
    Environment environment;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Start of an id, or part of a label, note or external id.")
    String search;

    @Option(names = "--limit", defaultValue = "50", description = "Users per page (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Users to skip, for the next page.")
    int offset;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    SavedUsersListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > UserDirectory.MAX_PAGE_SIZE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be between 1 and " + UserDirectory.MAX_PAGE_SIZE);
        }
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                UserPage page = opened.users().search(environment, search, limit, Math.max(0, offset));
                if (json) {
                    printJson(page);
                } else {
                    printTable(page);
                }
                return 0;
            }
        });
    }

    private void printJson(UserPage page) throws Exception {
        ObjectNode root = StoreCommands.JSON.createObjectNode();
        root.put("environment", environment.id());
        root.put("offset", page.offset());
        root.put("has_more", page.hasMore());
        ArrayNode users = root.putArray("users");
        page.users().forEach(user -> users.add(StoreCommands.json(user)));
        context.out().println(StoreCommands.JSON.writeValueAsString(root));
    }

    private void printTable(UserPage page) {
        if (page.users().isEmpty()) {
            context.out().println(search == null || search.isBlank()
                    ? "No users saved for " + environment.displayName() + "."
                    : "No user saved for " + environment.displayName() + " matches '" + search.strip() + "'.");
            return;
        }
        AlignedTable table = new AlignedTable("ID", "LABEL", "EXTERNAL ID", "CREATED (UTC)", "LAST TOKEN (UTC)", "ORIGIN", "NOTE");
        for (SavedUser user : page.users()) {
            table.add(user.id(), user.label(), user.externalId(), StoreCommands.time(user.createdAt()),
                    StoreCommands.time(user.lastTokenIssuedAt()), user.origin().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    user.note());
        }
        table.print(context.out());
        int shown = page.users().size();
        context.out().println(environment.displayName() + ": " + (page.offset() + 1) + "–" + (page.offset() + shown)
                + (page.hasMore() ? "; more with --offset " + (page.offset() + shown) : ""));
    }
}
