package io.tokenconsole.store;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.tokenconsole.argyle.Environment;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the operating system's credential store through java-keyring: Secret Service (GNOME
 * Keyring, KWallet) on Linux, the Keychain on macOS, the Credential Manager on Windows. Entries are
 * filed under the service "Token Console" with the environment id as the account.
 */
public final class OsCredentialStore implements CredentialStore {

    static final String SERVICE = "Token Console";

    private final Keyring keyring;

    private OsCredentialStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The OS store, if one answers within the timeout. A Linux desktop without a Secret Service, a
     * headless server, or a D-Bus that accepts the connection and never replies all end up empty.
     */
    static Optional<OsCredentialStore> probe(Duration timeout) {
        FutureTask<Keyring> connect = new FutureTask<>(Keyring::create);
        Thread thread = new Thread(connect, "credential-store-probe");
        // A hung D-Bus call must not keep the console from exiting.
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(new OsCredentialStore(connect.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (ExecutionException e) {
            // BackendNotSupportedException and friends, or a native library that failed to load.
            return Optional.empty();
        } catch (TimeoutException e) {
            connect.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public Optional<Secret> secret(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        try {
            String value = keyring.getPassword(SERVICE, environment.id());
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
        } catch (PasswordAccessException notThere) {
            // java-keyring reports a missing entry this way; a locked store that refuses looks the same.
            return Optional.empty();
        }
    }

    @Override
    public void storeSecret(Environment environment, Secret secret) {
        LocalSandboxMaterial.refuseLocal(environment);
        Objects.requireNonNull(secret, "secret");
        try {
            keyring.setPassword(SERVICE, environment.id(), secret.reveal());
        } catch (PasswordAccessException e) {
            // The message of the library may quote what it was given; say it in our own words.
            throw new WorkspaceException("The OS credential store refused to keep the " + environment.displayName()
                    + " secret (is it locked?)");
        }
    }

    @Override
    public void forgetSecret(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        try {
            keyring.deletePassword(SERVICE, environment.id());
        } catch (PasswordAccessException alreadyGone) {
            // Nothing was stored: forgetting is done.
        }
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public String description() {
        return "Secret kept in the OS credential store (" + keyring.getKeyringStorageType() + ")";
    }

    @Override
    public String toString() {
        return "OsCredentialStore[" + keyring.getKeyringStorageType() + "]";
    }

}
