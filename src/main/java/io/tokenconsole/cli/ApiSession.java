package io.tokenconsole.cli;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.workflow.ApiAccess;
import java.io.IOException;
import java.util.Optional;

/** A client ready for one command: what the options and environment variables give, over what is saved. */
final class ApiSession implements AutoCloseable {

    private final ApiAccess.Connection connection;

    private ApiSession(ApiAccess.Connection connection) {
        this.connection = connection;
    }

    static ApiSession open(ApiOptions options, CommandContext context, CommandWorkspace workspace) {
        ApiAccess.Given given = new ApiAccess.Given(Optional.ofNullable(options.baseUrl),
                Optional.ofNullable(options.apiKeyId).or(() -> context.envVar(ApiOptions.KEY_ID_VARIABLE)),
                Optional.ofNullable(options.apiKeySecret).or(() -> context.envVar(ApiOptions.SECRET_VARIABLE)));
        try {
            return new ApiSession(workspace.apiAccess().connect(options.environment, given));
        } catch (ApiAccess.MissingKey missing) {
            throw new CommandFailure(switch (missing.why()) {
                case NONE_SAVED -> missing.getMessage() + " Or pass --api-key-id and --api-key-secret.";
                case SECRET_MISSING -> missing.problem();
                case STORE_UNUSABLE -> missing.problem() + " Or set " + ApiOptions.KEY_ID_VARIABLE + " and "
                        + ApiOptions.SECRET_VARIABLE + " for this command.";
            });
        } catch (IOException cannotStart) {
            throw new CommandFailure("Could not start the local sandbox: " + cannotStart.getMessage());
        } catch (IllegalArgumentException | IllegalStateException wrong) {
            throw new CommandFailure(wrong.getMessage());
        }
    }

    ArgyleClient client() {
        return connection.client();
    }

    Environment environment() {
        return connection.environment();
    }

    @Override
    public void close() {
        connection.close();
    }
}
