package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.UserPage;
import io.tokenconsole.store.Workspace;

/** The users saved in the workspace for one environment, newest first, optionally searched. */
final class SavedUserListing {

    private final CommandContext context;
    private final Environment environment;
    private final String search;

    SavedUserListing(CommandContext context, Environment environment, String search) {
        this.context = context;
        this.environment = environment;
        this.search = search;
    }

    int print(WorkspaceOptions workspace, int limit, int offset, boolean json) throws Exception {
        return StoreCommands.explainFailures(context, () -> {
            try (Workspace opened = workspace.open(context)) {
                UserPage page = opened.users().search(environment, search, limit, Math.max(0, offset));
                if (json) {
                    printJson(page, opened);
                } else {
                    printTable(page, StoreCommands.inTeam(opened));
                }
                return 0;
            }
        });
    }

    private void printJson(UserPage page, Workspace opened) throws Exception {
        ObjectNode root = StoreCommands.JSON.createObjectNode();
        root.put("workspace", opened.location().describe());
        root.put("environment", environment.id());
        root.put("offset", page.offset());
        root.put("has_more", page.hasMore());
        ArrayNode users = root.putArray("users");
        page.users().forEach(user -> users.add(StoreCommands.json(user)));
        JsonOutput.print(context.out(), root);
    }

    private void printTable(UserPage page, String where) {
        if (page.users().isEmpty()) {
            context.out().println(search == null || search.isBlank()
                    ? "No users saved for " + environment.displayName() + where + "."
                    : "No user saved for " + environment.displayName() + " matches '" + search.strip() + "'" + where + ".");
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
                + (page.hasMore() ? "; more with --offset " + (page.offset() + shown) : "") + where);
    }
}
