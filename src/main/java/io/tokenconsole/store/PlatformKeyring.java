package io.tokenconsole.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The macOS Keychain and the Windows Credential Manager through java-keyring. java-keyring files an
 * item under a service and an account and cannot add a label or attributes, so the service is the
 * label ("Token Console — sandbox API key", the name Keychain Access shows) and the account the
 * environment. The key id stays in the workspace settings.
 */
final class PlatformKeyring implements OsKeyring {

    private final Keyring keyring;

    private PlatformKeyring(Keyring keyring) {
        this.keyring = keyring;
    }

    static PlatformKeyring create() throws BackendNotSupportedException {
        return new PlatformKeyring(Keyring.create());
    }

    @Override
    public String name() {
        return switch (keyring.getKeyringStorageType()) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case KWALLET -> "KDE Wallet";
            default -> "OS credential store";
        };
    }

    @Override
    public Optional<Secret> read(Item item) {
        try {
            String value = keyring.getPassword(item.label(), item.account());
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
        } catch (PasswordAccessException notThere) {
            // java-keyring reports a missing entry this way.
            return Optional.empty();
        }
    }

    @Override
    public void write(Item item, Secret secret) {
        try {
            keyring.setPassword(item.label(), item.account(), secret.reveal());
        } catch (PasswordAccessException refused) {
            // The library's message may quote what it was given: say it in our own words.
            throw CredentialStoreException.locked(name());
        }
    }

    @Override
    public boolean delete(Item item) {
        try {
            keyring.deletePassword(item.label(), item.account());
            return true;
        } catch (PasswordAccessException alreadyGone) {
            return false;
        }
    }
}
