package io.tokenconsole.cli;

import io.tokenconsole.workflow.RecordedTokenIssuer;
import io.tokenconsole.argyle.IssuedToken;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code token-console tokens issue --user ID}: a fresh token for a returning user. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Issue a new user token for an existing user and print it.",
            "Argyle's advice: make a new token every time Link is opened, rather than watching 'exp'."})
final class TokensIssueCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--user", paramLabel = "ID", required = true, description = "The user's id.")
    String userId;

    @Option(names = ProductionGuard.FLAG, description = "Needed to issue a token in production.")
    boolean confirmProduction;

    private final CommandContext context;

    TokensIssueCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String user = userId.trim();
        try (CommandWorkspace workspace = CommandWorkspace.open(this.workspace, context);
                ApiSession session = ApiSession.open(api, context, workspace)) {
            ProductionGuard.check(session.client().target(), confirmProduction, "issue a token");
            workspace.recorder().checkCanRecord();
            IssuedToken token = new RecordedTokenIssuer(session.client(), workspace.recorder())
                    .issue(session.environment(), user);
            if (api.json) {
                JsonOutput.print(context.out(), token.toJson());
            } else {
                // The token alone, so it can be piped: tokens issue --user X | token-console inspect -
                context.out().println(token.userToken());
            }
        }
        return 0;
    }
}
