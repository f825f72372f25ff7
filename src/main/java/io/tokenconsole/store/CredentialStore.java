package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the API secrets of the sandbox and production live: the operating system's credential
 * store when one answers, otherwise this process's memory. The console tells the person which,
 * because "kept for this session only" means typing it again tomorrow.
 *
 * <p>The local sandbox has no entry here: its generated secret is {@link LocalSandboxMaterial}.
 */
public sealed interface CredentialStore permits OsCredentialStore, SessionCredentialStore {

    Optional<Secret> secret(Environment environment);

    void storeSecret(Environment environment, Secret secret);

    void forgetSecret(Environment environment);

    /** {@code true} if a stored secret survives a restart. */
    boolean isPersistent();

    /** One sentence for the settings pane, such as "Secret kept for this session only — …". */
    String description();

    /** How long the OS store may take to answer the first time before the console gives up on it. */
    Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    /** The OS credential store if one is reachable, else a session-only store that says why. */
    static CredentialStore detect() {
        return OsCredentialStore.probe(PROBE_TIMEOUT)
                .<CredentialStore>map(store -> store)
                .orElseGet(() -> new SessionCredentialStore(
                        "Secret kept for this session only — no OS credential store found"));
    }

}
