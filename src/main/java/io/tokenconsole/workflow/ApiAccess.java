package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.CredentialStoreException;
import io.tokenconsole.store.SavedKey;
import io.tokenconsole.store.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Works out where a call goes and with which key — the same way for the window and the command
 * line. What the person gave for this call (a base URL, a key) wins; what is left open comes from
 * the workspace: the saved base URL override and the saved API key. The local sandbox needs no key
 * from anyone: it is the console's own.
 */
public final class ApiAccess {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** What a person gave for one call, over what is saved. */
    public record Given(Optional<URI> baseUrl, Optional<String> keyId, Optional<String> secret) {

        public static final Given NOTHING = new Given(Optional.empty(), Optional.empty(), Optional.empty());

        public Given {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Given[baseUrl=" + baseUrl + ", keyId=" + keyId + ", secret=" + secret.map(s -> "(hidden)") + "]";
        }
    }

    /** The local sandbox to talk to: the window's running one, or one started for a command. */
    public interface LocalSandboxSource {
        /** The sandbox, started if need be; {@code key} replaces its API key when given. */
        Lease open(Optional<ApiKey> key) throws IOException;
    }

    /** A sandbox in use; closing it stops the sandbox only if it was started for this use. */
    public interface Lease extends AutoCloseable {
        LocalSandbox sandbox();

        @Override
        void close();
    }

    /** No usable key for an environment that needs one: the message says where to put one. */
    public static final class MissingKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why there is no key: none saved, its secret gone from the keyring, or no keyring answering. */
        public enum Why { NONE_SAVED, SECRET_MISSING, STORE_UNUSABLE }

        private final Why why;
        private final String problem;

        MissingKey(Environment environment) {
            this(Why.NONE_SAVED, "No API key for " + environment.displayName() + ": save one in Settings, or set "
                    + ApiKeys.KEY_ID_VARIABLE + " and " + ApiKeys.SECRET_VARIABLE + ".");
        }

        MissingKey(Why why, String problem) {
            super(why == Why.STORE_UNUSABLE ? problem + " Or set " + ApiKeys.KEY_ID_VARIABLE + " and "
                    + ApiKeys.SECRET_VARIABLE + "." : problem);
            this.why = why;
            this.problem = problem;
        }

        public Why why() {
            return why;
        }

        /** The problem alone, without the advice to use the environment variables. */
        public String problem() {
            return problem;
        }
    }

    private final Settings settings;
    private final Supplier<ApiKeys> keys;
    private final LocalSandboxSource localSandbox;
    private final HttpClient http;
    private final ClientSettings clientSettings;

    /**
     * @param keys asked only when a call needs a saved key: finding the OS credential store can
     *             take seconds when it does not answer
     */
    public ApiAccess(Settings settings, Supplier<ApiKeys> keys, LocalSandboxSource localSandbox, HttpClient http,
            ClientSettings clientSettings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.localSandbox = Objects.requireNonNull(localSandbox, "localSandbox");
        this.http = Objects.requireNonNull(http, "http");
        this.clientSettings = Objects.requireNonNull(clientSettings, "clientSettings");
    }

    /** The target a call to {@code environment} would go to, without starting anything (for confirmations). */
    public Optional<ApiTarget> plannedTarget(Environment environment, Given given) {
        Optional<URI> baseUrl = given.baseUrl().or(() -> settings.baseUrlOverride(environment));
        if (baseUrl.isEmpty() && environment == Environment.LOCAL) {
            return Optional.empty();
        }
        return Optional.of(baseUrl.map(url -> new ApiTarget(environment, url)).orElseGet(() -> ApiTarget.of(environment)));
    }

    /**
     * A client for {@code environment}. Throws {@link MissingKey} when no key is given or saved,
     * {@link IllegalArgumentException} for a base URL that is not one, and {@link IOException}
     * when the local sandbox cannot start.
     */
    public Connection connect(Environment environment, Given given) throws IOException {
        Optional<String> keyId = given.keyId();
        Optional<String> secret = given.secret();
        Optional<URI> baseUrl = given.baseUrl().or(() -> settings.baseUrlOverride(environment));
        if (environment == Environment.LOCAL && baseUrl.isEmpty()) {
            Optional<ApiKey> ownKey = keyId.isPresent() && secret.isPresent()
                    ? Optional.of(new ApiKey(keyId.get(), secret.get())) : Optional.empty();
            Lease lease = localSandbox.open(ownKey);
            LocalSandbox sandbox = lease.sandbox();
            ArgyleClient client = new ArgyleClient(http, new ApiTarget(environment, sandbox.baseUrl()),
                    new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret()), clientSettings);
            return new Connection(client, lease);
        }
        if (keyId.isEmpty() && secret.isEmpty()) {
            Optional<ApiCredentials> saved = savedKey(environment);
            keyId = saved.map(ApiCredentials::keyId);
            secret = saved.map(credentials -> credentials.secret().reveal());
        }
        if (keyId.isEmpty() || secret.isEmpty()) {
            throw new MissingKey(environment);
        }
        ApiTarget target = baseUrl.map(url -> new ApiTarget(environment, url)).orElseGet(() -> ApiTarget.of(environment));
        return new Connection(new ArgyleClient(http, target, new Credentials(keyId.get(), secret.get()), clientSettings),
                null);
    }

    /**
     * The saved key, or a message that says why it can't be used: a key id whose secret was removed
     * from the keyring outside the console, a keyring that is locked or stopped answering.
     */
    private Optional<ApiCredentials> savedKey(Environment environment) {
        ApiKeys saved = keys.get();
        try {
            Optional<ApiCredentials> found = saved.forEnvironment(environment);
            if (found.isPresent()) {
                return found;
            }
        } catch (CredentialStoreException unusable) {
            throw new MissingKey(MissingKey.Why.STORE_UNUSABLE, unusable.getMessage());
        }
        SavedKey state = saved.savedKey(environment);
        return switch (state.state()) {
            case SECRET_MISSING -> throw new MissingKey(MissingKey.Why.SECRET_MISSING, state.sentence());
            case STORE_UNUSABLE -> throw new MissingKey(MissingKey.Why.STORE_UNUSABLE, state.sentence());
            default -> Optional.empty();
        };
    }

    /** A client ready for calls; closing it stops a sandbox started for it. */
    public static final class Connection implements AutoCloseable {
        private final ArgyleClient client;
        private final Lease lease;

        Connection(ArgyleClient client, Lease lease) {
            this.client = client;
            this.lease = lease;
        }

        public ArgyleClient client() {
            return client;
        }

        public ApiTarget target() {
            return client.target();
        }

        public Environment environment() {
            return client.target().environment();
        }

        @Override
        public void close() {
            if (lease != null) {
                lease.close();
            }
        }
    }
}
