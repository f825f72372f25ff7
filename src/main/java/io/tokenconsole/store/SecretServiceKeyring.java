package io.tokenconsole.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.ObjectPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.types.Variant;
import org.freedesktop.secret.Collection;
import org.freedesktop.secret.Pair;
import org.freedesktop.secret.Prompt;
import org.freedesktop.secret.Service;
import org.freedesktop.secret.TransportEncryption;
import org.freedesktop.secret.interfaces.Prompt.Completed;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) over D-Bus, through the
 * secret-service library java-keyring itself uses. Talking to it directly lets an item carry what a
 * person needs to find it in Seahorse: the label "Token Console — sandbox API key" and the attributes
 * {@code environment} and {@code key_id} (beside java-keyring's {@code service}/{@code account}, so an
 * item written by an older console is found too). Secrets cross the bus encrypted (DH + AES).
 *
 * <p>The bus comes from the environment map it is given, not from the process, so a test (or a
 * command run with another {@code DBUS_SESSION_BUS_ADDRESS}) talks to its own keyring. Every call
 * opens its own connection and closes it: nothing is left to close when the console exits (dbus-java's
 * sender thread would keep the JVM alive), and a keyring that was restarted is simply found again.
 */
final class SecretServiceKeyring implements OsKeyring {

    static final String BUS_VARIABLE = "DBUS_SESSION_BUS_ADDRESS";
    private static final String SECRETS_NAME = "org.freedesktop.secrets";
    private static final String DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default";
    private static final String NO_PROMPT = "/";
    /** How long a person has to answer the desktop's unlock prompt. */
    static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(60);

    private final String busAddress;

    private SecretServiceKeyring(String busAddress) {
        this.busAddress = busAddress;
    }

    /** The session bus named by the environment: {@code DBUS_SESSION_BUS_ADDRESS}, else {@code $XDG_RUNTIME_DIR/bus}. */
    static Optional<String> busAddress(Map<String, String> environment) {
        String address = environment.get(BUS_VARIABLE);
        if (address != null && !address.isBlank()) {
            return Optional.of(address.strip());
        }
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"))) {
            return Optional.of("unix:path=" + Path.of(runtime, "bus"));
        }
        return Optional.empty();
    }

    /** The keyring on that bus, if a Secret Service runs there or can be started by the bus. */
    static SecretServiceKeyring find(String busAddress) throws IOException {
        try (DBusConnection connection = connect(busAddress)) {
            DBus bus = connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!bus.NameHasOwner(SECRETS_NAME) && !Arrays.asList(bus.ListActivatableNames()).contains(SECRETS_NAME)) {
                throw new IOException("No Secret Service on the session bus");
            }
            return new SecretServiceKeyring(busAddress);
        } catch (DBusException | RuntimeException e) {
            throw new IOException("No Secret Service on the session bus", e);
        }
    }

    @Override
    public String name() {
        return "Secret Service keyring";
    }

    @Override
    public Optional<Secret> read(Item item) {
        try (Session session = open()) {
            return session.read(item);
        }
    }

    @Override
    public void write(Item item, Secret secret) {
        try (Session session = open()) {
            session.write(item, secret);
        }
    }

    @Override
    public boolean delete(Item item) {
        try (Session session = open()) {
            return session.delete(item);
        }
    }

    /** What every item of the console carries; {@code service}/{@code account} are java-keyring's. */
    static Map<String, String> attributes(Item item) {
        Map<String, String> attributes = new LinkedHashMap<>(lookup(item));
        attributes.putAll(item.attributes());
        return attributes;
    }

    private static Map<String, String> lookup(Item item) {
        return Map.of("service", APPLICATION, "account", item.account());
    }

    private static DBusConnection connect(String busAddress) throws DBusException {
        return DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
    }

    private Session open() {
        DBusConnection connection = null;
        try {
            connection = connect(busAddress);
            TransportEncryption transport = new TransportEncryption(connection);
            transport.initialize();
            if (!transport.openSession()) {
                throw unavailable();
            }
            transport.generateSessionKey();
            return new Session(connection, transport);
        } catch (DBusException | GeneralSecurityException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof CredentialStoreException explained) {
                throw explained;
            }
            // The bus or the daemon went away since the console found them.
            throw unavailable();
        }
    }

    private CredentialStoreException unavailable() {
        return CredentialStoreException.unavailable(name());
    }

    private static void closeQuietly(DBusConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException | RuntimeException ignored) {
                // Leaving: nothing to do about a connection that will not close.
            }
        }
    }

    /** One connection with an encrypted Secret Service session, for one call. */
    private final class Session implements AutoCloseable {

        private final DBusConnection connection;
        private final TransportEncryption transport;
        private final Service service;
        private final Collection collection;
        private final Prompt prompt;

        Session(DBusConnection connection, TransportEncryption transport) {
            this.connection = connection;
            this.transport = transport;
            this.service = transport.getService();
            this.collection = new Collection(new DBusPath(DEFAULT_COLLECTION), service);
            this.prompt = new Prompt(service);
        }

        Optional<Secret> read(Item wanted) {
            unlock();
            List<ObjectPath> items = search(wanted);
            if (items.isEmpty()) {
                return Optional.empty();
            }
            org.freedesktop.secret.Item item = new org.freedesktop.secret.Item(items.get(0), service);
            try (org.freedesktop.secret.Secret encrypted = item.getSecret(service.getSession().getPath())) {
                if (encrypted == null) {
                    throw unavailable();
                }
                char[] plain = transport.decrypt(encrypted);
                try {
                    String value = new String(plain);
                    return value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
                } finally {
                    Arrays.fill(plain, '\0');
                }
            } catch (GeneralSecurityException undecryptable) {
                throw unavailable();
            }
        }

        void write(Item wanted, Secret secret) {
            unlock();
            // Written first, the older items removed after: the environment is never left without its secret.
            List<ObjectPath> older = search(wanted);
            Map<String, Variant> properties = org.freedesktop.secret.Item.createProperties(wanted.label(), attributes(wanted));
            try (org.freedesktop.secret.Secret encrypted = transport.encrypt(secret.reveal())) {
                Pair<ObjectPath, ObjectPath> created = collection.createItem(properties, encrypted, false);
                if (created == null) {
                    throw unavailable();
                }
                if (NO_PROMPT.equals(created.a.getPath())) {
                    awaitPrompt(created.b);
                }
            } catch (GeneralSecurityException unencryptable) {
                throw unavailable();
            }
            older.forEach(this::deleteItem);
        }

        boolean delete(Item wanted) {
            unlock();
            List<ObjectPath> items = search(wanted);
            items.forEach(this::deleteItem);
            return !items.isEmpty();
        }

        private List<ObjectPath> search(Item wanted) {
            List<ObjectPath> items = collection.searchItems(lookup(wanted));
            if (items == null) {
                throw unavailable();
            }
            return items;
        }

        private void deleteItem(ObjectPath path) {
            ObjectPath promptPath = new org.freedesktop.secret.Item(path, service).delete();
            if (promptPath == null) {
                throw unavailable();
            }
            if (!NO_PROMPT.equals(promptPath.getPath())) {
                awaitPrompt(promptPath);
            }
        }

        /** A locked keyring asks the desktop to prompt; a dismissed or impossible prompt leaves it locked. */
        private void unlock() {
            if (!isLocked()) {
                return;
            }
            Pair<List<ObjectPath>, ObjectPath> answer = service.unlock(List.of(collection.getPath()));
            if (answer == null) {
                throw unavailable();
            }
            if (!NO_PROMPT.equals(answer.b.getPath())) {
                prompted(answer.b);
            }
            if (isLocked()) {
                throw CredentialStoreException.locked(name());
            }
        }

        private void awaitPrompt(ObjectPath path) {
            Optional<Completed> completed = prompted(path);
            if (completed.isEmpty() || completed.get().dismissed) {
                throw CredentialStoreException.locked(name());
            }
        }

        /**
         * Shows the desktop's prompt and waits for its answer, empty after {@link #PROMPT_TIMEOUT}. The
         * library's own wait listens on the first connection a process ever made (a process-wide signal
         * handler), so this one listens on the connection of this call.
         */
        private Optional<Completed> prompted(ObjectPath path) {
            CompletableFuture<Completed> answered = new CompletableFuture<>();
            DBusSigHandler<Completed> handler = signal -> {
                if (path.getPath().equals(signal.getPath())) {
                    answered.complete(signal);
                }
            };
            try (AutoCloseable listening = connection.addSigHandler(Completed.class, handler)) {
                prompt.prompt(path);
                return Optional.of(answered.get(PROMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException noAnswer) {
                return Optional.empty();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (Exception failed) {
                throw unavailable();
            }
        }

        private boolean isLocked() {
            try {
                return collection.isLocked();
            } catch (RuntimeException noAnswer) {
                // The library answers null for a failed call: the daemon or the bus went away.
                throw unavailable();
            }
        }

        @Override
        public void close() {
            transport.close();
            closeQuietly(connection);
        }
    }
}
