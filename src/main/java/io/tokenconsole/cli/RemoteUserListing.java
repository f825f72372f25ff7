package io.tokenconsole.cli;

import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.argyle.UserPage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Users as the API lists them, newest first, a page at a time or all of them. */
final class RemoteUserListing {

    private final CommandContext context;
    private final ApiOptions api;

    private final WorkspaceOptions workspace;

    RemoteUserListing(CommandContext context, ApiOptions api, WorkspaceOptions workspace) {
        this.context = context;
        this.api = api;
        this.workspace = workspace;
    }

    int print(int limit, String cursor, boolean all, String externalId) {
        UserListRequest request = new UserListRequest(limit, cursor, externalId);
        try (CommandWorkspace saved = CommandWorkspace.open(workspace, context);
                ApiSession session = ApiSession.open(api, context, saved)) {
            UserPage page = session.client().listUsers(request);
            if (all) {
                List<User> users = new ArrayList<>(page.results());
                while (page.hasNext()) {
                    page = session.client().listUsers(request.after(page.nextCursor().orElseThrow()));
                    users.addAll(page.results());
                }
                page = new UserPage(null, null, users);
            }
            if (api.json) {
                JsonOutput.print(context.out(), page.toJson());
            } else {
                printTable(context.out(), page);
            }
        }
        return 0;
    }

    private static void printTable(PrintWriter out, UserPage page) {
        if (page.results().isEmpty()) {
            out.println("No users.");
        }
        for (User user : page.results()) {
            out.println(String.join("  ", user.id(), orDash(user.createdAt()), orDash(user.externalId()),
                    orDash(name(user)), orDash(user.email())));
        }
        page.nextCursor().ifPresent(next -> out.println("next cursor: " + next));
    }

    private static String name(User user) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).trim();
        return name.isEmpty() ? null : name;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

}
