package io.tokenconsole.ui.settings;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.Settings;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.TaskRunner;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import java.util.Map;
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
    private final BooleanProperty confirmBeforeChanges = new SimpleBooleanProperty(this, "confirmBeforeChanges");
    private final StringProperty linkFlowId = new SimpleStringProperty(this, "linkFlowId", "");
    private final StringProperty linkItems = new SimpleStringProperty(this, "linkItems", "");
    private final StringProperty clipboardClearSeconds = new SimpleStringProperty(this, "clipboardClearSeconds", "60");

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

    private final Supplier<Optional<Access>> access;
    private final BackgroundWork background;
    private final Runnable saved;

    /**
     * @param access the workspace's settings and keys; asked off the UI thread, it may wait for the
     *               console's start-up to finish; empty when the workspace could not be opened
     * @param saved  told after every successful save (what depends on settings is worked out again)
     */
    public SettingsViewModel(Supplier<Optional<Access>> access, BackgroundWork background, Runnable saved) {
        this.access = access;
        this.background = background;
        this.saved = saved;
        available.set(true);
        environment.addListener((o, was, now) -> load());
        load();
    }

    private static final String UNAVAILABLE =
            "Settings can't be saved: the workspace could not be opened (see the message at start).";

    private Access access() {
        return access.get().orElseThrow(() -> new Unavailable(UNAVAILABLE));
    }

    /** The workspace is not there: the pane says so once and turns its buttons off. */
    private static final class Unavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** What is saved for the environment, read again (after a switch, or to undo unsaved edits). */
    public void load() {
        Environment on = environment.get();
        title.set("Settings for " + on.displayName());
        keysEditable.set(on != Environment.LOCAL);
        defaultBaseUrl.set(on.defaultBaseUrl().map(URI::toString).orElse("the built-in local sandbox"));
        secret.set("");
        savedBaseUrl.set("");
        run(() -> Loaded.read(access(), on), loaded -> {
            if (on != environment.get()) {
                return;
            }
            keyId.set(loaded.keyId());
            baseUrl.set(loaded.baseUrl());
            savedBaseUrl.set(loaded.baseUrl());
            expectedClientId.set(loaded.expectedClientId());
            confirmBeforeChanges.set(loaded.confirmBeforeChanges());
            linkFlowId.set(loaded.linkFlowId());
            linkItems.set(loaded.linkItems());
            clipboardClearSeconds.set(Long.toString(loaded.clipboardClearDelay().toSeconds()));
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
        // A locked or vanished OS store keeps the secret for this session instead; the message says so.
        withAccess(a -> a.apiKeys().saveOrKeepForSession(on, id, Secret.of(typed)), null);
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
        boolean confirm = confirmBeforeChanges.get();
        String flow = linkFlowId.get();
        String offered = linkItems.get();
        Duration clearAfter;
        try {
            clearAfter = Duration.ofSeconds(Long.parseLong(clipboardClearSeconds.get().strip()));
        } catch (NumberFormatException | NullPointerException notANumber) {
            show(true, "Clear the clipboard after a number of seconds, such as 60.");
            return;
        }
        withAccess(a -> {
            a.settings().setBaseUrlOverride(on, url);
            a.settings().setExpectedClientId(on, clientId);
            a.settings().setConfirmBeforeChanges(on, confirm);
            a.settings().setLinkFlowId(on, flow);
            a.settings().setLinkItems(on, offered);
            a.settings().setClipboardClearDelay(clearAfter);
            return null;
        }, "Saved the settings for " + on.displayName() + ".");
    }

    private interface Change {
        /** Does the change; returns the message to show, or null for the caller's. */
        String apply(Access access) throws Exception;
    }

    private void withAccess(Change change, String done) {
        Environment on = environment.get();
        busy.set(true);
        background.submit(() -> {
            Access a = access();
            String said = change.apply(a);
            return Map.entry(said == null ? done : said, Loaded.read(a, on));
        }, result -> {
            busy.set(false);
            saved.run();
            Loaded loaded = result.getValue();
            if (on == environment.get()) {
                savedBaseUrl.set(loaded.baseUrl());
                secretStatus.set(loaded.secretStatus());
                whereSecretsLive.set(loaded.whereSecretsLive());
            }
            show(false, result.getKey());
            savedRevision.set(savedRevision.get() + 1);
        }, this::failed);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        background.submit(work, result -> {
            busy.set(false);
            done.accept(result);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof Unavailable) {
            available.set(false);
        }
        show(true, TaskRunner.describe(failure));
    }

    private void show(boolean failure, String text) {
        failed.set(failure);
        message.set(text == null ? "" : text);
    }

    /** A snapshot of one environment's saved settings, read off the FX thread. */
    private record Loaded(String keyId, String baseUrl, String expectedClientId, String secretStatus,
            String whereSecretsLive, boolean confirmBeforeChanges, Duration clipboardClearDelay, String linkFlowId,
            String linkItems) {

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
                // Where the secret is, or why it can't be used (store locked, item removed outside the console).
                status = access.apiKeys().savedKey(environment).sentence();
            }
            return new Loaded(keyId, settings.baseUrlOverride(environment).map(URI::toString).orElse(""),
                    settings.expectedClientId(environment).orElse(""), status,
                    // The local sandbox's key is a file, not a secret in a credential store: say nothing of one.
                    environment == Environment.LOCAL ? "" : access.apiKeys().whereSecretsLive(),
                    settings.confirmBeforeChanges(environment), settings.clipboardClearDelay(),
                    settings.linkFlowId(environment).orElse(""), settings.linkItems(environment).orElse(""));
        }
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

    /** Ask before creating, issuing or deleting in this environment. */
    public BooleanProperty confirmBeforeChangesProperty() {
        return confirmBeforeChanges;
    }

    /** Seconds a copied token stays on the clipboard (for every environment). */
    /** The Flow id a Link session of this environment starts with (the Link view can change it). */
    public StringProperty linkFlowIdProperty() {
        return linkFlowId;
    }

    /** The items a Link session of this environment offers, comma-separated. */
    public StringProperty linkItemsProperty() {
        return linkItems;
    }

    public StringProperty clipboardClearSecondsProperty() {
        return clipboardClearSeconds;
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
