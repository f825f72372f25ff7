package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API secrets of the sandbox and production live: the operating system's credential
 * store when one answers, otherwise this process's memory. The console tells the person which,
 * because "kept for this session only" means typing it again tomorrow.
 *
 * <p>The local sandbox has no entry here: its generated secret is {@link LocalSandboxMaterial}.
 */
public sealed interface CredentialStore permits OsCredentialStore, SessionCredentialStore {

    /**
     * The secret saved for an environment, empty when there is none.
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering
     */
    Optional<Secret> secret(Environment environment);

    /**
     * Keeps the secret; the key id names the item in the OS store (an attribute a person can search by).
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering
     */
    void storeSecret(Environment environment, String keyId, Secret secret);

    /** Removes the secret; {@code false} when none was kept. */
    boolean forgetSecret(Environment environment);

    /**
     * The password of a team workspace, kept under its address ({@link PostgresAddress#uri()}); empty when none.
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering
     */
    Optional<Secret> workspacePassword(String address);

    /**
     * Keeps a team workspace's password under its address.
     *
     * @throws CredentialStoreException the OS store is locked or stopped answering
     */
    void storeWorkspacePassword(String address, Secret password);

    /** Removes a team workspace's password; {@code false} when none was kept. */
    boolean forgetWorkspacePassword(String address);

    /** {@code true} if a stored secret survives a restart. */
    boolean isPersistent();

    /** Where the secret lives, for "secret in the …": "Secret Service keyring", "this session's memory". */
    String name();

    /** One sentence for the settings pane, such as "Secret kept for this session only — …". */
    String description();

    /**
     * How long the OS store may take to answer the first time before the console gives up on it: a cold
     * JVM needs about 1.5 s to load D-Bus and connect on a busy two-core machine.
     */
    Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    /** The OS credential store of this process's session if one is reachable, else a session-only store. */
    static CredentialStore detect() {
        return detect(System.getenv());
    }

    /**
     * The OS credential store if one is reachable, else a session-only store that says why. On Linux
     * the session bus is the one {@code environment} names ({@code DBUS_SESSION_BUS_ADDRESS}).
     */
    static CredentialStore detect(Map<String, String> environment) {
        return OsCredentialStore.probe(environment, System.getProperty("os.name", ""), PROBE_TIMEOUT)
                .<CredentialStore>map(store -> store)
                .orElseGet(() -> new SessionCredentialStore(
                        "Secret kept for this session only — no OS credential store found"));
    }

}
