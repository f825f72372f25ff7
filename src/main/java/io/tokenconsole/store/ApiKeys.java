package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the API key id and secret for an environment. For the sandbox and production:
 * {@code ARGYLE_API_KEY_ID} and {@code ARGYLE_API_KEY_SECRET} when both are set (scripted use),
 * otherwise the key id from {@link Settings} with the secret from the {@link CredentialStore}.
 * One variable without the other is refused rather than mixed with the saved pair.
 * The local sandbox always uses its generated pair.
 */
public final class ApiKeys {

    public static final String KEY_ID_VARIABLE = "ARGYLE_API_KEY_ID";
    public static final String SECRET_VARIABLE = "ARGYLE_API_KEY_SECRET";

    private final Settings settings;
    private final CredentialStore store;
    private final Map<String, String> environmentVariables;
    private final LocalSandboxMaterial localSandbox;

    public ApiKeys(Settings settings, CredentialStore store, Map<String, String> environmentVariables,
            LocalSandboxMaterial localSandbox) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.localSandbox = Objects.requireNonNull(localSandbox, "localSandbox");
    }

    public Optional<ApiCredentials> forEnvironment(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (environment == Environment.LOCAL) {
            return Optional.of(new ApiCredentials(environment, localSandbox.apiKeyId(),
                    Secret.of(localSandbox.apiSecret()), ApiCredentials.Source.LOCAL_SANDBOX));
        }
        Optional<String> keyId = variable(KEY_ID_VARIABLE);
        Optional<String> secret = variable(SECRET_VARIABLE);
        if (keyId.isPresent() && secret.isPresent()) {
            return Optional.of(new ApiCredentials(environment, keyId.get(), Secret.of(secret.get()),
                    ApiCredentials.Source.ENVIRONMENT_VARIABLES));
        }
        if (keyId.isPresent() != secret.isPresent()) {
            // Half an override would pair one key's id with another key's secret: a puzzling 401.
            throw new IllegalStateException((keyId.isPresent() ? KEY_ID_VARIABLE : SECRET_VARIABLE) + " is set but "
                    + (keyId.isPresent() ? SECRET_VARIABLE : KEY_ID_VARIABLE) + " is not; set both or neither");
        }
        Optional<String> savedKeyId = settings.apiKeyId(environment);
        Optional<Secret> savedSecret = store.secret(environment);
        if (savedKeyId.isEmpty() || savedSecret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiCredentials(environment, savedKeyId.get(), savedSecret.get(),
                store.isPersistent() ? ApiCredentials.Source.OS_CREDENTIAL_STORE : ApiCredentials.Source.SESSION_MEMORY));
    }

    /**
     * Keeps a key id (in settings) and its secret (in the credential store, never on disk in clear).
     * The settings change is audited without either value.
     */
    public void save(Environment environment, String keyId, Secret secret) {
        LocalSandboxMaterial.refuseLocal(environment);
        Objects.requireNonNull(secret, "secret");
        store.storeSecret(environment, secret);
        settings.setApiKeyId(environment, keyId);
    }

    public void forget(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        store.forgetSecret(environment);
        settings.setApiKeyId(environment, null);
    }

    /** What the settings pane shows under the secret field. */
    public String whereSecretsLive() {
        if (variable(KEY_ID_VARIABLE).isPresent() && variable(SECRET_VARIABLE).isPresent()) {
            return "Keys come from " + KEY_ID_VARIABLE + " / " + SECRET_VARIABLE;
        }
        return store.description();
    }

    public CredentialStore store() {
        return store;
    }

    private Optional<String> variable(String name) {
        String value = environmentVariables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
