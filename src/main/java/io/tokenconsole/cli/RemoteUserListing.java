package io.tokenconsole.cli;

import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.argyle.UserPage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Users as the API lists them, newest first, a page at a time or all of them. */
final class RemoteUserListing {

    /** At 200 users a page, 100,000 users: more than a listing on a terminal is for. */
    static final int MOST_PAGES = 500;

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
                page = everyPage(session, request, page);
            }
            if (api.json) {
                JsonOutput.print(context.out(), page.toJson());
            } else {
                printTable(context.out(), page);
            }
        }
        return 0;
    }

    /**
     * Follows {@code next} to the end, but not for ever: a {@code next} without a cursor, a cursor
     * already followed (the API sent the listing round in a loop) or more than {@link #MOST_PAGES}
     * pages end the listing with a message saying which, instead of a hang or "No value present".
     */
    private static UserPage everyPage(ApiSession session, UserListRequest request, UserPage first) {
        List<User> users = new ArrayList<>(first.results());
        Set<String> followed = new HashSet<>();
        UserPage page = first;
        int pages = 1;
        while (page.hasNext()) {
            UserPage current = page;
            int usersSoFar = users.size();
            String cursor = page.nextCursor().orElseThrow(() -> new CommandFailure("The API's link to the next page has"
                    + " no cursor (" + shortened(current.next()) + "), so --all cannot follow it after " + usersSoFar
                    + " users. This is a fault of the server (or proxy); list a page at a time with --cursor instead."));
            if (!followed.add(cursor)) {
                throw new CommandFailure("The API sent a next-page cursor it had already sent, after " + users.size()
                        + " users on " + pages + " pages: following it would go round in a loop, so the listing"
                        + " stopped. This is a fault of the server (or proxy) at " + session.client().target().baseUrl() + ".");
            }
            if (pages >= MOST_PAGES) {
                throw new CommandFailure("Stopped after " + MOST_PAGES + " pages (" + users.size() + " users): --all"
                        + " follows at most that many. Narrow the list with --external-id, or page with --cursor.");
            }
            page = session.client().listUsers(request.after(cursor));
            users.addAll(page.results());
            pages++;
        }
        return new UserPage(null, null, users);
    }

    private static String shortened(java.net.URI url) {
        String text = String.valueOf(url);
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
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
