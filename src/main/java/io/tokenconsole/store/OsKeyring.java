package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Optional;

/**
 * One operating system's credential store as the console uses it: one item per environment,
 * labelled so a person finds it in the OS tool. Calls may block (an unlock prompt, a slow D-Bus);
 * {@link OsCredentialStore} bounds them with a timeout.
 */
interface OsKeyring {

    /** Marks every item the console writes; also java-keyring's "service" attribute on Linux. */
    String APPLICATION = "Token Console";

    /** What the person sees in Seahorse or Keychain Access: "Token Console — sandbox API key". */
    static String label(Environment environment) {
        return APPLICATION + " — " + environment.id() + " API key";
    }

    /** The store's name in a sentence: "the Secret Service keyring (GNOME Keyring, KWallet)". */
    String name();

    /** The secret saved for an environment, or empty when there is none (deleted outside the console, say). */
    Optional<Secret> read(Environment environment);

    void write(Environment environment, String keyId, Secret secret);

    /** Removes the environment's item; {@code false} when there was none. */
    boolean delete(Environment environment);
}
