package io.tokenconsole.ui.link;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.link.LinkOptions;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.common.SecretClipboard;
import io.tokenconsole.ui.common.SystemBrowser;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.ConsoleBackend;
import io.tokenconsole.workflow.LinkPageFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Link view: opens Link sessions (a fresh token for a user, a page on this computer) and shows
 * this window's sessions, one at a time — its environment, user, options, page address and the live
 * timeline of what Link reports. Opening asks first where the environment's setting says so
 * (production): the question says that the session issues tokens for the user, now and whenever
 * Link asks for a fresh one, so the fresh tokens of a confirmed session are not asked about again.
 */
public final class LinkViewModel {

    /** What the confirmation names: the first token and every fresh one Link asks for. */
    static final String OPEN_ACTION = "Open Link, which issues user tokens for this user now and whenever Link asks,";
    static final String SAVE_ACTION = "Issue a new user token for a saved Link page";

    /** Where each piece of work comes from: the console's services, and the window's means to ask and tell. */
    public record Parts(BackendStartup backend, BackgroundWork background, ChangeGuard guard, DialogService dialogs,
                        SecretClipboard clipboard, Notifier notifier, SystemBrowser browser, Clock clock, ZoneId zone,
                        Executor uiThread) {
    }

    // What the person edits
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.LOCAL);
    private final StringProperty userId = new SimpleStringProperty(this, "userId", "");
    private final StringProperty flowId = new SimpleStringProperty(this, "flowId", "");
    private final StringProperty items = new SimpleStringProperty(this, "items", "");

    // What the view shows
    private final ObservableList<SessionItem> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper selectedUserHint = new ReadOnlyStringWrapper(this, "selectedUserHint", "");
    private final ReadOnlyStringWrapper sessionEnvironment = new ReadOnlyStringWrapper(this, "sessionEnvironment", "");
    private final ReadOnlyBooleanWrapper sessionProduction = new ReadOnlyBooleanWrapper(this, "sessionProduction");
    private final ReadOnlyStringWrapper sessionUser = new ReadOnlyStringWrapper(this, "sessionUser", "");
    private final ReadOnlyStringWrapper sessionOptions = new ReadOnlyStringWrapper(this, "sessionOptions", "");
    private final ReadOnlyStringWrapper sessionAddress = new ReadOnlyStringWrapper(this, "sessionAddress", "");
    private final ReadOnlyStringWrapper sessionState = new ReadOnlyStringWrapper(this, "sessionState", "");
    private final ReadOnlyBooleanWrapper sessionOpen = new ReadOnlyBooleanWrapper(this, "sessionOpen");
    private final ReadOnlyBooleanWrapper canExpire = new ReadOnlyBooleanWrapper(this, "canExpire");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ObservableList<TimelineRow> noTimeline = FXCollections.observableArrayList();
    private final ObjectProperty<ObservableList<TimelineRow>> timeline = new SimpleObjectProperty<>(this, "timeline", noTimeline);

    private final Parts parts;
    private final Session session;
    private final Navigator navigator;
    private final TaskRunner runner;
    private final TaskRunner defaults;
    private final ChangeListener<Boolean> openChanged = (o, was, now) -> showSelected();
    private int opened;

    public LinkViewModel(Parts parts, Session session, Navigator navigator) {
        this.parts = parts;
        this.session = session;
        this.navigator = navigator;
        this.runner = new TaskRunner(parts.background());
        this.defaults = new TaskRunner(parts.background());
        environment.addListener((o, was, now) -> loadDefaults());
        session.selectedUserProperty().addListener((o, was, now) -> showSelectedUserHint());
        selected.addListener((o, was, now) -> {
            if (was != null) {
                was.openProperty().removeListener(openChanged);
            }
            if (now != null) {
                now.openProperty().addListener(openChanged);
            }
            showSelected();
        });
        runner.failureProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                show(true, now);
            }
        });
        showSelectedUserHint();
        showSelected();
        parts.backend().whenReady(ready -> loadDefaults());
    }

    /**
     * The Flow and items saved for the environment (Settings), as the fields' starting values. Only
     * once the services run: waiting for them here would hold a worker the start-up itself needs.
     */
    public void loadDefaults() {
        if (parts.backend().now().isEmpty()) {
            return;
        }
        Environment on = environment.get();
        defaults.run(() -> parts.backend().await().linkDefaults(on), options -> {
            flowId.set(options.flowId().orElse(""));
            items.set(String.join(", ", options.items()));
        });
    }

    private void showSelectedUserHint() {
        selectedUserHint.set(session.selectedUser()
                .map(user -> "Selected user: " + user.displayName())
                .orElse("No user selected: type a user id, or pick one in Users or Tokens."));
    }

    private void showSelected() {
        SessionItem item = selected.get();
        timeline.set(item == null ? noTimeline : item.timeline());
        sessionEnvironment.set(item == null ? "" : item.environment().isProduction()
                ? "PRODUCTION — real users and data" : item.environment().displayName());
        sessionProduction.set(item != null && item.environment().isProduction());
        sessionUser.set(item == null ? "" : item.userId());
        sessionOptions.set(item == null ? "" : item.optionsText());
        sessionAddress.set(item == null ? "" : item.pageAddress());
        boolean open = item != null && item.openProperty().get();
        sessionOpen.set(open);
        sessionState.set(item == null ? "" : open ? "Open" : "Ended");
        canExpire.set(open && item.canExpireToken());
        canSave.set(item != null && item.environment() != Environment.LOCAL);
    }

    // ---- opening ---------------------------------------------------------------------------------

    /** The window-wide "Open Link": for the user selected in Users or Tokens, then shows this view. */
    public void openLinkForSelectedUser() {
        navigator.navigate(Navigator.LINK);
        Optional<Session.SelectedUser> user = session.selectedUser();
        if (user.isEmpty()) {
            show(true, "Select a user first (in Users or Tokens), or type a user id here and choose Open Link.");
            return;
        }
        start(user.get().environment(), user.get().id());
    }

    /** "Open Link" in this view: for the id typed in the field, or else the selected user. */
    public void openLinkForTypedId() {
        String typed = userId.get() == null ? "" : userId.get().strip();
        if (typed.isEmpty() && session.selectedUser().isPresent()) {
            openLinkForSelectedUser();
            return;
        }
        String id;
        try {
            id = UserIds.normalize(typed);
        } catch (IllegalArgumentException notAnId) {
            show(true, notAnId.getMessage() + ". Nothing was issued.");
            return;
        }
        start(environment.get(), id);
    }

    private void start(Environment on, String id) {
        String flow = flowId.get();
        List<String> offered = LinkOptions.parseItems(items.get());
        show(false, "Opening Link for " + id + " in " + on.displayName() + "…");
        parts.guard().check(on, OPEN_ACTION, id, "Open Link", new ChangeGuard.Outcome() {
            @Override
            public void proceed() {
                show(false, "Issuing a token for " + id + " in " + on.displayName() + "…");
                runner.run(() -> {
                    ConsoleBackend backend = parts.backend().await();
                    LinkOptions options = backend.linkDefaults(on).withFlowId(flow).withItems(offered);
                    return new SessionItem(backend.openLink(on, id, options), ++opened, parts.zone(), parts.uiThread());
                }, item -> {
                    sessions.add(item);
                    selected.set(item);
                    session.workspaceChanged();
                    show(false, "Link is ready for " + id + " in " + on.displayName()
                            + ": choose Open in browser. Its callbacks appear below as they happen.");
                });
            }

            @Override
            public void cancelled() {
                show(false, "Link was not opened: nothing was issued.");
            }

            @Override
            public void failed(Throwable why) {
                show(true, TaskRunner.describe(why));
            }
        });
    }

    // ---- the selected session --------------------------------------------------------------------

    public void openInBrowser() {
        SessionItem item = selected.get();
        if (item == null) {
            return;
        }
        try {
            parts.browser().open(item.pageAddress());
            show(false, "Opened the Link page in your browser. Its callbacks appear below as they happen.");
        } catch (RuntimeException noBrowser) {
            show(true, TaskRunner.describe(noBrowser));
        }
    }

    /** The address opens Link with the user's token, so it is copied as a secret: cleared after the set delay. */
    public void copyPageAddress() {
        SessionItem item = selected.get();
        if (item == null) {
            return;
        }
        Duration kept = parts.clipboard().copySecret(item.pageAddress());
        parts.notifier().notify("Copied the page address. It opens Link with this user's token, so it is cleared"
                + " from the clipboard in " + kept.toSeconds() + " s.");
    }

    /** "Expire this token now" (local sandbox): the stand-in finds the token expired at its next step. */
    public void expireTokenNow() {
        SessionItem item = selected.get();
        if (item == null || !item.canExpireToken() || !item.openProperty().get()) {
            return;
        }
        item.session().expireTokenNow();
        show(false, "The stand-in now finds this token expired: at Link's next step it reports onTokenExpired,"
                + " and the console issues a fresh token.");
    }

    public void closeSession() {
        SessionItem item = selected.get();
        if (item != null && item.openProperty().get()) {
            item.close();
            show(false, "Closed the session: its page no longer works. Its timeline stays here.");
        }
    }

    /**
     * "Save as HTML…" (Argyle's sandbox and production): a page with a token issued now, in a new
     * file only its owner can read. An existing file is never replaced.
     */
    public void saveAsHtml() {
        SessionItem item = selected.get();
        if (item == null) {
            return;
        }
        Environment on = item.environment();
        if (on == Environment.LOCAL) {
            show(true, "A saved page works for Argyle's sandbox or production only: the local sandbox's Link"
                    + " stand-in runs only while Token Console serves it. Use Open in browser.");
            return;
        }
        String user = item.userId();
        Optional<Path> chosen = parts.dialogs().chooseFileToSave("Save the Link page",
                "link-" + user.substring(0, Math.min(8, user.length())) + ".html", "HTML page", List.of("*.html"));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get().toAbsolutePath();
        runner.run(() -> {
            LinkPageFile.checkCanWrite(on, file);
            return file;
        }, free -> parts.guard().check(on, SAVE_ACTION, user, "Issue token and save", new ChangeGuard.Outcome() {
            @Override
            public void proceed() {
                runner.run(() -> {
                    ConsoleBackend backend = parts.backend().await();
                    IssuedToken token = backend.actions().issueToken(on, user);
                    Instant issuedAt = parts.clock().instant();
                    LinkPageFile.write(file, on, user, token.userToken(), item.session().options(), issuedAt);
                    return LinkPageFile.expiresAt(issuedAt);
                }, expires -> {
                    session.workspaceChanged();
                    show(false, "Saved the Link page to " + file + ". The token in it expires one hour after issue, at "
                            + DateTimeFormatter.ofPattern("HH:mm").withZone(parts.zone()).format(expires)
                            + ": hand the file only to whoever reproduces the problem, and delete it after.");
                });
            }

            @Override
            public void cancelled() {
                show(false, "Nothing was issued or saved.");
            }

            @Override
            public void failed(Throwable why) {
                show(true, TaskRunner.describe(why));
            }
        }));
    }

    private void show(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    // ---- properties ------------------------------------------------------------------------------

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    public StringProperty flowIdProperty() {
        return flowId;
    }

    public StringProperty itemsProperty() {
        return items;
    }

    public ObservableList<SessionItem> sessions() {
        return sessions;
    }

    public ObjectProperty<SessionItem> selectedProperty() {
        return selected;
    }

    /** The selected session's timeline (an empty list when none is selected). */
    public ObjectProperty<ObservableList<TimelineRow>> timelineProperty() {
        return timeline;
    }

    public ReadOnlyStringProperty selectedUserHintProperty() {
        return selectedUserHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionEnvironmentProperty() {
        return sessionEnvironment.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionProductionProperty() {
        return sessionProduction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionUserProperty() {
        return sessionUser.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionOptionsProperty() {
        return sessionOptions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionAddressProperty() {
        return sessionAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionStateProperty() {
        return sessionState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sessionOpenProperty() {
        return sessionOpen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExpireProperty() {
        return canExpire.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return runner.busyProperty();
    }
}
