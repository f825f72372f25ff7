package io.tokenconsole.cli;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.LocalSandboxMaterial;
import java.net.URI;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A client ready for one command: target and key worked out from the options and the environment
 * variables, and for {@code --env local} without a base URL, a local sandbox started for the
 * command and stopped after it.
 */
final class ApiSession implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ArgyleClient client;
    private final LocalSandbox sandbox;

    private ApiSession(ArgyleClient client, LocalSandbox sandbox) {
        this.client = client;
        this.sandbox = sandbox;
    }

    /**
     * Works out target and key from the options and environment variables; what they leave open comes
     * from the workspace: the local sandbox's key and signing key (so a sandbox started for one command
     * signs as the window's does), the base URL override and the API key saved in the settings pane.
     */
    static ApiSession open(ApiOptions options, CommandContext context, ActionRecorder workspace) {
        Environment environment = options.environment;
        Optional<String> keyId = Optional.ofNullable(options.apiKeyId).or(() -> context.envVar(ApiOptions.KEY_ID_VARIABLE));
        Optional<String> secret = Optional.ofNullable(options.apiKeySecret).or(() -> context.envVar(ApiOptions.SECRET_VARIABLE));
        if (environment != Environment.LOCAL && keyId.isEmpty() && secret.isEmpty()) {
            Optional<ApiCredentials> saved = workspace.savedKey(environment);
            keyId = saved.map(ApiCredentials::keyId);
            secret = saved.map(credentials -> credentials.secret().reveal());
        }
        URI baseUrl = options.baseUrl != null ? options.baseUrl : workspace.savedBaseUrl(environment).orElse(null);
        LocalSandbox sandbox = null;
        ApiTarget target;
        Credentials credentials;
        if (environment == Environment.LOCAL && baseUrl == null) {
            EmulatorConfig config = EmulatorConfig.defaults();
            LocalSandboxMaterial material = workspace.localSandbox();
            config = config.withApiKey(new ApiKey(material.apiKeyId(), material.apiSecret()))
                    .withSigningKey(SigningKey.of(material.signingKeys()));
            if (keyId.isPresent() && secret.isPresent()) {
                config = config.withApiKey(new ApiKey(keyId.get(), secret.get()));
            }
            try {
                sandbox = LocalSandbox.start(config);
            } catch (IOException cannotStart) {
                throw new CommandFailure("Could not start the local sandbox: " + cannotStart.getMessage());
            }
            target = new ApiTarget(environment, sandbox.baseUrl());
            credentials = new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret());
        } else {
            if (keyId.isEmpty() || secret.isEmpty()) {
                throw new CommandFailure("No API key for " + environment.displayName() + ": set "
                        + ApiOptions.KEY_ID_VARIABLE + " and " + ApiOptions.SECRET_VARIABLE
                        + " (or pass --api-key-id and --api-key-secret, or save a key in the window's Settings).");
            }
            try {
                target = baseUrl == null ? ApiTarget.of(environment) : new ApiTarget(environment, baseUrl);
                credentials = new Credentials(keyId.get(), secret.get());
            } catch (IllegalArgumentException wrong) {
                throw new CommandFailure(wrong.getMessage());
            }
        }
        ArgyleClient client = new ArgyleClient(ArgyleClient.newHttpClient(CONNECT_TIMEOUT), target, credentials,
                ClientSettings.DEFAULT);
        return new ApiSession(client, sandbox);
    }

    ArgyleClient client() {
        return client;
    }

    /** True when the local sandbox was started for this command alone: it starts empty and ends with it. */
    boolean isTemporarySandbox() {
        return sandbox != null;
    }

    Environment environment() {
        return client.target().environment();
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
