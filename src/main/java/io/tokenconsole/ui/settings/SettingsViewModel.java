package io.tokenconsole.ui.settings;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.Settings;
import io.tokenconsole.ui.common.BackgroundWork;
import java.net.URI;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings of the environment the console is on: its API key (the secret goes to the
 * credential store and is never shown again), its base URL override and the client_id the
 * team expects in its tokens. Reads and writes run as background work.
 */
public final class SettingsViewModel {

    /** The workspace's settings and keys; absent when the workspace could not be opened. */
    public record Access(Settings settings, ApiKeys apiKeys) {
    }

    // Properties: what the person edits
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.LOCAL);
    private final StringProperty keyId = new SimpleStringProperty(this, "keyId", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty expectedClientId = new SimpleStringProperty(this, "expectedClientId", "");

    // Properties: what the pane shows
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper secretStatus = new ReadOnlyStringWrapper(this, "secretStatus", "");
    private final ReadOnlyStringWrapper whereSecretsLive = new ReadOnlyStringWrapper(this, "whereSecretsLive", "");
    private final ReadOnlyStringWrapper defaultBaseUrl = new ReadOnlyStringWrapper(this, "defaultBaseUrl", "");
    private final ReadOnlyStringWrapper savedBaseUrl = new ReadOnlyStringWrapper(this, "savedBaseUrl", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper keysEditable = new ReadOnlyBooleanWrapper(this, "keysEditable");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper savedRevision = new ReadOnlyIntegerWrapper(this, "savedRevision");

    private final Optional<Access> access;
    private final BackgroundWork background;

    public SettingsViewModel(Optional<Access> access, BackgroundWork background) {
        this.access = access;
        this.background = background;
        available.set(access.isPresent());
        environment.addListener((o, was, now) -> load());
        load();
    }

    /** What is saved for the environment, read again (after a switch, or to undo unsaved edits). */
    public void load() {
        Environment on = environment.get();
        title.set("Settings for " + on.displayName());
        keysEditable.set(on != Environment.LOCAL);
        defaultBaseUrl.set(on.defaultBaseUrl().map(URI::toString).orElse("the built-in local sandbox"));
        secret.set("");
        savedBaseUrl.set("");
        if (access.isEmpty()) {
            show(true, "Settings can't be saved: the workspace could not be opened (see the message at start).");
            return;
        }
        run(() -> Loaded.read(access.get(), on), loaded -> {
            if (on != environment.get()) {
                return;
            }
            keyId.set(loaded.keyId());
            baseUrl.set(loaded.baseUrl());
            savedBaseUrl.set(loaded.baseUrl());
            expectedClientId.set(loaded.expectedClientId());
            secretStatus.set(loaded.secretStatus());
            whereSecretsLive.set(loaded.whereSecretsLive());
            show(false, "");
        });
    }

    /** The pane is left: a "Saved …" message belongs to that visit and does not greet the next one. */
    public void paneLeft() {
        if (!failed.get()) {
            show(false, "");
        }
    }

    /** Saves the key id with its secret; the secret field is emptied and the secret never read back. */
    public void saveKey() {
        Environment on = environment.get();
        String id = keyId.get() == null ? "" : keyId.get().strip();
        String typed = secret.get() == null ? "" : secret.get();
        if (on == Environment.LOCAL) {
            show(true, "The local sandbox makes its own key; there is nothing to enter.");
            return;
        }
        if (id.isEmpty() || typed.isEmpty()) {
            show(true, "Enter both the API key id and its secret.");
            return;
        }
        secret.set("");
        withAccess(a -> {
            a.apiKeys().save(on, id, Secret.of(typed));
            return null;
        }, "Saved the API key for " + on.displayName() + ".");
    }

    public void forgetKey() {
        Environment on = environment.get();
        if (on == Environment.LOCAL) {
            return;
        }
        withAccess(a -> {
            a.apiKeys().forget(on);
            return null;
        }, "Forgot the API key for " + on.displayName() + ".");
    }

    /** Saves the base URL override and the expected client_id; a malformed URL is refused with the reason. */
    public void saveEnvironment() {
        Environment on = environment.get();
        String url = baseUrl.get();
        String clientId = expectedClientId.get();
        withAccess(a -> {
            a.settings().setBaseUrlOverride(on, url);
            a.settings().setExpectedClientId(on, clientId);
            return null;
        }, "Saved the settings for " + on.displayName() + ".");
    }

    private interface Change {
        Void apply(Access access) throws Exception;
    }

    private void withAccess(Change change, String done) {
        if (access.isEmpty()) {
            show(true, "Settings can't be saved: the workspace could not be opened.");
            return;
        }
        Environment on = environment.get();
        busy.set(true);
        background.submit(() -> {
            change.apply(access.get());
            return Loaded.read(access.get(), on);
        }, loaded -> {
            busy.set(false);
            if (on == environment.get()) {
                savedBaseUrl.set(loaded.baseUrl());
                secretStatus.set(loaded.secretStatus());
                whereSecretsLive.set(loaded.whereSecretsLive());
            }
            show(false, done);
            savedRevision.set(savedRevision.get() + 1);
        }, failure -> {
            busy.set(false);
            show(true, failure.getMessage() == null ? "Could not save: " + failure.getClass().getSimpleName()
                    : failure.getMessage());
        });
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        background.submit(work, result -> {
            busy.set(false);
            done.accept(result);
        }, failure -> {
            busy.set(false);
            show(true, failure.getMessage());
        });
    }

    private void show(boolean failure, String text) {
        failed.set(failure);
        message.set(text == null ? "" : text);
    }

    /** A snapshot of one environment's saved settings, read off the FX thread. */
    private record Loaded(String keyId, String baseUrl, String expectedClientId, String secretStatus,
            String whereSecretsLive) {

        static Loaded read(Access access, Environment environment) {
            Settings settings = access.settings();
            String status;
            String keyId;
            if (environment == Environment.LOCAL) {
                ApiCredentials local = access.apiKeys().forEnvironment(Environment.LOCAL).orElseThrow();
                keyId = local.keyId();
                status = "Generated for this computer and kept in local-sandbox.json in the data folder; "
                        + "the local sandbox needs no other key.";
            } else {
                keyId = settings.apiKeyId(environment).orElse("");
                Optional<ApiCredentials> saved;
                try {
                    saved = access.apiKeys().forEnvironment(environment);
                } catch (IllegalStateException halfOverride) {
                    saved = Optional.empty();
                }
                status = saved.map(c -> SettingsViewModel.secretStatus(c.source())).orElse("No secret saved.");
            }
            return new Loaded(keyId, settings.baseUrlOverride(environment).map(URI::toString).orElse(""),
                    settings.expectedClientId(environment).orElse(""), status,
                    // The local sandbox's key is a file, not a secret in a credential store: say nothing of one.
                    environment == Environment.LOCAL ? "" : access.apiKeys().whereSecretsLive());
        }
    }

    /** Where the saved secret is, in words that match what is really on disk (the key id is; a secret never). */
    private static String secretStatus(ApiCredentials.Source source) {
        return switch (source) {
            case OS_CREDENTIAL_STORE -> "A secret is saved in the OS credential store; the key id is in the workspace settings.";
            case SESSION_MEMORY -> "A secret is saved for this session only, in memory: it is gone when the console "
                    + "closes. The key id is in the workspace settings.";
            case ENVIRONMENT_VARIABLES -> "The key comes from ARGYLE_API_KEY_ID / ARGYLE_API_KEY_SECRET; nothing is saved.";
            case LOCAL_SANDBOX -> "Generated for the local sandbox.";
        };
    }

    /** Counts successful saves: whatever judges by the settings (the inspector) judges again when it moves. */
    public ReadOnlyIntegerProperty savedRevisionProperty() {
        return savedRevision.getReadOnlyProperty();
    }

    // Property accessors

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty expectedClientIdProperty() {
        return expectedClientId;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whereSecretsLiveProperty() {
        return whereSecretsLive.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultBaseUrlProperty() {
        return defaultBaseUrl.getReadOnlyProperty();
    }

    /** The base URL override saved for the current environment ("" for none), for the status bar. */
    public ReadOnlyStringProperty savedBaseUrlProperty() {
        return savedBaseUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keysEditableProperty() {
        return keysEditable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
