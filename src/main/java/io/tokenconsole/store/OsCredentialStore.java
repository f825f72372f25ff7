package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the operating system's credential store: the Secret Service on Linux (GNOME Keyring,
 * KWallet), the Keychain on macOS, the Credential Manager on Windows. One item per environment.
 *
 * <p>Every call runs on a daemon thread and is given up after {@link #ANSWER_TIMEOUT} (time enough
 * for the desktop's unlock prompt): a store that hangs gives a message, never a console that hangs.
 * Failures are {@link CredentialStoreException}s in plain words; no secret is ever in one.
 */
public final class OsCredentialStore implements CredentialStore {

    /** The longest any call may take: the unlock prompt's time and a margin. */
    static final Duration ANSWER_TIMEOUT = SecretServiceKeyring.PROMPT_TIMEOUT.plusSeconds(10);

    private final OsKeyring keyring;
    private ExecutorService worker = newWorker();

    private OsCredentialStore(OsKeyring keyring) {
        this.keyring = keyring;
    }

    /**
     * The OS store, if one answers within the timeout. A Linux desktop without a Secret Service, a
     * headless server, or a D-Bus that accepts the connection and never replies all end up empty.
     */
    static Optional<OsCredentialStore> probe(Map<String, String> environment, String osName, Duration timeout) {
        Callable<OsKeyring> connect;
        if (osName.toLowerCase(Locale.ROOT).contains("linux")) {
            Optional<String> bus = SecretServiceKeyring.busAddress(environment);
            if (bus.isEmpty()) {
                return Optional.empty();
            }
            connect = () -> SecretServiceKeyring.find(bus.get());
        } else {
            connect = PlatformKeyring::create;
        }
        ExecutorService prober = newWorker();
        Future<OsKeyring> connecting = prober.submit(connect);
        prober.shutdown();
        try {
            return Optional.of(new OsCredentialStore(connecting.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (ExecutionException e) {
            // No Secret Service on the bus, BackendNotSupportedException, a native library that failed to load.
            return Optional.empty();
        } catch (TimeoutException e) {
            connecting.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The label of an environment's item, as Seahorse or Keychain Access shows it. */
    public static String itemLabel(Environment environment) {
        return OsKeyring.label(environment);
    }

    @Override
    public Optional<Secret> secret(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        return answer(() -> keyring.read(OsKeyring.apiKey(environment, null)));
    }

    @Override
    public void storeSecret(Environment environment, String keyId, Secret secret) {
        LocalSandboxMaterial.refuseLocal(environment);
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        answer(() -> {
            keyring.write(OsKeyring.apiKey(environment, keyId), secret);
            return null;
        });
    }

    @Override
    public boolean forgetSecret(Environment environment) {
        LocalSandboxMaterial.refuseLocal(environment);
        return answer(() -> keyring.delete(OsKeyring.apiKey(environment, null)));
    }

    @Override
    public Optional<Secret> workspacePassword(String address) {
        Objects.requireNonNull(address, "address");
        return answer(() -> keyring.read(OsKeyring.workspacePassword(address)));
    }

    @Override
    public void storeWorkspacePassword(String address, Secret password) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(password, "password");
        answer(() -> {
            keyring.write(OsKeyring.workspacePassword(address), password);
            return null;
        });
    }

    @Override
    public boolean forgetWorkspacePassword(String address) {
        Objects.requireNonNull(address, "address");
        return answer(() -> keyring.delete(OsKeyring.workspacePassword(address)));
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public String name() {
        return keyring.name();
    }

    @Override
    public String description() {
        return "Secret kept in the OS credential store (" + keyring.name() + ")";
    }

    @Override
    public String toString() {
        return "OsCredentialStore[" + keyring.name() + "]";
    }

    private synchronized <T> T answer(Callable<T> call) {
        Future<T> running = worker.submit(call);
        try {
            return running.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof CredentialStoreException explained) {
                throw explained;
            }
            // A library failure: its message may quote what it was handed, so it is not passed on.
            throw CredentialStoreException.unavailable(keyring.name());
        } catch (TimeoutException stuck) {
            running.cancel(true);
            // The stuck thread is a daemon: it is left behind, and the next call gets a fresh one.
            worker.shutdownNow();
            worker = newWorker();
            throw CredentialStoreException.unavailable(keyring.name());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw CredentialStoreException.unavailable(keyring.name());
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "credential-store");
            // A hung D-Bus call must not keep the console from exiting.
            thread.setDaemon(true);
            return thread;
        });
    }

}
