package io.tokenconsole.cli;

import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.argyle.UserPage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code token-console users list}: users as the API lists them, a page at a time or all. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List users from the API, newest first, a page at a time (or --all).",
            "Follow 'next cursor' with --cursor for the following page."})
final class RemoteUsersListCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Option(names = "--remote", description = "Ask the API (what this command does today; kept so scripts can say so).")
    boolean remote;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "Users per page, 1 to " + UserListRequest.LARGEST_PAGE + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Start at this page (from 'next cursor').")
    String cursor;

    @Option(names = "--all", description = "Follow every page to the end.")
    boolean all;

    @Option(names = "--external-id", paramLabel = "X", description = "Only users with exactly this external id.")
    String externalId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    RemoteUsersListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > UserListRequest.LARGEST_PAGE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be between 1 and " + UserListRequest.LARGEST_PAGE);
        }
        UserListRequest request = new UserListRequest(limit, cursor, externalId);
        try (ApiSession session = ApiSession.open(api, context)) {
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
