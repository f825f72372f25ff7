package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the API key id and secret for an environment. For the sandbox and production:
 * {@code ARGYLE_API_KEY_ID} and {@code ARGYLE_API_KEY_SECRET} when both are set (scripted use),
 * otherwise the key id from {@link Settings} with the secret from the {@link CredentialStore}.
 * One variable without the other is refused rather than mixed with the saved pair.
 * The local sandbox always uses its generated pair.
 *
 * <p>When the OS store is locked or stops answering, the window keeps a secret entered meanwhile in
 * this session's memory ({@link #saveOrKeepForSession}) and uses it; the command line refuses instead
 * ({@link #save}), since its process has no session to remember anything in.
 */
public final class ApiKeys {

    public static final String KEY_ID_VARIABLE = "ARGYLE_API_KEY_ID";
    public static final String SECRET_VARIABLE = "ARGYLE_API_KEY_SECRET";

    private final Settings settings;
    private final CredentialStore store;
    private final SessionCredentialStore sessionFallback = new SessionCredentialStore("Secret kept for this session only");
    private final Map<String, String> environmentVariables;
    private final Supplier<LocalSandboxMaterial> localSandbox;

    public ApiKeys(Settings settings, CredentialStore store, Map<String, String> environmentVariables,
            LocalSandboxMaterial localSandbox) {
        this(settings, store, environmentVariables, supplierOf(Objects.requireNonNull(localSandbox, "localSandbox")));
    }

    /** With the local sandbox's key read only when the local sandbox is asked for (the CLI's keys commands never do). */
    public ApiKeys(Settings settings, CredentialStore store, Map<String, String> environmentVariables,
            Supplier<LocalSandboxMaterial> localSandbox) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.localSandbox = Objects.requireNonNull(localSandbox, "localSandbox");
    }

    private static Supplier<LocalSandboxMaterial> supplierOf(LocalSandboxMaterial material) {
        return () -> material;
    }

    /**
     * The key to use, empty when none is saved (or its secret was removed outside the console).
     *
     * @throws IllegalStateException only one of the two environment variables is set
     * @throws CredentialStoreException the OS store is locked or stopped answering, and this session
     *     holds no secret for the environment either
     */
    public Optional<ApiCredentials> forEnvironment(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        if (environment == Environment.LOCAL) {
            LocalSandboxMaterial local = localSandbox.get();
            return Optional.of(new ApiCredentials(environment, local.apiKeyId(),
                    Secret.of(local.apiSecret()), ApiCredentials.Source.LOCAL_SANDBOX));
        }
        Optional<ApiCredentials> fromVariables = fromVariables(environment);
        if (fromVariables.isPresent()) {
            return fromVariables;
        }
        Optional<String> savedKeyId = settings.apiKeyId(environment);
        if (savedKeyId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Secret> kept = sessionFallback.secret(environment);
        if (kept.isPresent()) {
            return Optional.of(new ApiCredentials(environment, savedKeyId.get(), kept.get(), ApiCredentials.Source.SESSION_MEMORY));
        }
        return store.secret(environment).map(secret -> new ApiCredentials(environment, savedKeyId.get(), secret,
                store.isPersistent() ? ApiCredentials.Source.OS_CREDENTIAL_STORE : ApiCredentials.Source.SESSION_MEMORY));
    }

    /** What is saved for an environment and where its secret lives; store problems are in the answer, not thrown. */
    public SavedKey savedKey(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        Optional<String> keyId = settings.apiKeyId(environment);
        try {
            Optional<ApiCredentials> found = forEnvironment(environment);
            if (found.isPresent()) {
                ApiCredentials credentials = found.get();
                return switch (credentials.source()) {
                    case ENVIRONMENT_VARIABLES -> new SavedKey(environment, Optional.of(credentials.keyId()),
                            SavedKey.State.ENVIRONMENT_VARIABLES, "environment variables", null);
                    case OS_CREDENTIAL_STORE -> new SavedKey(environment, keyId, SavedKey.State.OS_STORE, store.name(), null);
                    default -> new SavedKey(environment, keyId, SavedKey.State.SESSION_MEMORY, "this session's memory", null);
                };
            }
            if (keyId.isPresent() && !store.isPersistent()) {
                // Saved while an OS store answered (or in an earlier session's memory); none answers now.
                return new SavedKey(environment, keyId, SavedKey.State.STORE_UNUSABLE, store.name(),
                        "No OS credential store answered, so the secret of key id " + keyId.get()
                                + " can't be read. Start or unlock your keyring and try again.");
            }
            return new SavedKey(environment, keyId, keyId.isPresent() ? SavedKey.State.SECRET_MISSING : SavedKey.State.NONE,
                    store.name(), null);
        } catch (CredentialStoreException unusable) {
            return new SavedKey(environment, keyId, SavedKey.State.STORE_UNUSABLE, store.name(), unusable.getMessage());
        } catch (IllegalStateException halfOverride) {
            return new SavedKey(environment, keyId, SavedKey.State.STORE_UNUSABLE, "environment variables",
                    halfOverride.getMessage());
        }
    }

    /**
     * Keeps a key id (in settings) and its secret (in the credential store, never on disk in clear).
     * The settings change is audited without either value.
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering; nothing was saved
     */
    public void save(Environment environment, String keyId, Secret secret) {
        LocalSandboxMaterial.refuseLocal(environment);
        Objects.requireNonNull(secret, "secret");
        store.storeSecret(environment, keyId, secret);
        sessionFallback.forgetSecret(environment);
        settings.setApiKeyId(environment, keyId);
    }

    /**
     * The window's save: into the store, or — when it is locked or stopped answering — into this
     * session's memory, and the answer says so. Returns the message for the pane.
     */
    public String saveOrKeepForSession(Environment environment, String keyId, Secret secret) {
        try {
            save(environment, keyId, secret);
            // Where it went is the pane's status line, right below.
            return "Saved the API key for " + environment.displayName() + ".";
        } catch (CredentialStoreException unusable) {
            sessionFallback.storeSecret(environment, keyId, secret);
            settings.setApiKeyId(environment, keyId);
            return unusable.getMessage() + " The secret is kept for this session only; save it again once the "
                    + store.name() + " answers.";
        }
    }

    /**
     * Forgets the key id and removes the secret from the store and this session.
     *
     * @return {@code true} when a secret was removed from the store
     * @throws CredentialStoreException the OS store is locked or stopped answering; the key id is kept
     */
    public boolean forget(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        sessionFallback.forgetSecret(environment);
        boolean removed = store.forgetSecret(environment);
        settings.setApiKeyId(environment, null);
        return removed;
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

    private Optional<ApiCredentials> fromVariables(Environment environment) {
        Optional<String> keyId = variable(KEY_ID_VARIABLE);
        Optional<String> secret = variable(SECRET_VARIABLE);
        if (keyId.isPresent() != secret.isPresent()) {
            // Half an override would pair one key's id with another key's secret: a puzzling 401.
            throw new IllegalStateException((keyId.isPresent() ? KEY_ID_VARIABLE : SECRET_VARIABLE) + " is set but "
                    + (keyId.isPresent() ? SECRET_VARIABLE : KEY_ID_VARIABLE) + " is not; set both or neither");
        }
        return keyId.map(id -> new ApiCredentials(environment, id, Secret.of(secret.get()),
                ApiCredentials.Source.ENVIRONMENT_VARIABLES));
    }

    private Optional<String> variable(String name) {
        String value = environmentVariables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
