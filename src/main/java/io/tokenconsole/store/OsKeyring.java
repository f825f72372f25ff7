package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Map;
import java.util.Optional;

/**
 * One operating system's credential store as the console uses it: one item per environment's API
 * secret and one per team workspace password, labelled so a person finds it in the OS tool. Calls may block (an unlock prompt, a slow D-Bus);
 * {@link OsCredentialStore} bounds them with a timeout.
 */
interface OsKeyring {

    /** Marks every item the console writes; also java-keyring's "service" attribute on Linux. */
    String APPLICATION = "Token Console";

    /** What the person sees in Seahorse or Keychain Access: "Token Console — sandbox API key". */
    static String label(Environment environment) {
        return APPLICATION + " — " + environment.id() + " API key";
    }

    /**
     * One item: found by the console's service name and {@code account}; shown with {@code label}; carrying
     * {@code attributes} besides (searchable in Seahorse).
     */
    record Item(String label, String account, Map<String, String> attributes) {
        public Item {
            attributes = Map.copyOf(attributes);
        }
    }

    /** An environment's API secret: account = the environment's id, attributes environment and key_id. */
    static Item apiKey(Environment environment, String keyIdOrNull) {
        return new Item(label(environment), environment.id(), keyIdOrNull == null
                ? Map.of("environment", environment.id())
                : Map.of("environment", environment.id(), "key_id", keyIdOrNull));
    }

    /** A team workspace's password: account = the address ({@code postgresql://user@host:port/db}). */
    static Item workspacePassword(String address) {
        return new Item(APPLICATION + " — team workspace " + address, address, Map.of("workspace", address));
    }

    /** The store's name in a sentence: "the Secret Service keyring (GNOME Keyring, KWallet)". */
    String name();

    /** The secret saved under the item, or empty when there is none (deleted outside the console, say). */
    Optional<Secret> read(Item item);

    void write(Item item, Secret secret);

    /** Removes the item; {@code false} when there was none. */
    boolean delete(Item item);
}
