package io.tokenconsole.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.NewUser;
import java.util.concurrent.Callable;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.UserDetails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code token-console users create}: a new Argyle user and its first token. Never retried. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an Argyle user and print its id and a first user token.",
            "Every field is optional. The request is sent once and never repeated automatically:",
            "if it fails without an answer, list users (by --external-id) before trying again."})
final class UsersCreateCommand implements Callable<Integer> {

    @Mixin
    ApiOptions api;

    @Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Option(names = "--external-id", paramLabel = "X", description = "Your own reference for the user (at most 100 characters).")
    String externalId;

    @Option(names = "--external-metadata", paramLabel = "JSON", description = "Any JSON to keep with the user.")
    String externalMetadata;

    @Option(names = "--first-name", paramLabel = "NAME")
    String firstName;

    @Option(names = "--last-name", paramLabel = "NAME")
    String lastName;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Option(names = {"--phone", "--phone-number"}, paramLabel = "NUMBER")
    String phoneNumber;

    @Option(names = ProductionGuard.FLAG, description = "Needed to create a user in production.")
    boolean confirmProduction;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    UsersCreateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NewUser user = new NewUser(externalId, metadata(), firstName, lastName, email, phoneNumber);
        try (CommandWorkspace recorded = CommandWorkspace.open(workspace, context);
                ApiSession session = ApiSession.open(api, context, recorded)) {
            ProductionGuard.check(session.client().target(), confirmProduction, "create a user");
            recorded.recorder().checkCanRecord();
            CreatedUser created;
            try {
                created = session.client().createUser(user);
            } catch (RuntimeException failure) {
                recorded.recorder().failed(session.environment(), AuditAction.USER_CREATED, null, failure);
                throw failure;
            }
            recorded.recorder().userCreated(session.environment(), created.id(),
                    new UserDetails(null, null, externalId), created.userToken());
            if (api.json) {
                JsonOutput.print(context.out(), created.toJson());
            } else {
                context.out().println("Created user " + created.id() + " in " + session.environment().displayName()
                        + StoreCommands.team(recorded.location()).map(name -> "; saved in the team workspace " + name).orElse("")
                        + ".");
                context.out().println("id: " + created.id());
                context.out().println("user_token: " + created.userToken());
            }
        }
        return 0;
    }

    private JsonNode metadata() {
        if (externalMetadata == null) {
            return null;
        }
        try {
            return new ObjectMapper().readTree(externalMetadata);
        } catch (JacksonException notJson) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--external-metadata is not valid JSON: " + notJson.getOriginalMessage());
        }
    }
}
