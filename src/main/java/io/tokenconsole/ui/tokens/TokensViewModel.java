package io.tokenconsole.ui.tokens;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.inspect.ExpiryAdvice;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.RelativeTime;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TimeFormats;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.common.SecretClipboard;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.CurlReproduction;
import io.tokenconsole.workflow.TokenIssue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tokens pane: a fresh user token for a user id — the selected user, a saved one, or one typed
 * or pasted (checked before any call). The card shows the token with its times and the vendor's
 * advice, or what went wrong and what to do next. The token lives only as long as its card: when
 * the card is closed or replaced, the short list of earlier tokens keeps their jti and times only.
 */
public final class TokensViewModel {

    /** How many earlier tokens of this session the list keeps. */
    public static final int EARLIER_TOKENS_KEPT = 10;
    private static final int SUGGESTIONS = 8;
    /** The length of a user id (a UUID). */
    private static final int ID_LENGTH = 36;

    /** The token on the card, with the call that issued it and what the card says of it. */
    private record Issued(TokenIssue issue, EarlierToken facts) {
    }

    // Properties: what the person edits
    private final StringProperty userId = new SimpleStringProperty(this, "userId", "");

    // Properties: what the pane shows
    private final ReadOnlyStringWrapper userIdProblem = new ReadOnlyStringWrapper(this, "userIdProblem", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper selectedUserText = new ReadOnlyStringWrapper(this, "selectedUserText", "");
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper(this, "asking");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyLongWrapper focusUserIdRequests = new ReadOnlyLongWrapper(this, "focusUserIdRequests");
    private final ReadOnlyObjectWrapper<CardKind> cardKind = new ReadOnlyObjectWrapper<>(this, "cardKind", CardKind.NONE);
    private final ReadOnlyStringWrapper cardTitle = new ReadOnlyStringWrapper(this, "cardTitle", "");
    private final ReadOnlyStringWrapper cardMessage = new ReadOnlyStringWrapper(this, "cardMessage", "");
    private final ReadOnlyStringWrapper cardNextStep = new ReadOnlyStringWrapper(this, "cardNextStep", "");
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");
    private final ReadOnlyStringWrapper tokenId = new ReadOnlyStringWrapper(this, "tokenId", "");
    private final ReadOnlyStringWrapper issuedText = new ReadOnlyStringWrapper(this, "issuedText", "");
    private final ReadOnlyStringWrapper expiresText = new ReadOnlyStringWrapper(this, "expiresText", "");
    private final ReadOnlyStringWrapper copyNote = new ReadOnlyStringWrapper(this, "copyNote", "");
    private final ObservableList<EarlierToken> earlierTokens = FXCollections.observableArrayList();
    private final ObservableList<EarlierToken> earlierTokensView = FXCollections.unmodifiableObservableList(earlierTokens);

    private final Session session;
    private final Navigator navigator;
    private final BackendStartup backend;
    private final ChangeGuard guard;
    private final SecretClipboard clipboard;
    private final Notifier notifier;
    private final Clock clock;
    private final ZoneId zone;
    private final TaskRunner runner;
    private final TokenInspector inspector = new TokenInspector();
    /** Read by the suggestion lookup, which runs off the UI thread. */
    private volatile Environment environment;
    private Issued onCard;

    private Runnable openLink;

    public TokensViewModel(Session session, Navigator navigator, BackendStartup backend, BackgroundWork background,
            ChangeGuard guard, SecretClipboard clipboard, Notifier notifier, Clock clock, ZoneId zone) {
        this.session = session;
        this.navigator = navigator;
        this.backend = backend;
        this.guard = guard;
        this.clipboard = clipboard;
        this.notifier = notifier;
        this.clock = clock;
        this.zone = zone;
        this.runner = new TaskRunner(background);
        this.environment = session.environment();
        busy.bind(Bindings.or(asking, runner.busyProperty()));
        userId.addListener((o, was, now) -> check(now, false));
        session.environmentProperty().addListener((o, was, now) -> environment = now);
        session.selectedUserProperty().addListener((o, was, now) -> selectionChanged(was, now));
        selectionChanged(null, session.selectedUserProperty().get());
    }

    // Commands

    /** Issues a token for the id in the field, after the check and, where the setting says so, the question. */
    public void issue() {
        Optional<String> id = check(userId.get(), true);
        if (id.isEmpty()) {
            focusUserIdRequests.set(focusUserIdRequests.get() + 1);
            return;
        }
        if (busy.get()) {
            return;
        }
        message.set("");
        Environment on = session.environment();
        String user = id.get();
        asking.set(true);
        guard.check(on, "Issue a new user token", user, "Issue token", new ChangeGuard.Outcome() {
            @Override
            public void proceed() {
                asking.set(false);
                send(on, user);
            }

            @Override
            public void cancelled() {
                asking.set(false);
                replaceCard(CardKind.CANCELLED, "Nothing was sent",
                        "You cancelled: no token was issued for " + user + " in " + on.displayName() + ".",
                        "Issue again when you are sure; the question is asked because " + on.displayName()
                                + " is set to ask before changes (Settings).");
            }

            @Override
            public void failed(Throwable why) {
                asking.set(false);
                IssueFailure failure = IssueFailure.of(why, on, user);
                replaceCard(CardKind.FAILED, failure.title(), failure.message(), failure.nextStep());
            }
        });
    }

    /** Ctrl+T from anywhere: shows this pane and issues for the selected user; without one, says so. */
    public void issueForSelectedUser() {
        navigator.navigate(Navigator.TOKENS);
        Optional<Session.SelectedUser> selected = session.selectedUser();
        if (selected.isEmpty()) {
            message.set("No user is selected. Type or paste a user id, pick a saved user from the suggestions,"
                    + " or select a user in the Users pane.");
            focusUserIdRequests.set(focusUserIdRequests.get() + 1);
            return;
        }
        userId.set(selected.get().id());
        issue();
    }

    /** Copies the token; the clipboard forgets it after the configured delay if it still holds it. */
    public void copyToken() {
        if (onCard == null) {
            return;
        }
        Duration delay = clipboard.copySecret(onCard.issue().token().userToken());
        String note = "Copied; cleared from the clipboard in " + delay.toSeconds() + " s if still there.";
        copyNote.set(note);
        notifier.notify(note);
    }

    /** Copies the call that issued the token as a curl command, the secret left to {@code $ARGYLE_API_KEY_SECRET}. */
    public void copyCurl() {
        if (onCard == null) {
            return;
        }
        clipboard.copy(onCard.issue().curl());
        String note = "Copied the curl command. It reads the secret from " + CurlReproduction.SECRET_PLACEHOLDER
                + ": set that variable first.";
        copyNote.set(note);
        notifier.notify(note);
    }

    /** Hands the token to the inspector and shows it. */
    public void openInInspector() {
        if (onCard == null) {
            return;
        }
        session.tokenToInspectProperty().set(onCard.issue().token().userToken());
        navigator.navigate(Navigator.INSPECTOR);
    }

    /**
     * Opens Link for the card's user: the user becomes the selected one (in the card's environment
     * only — the console may have moved on) and the window's Open Link command starts a session with
     * a fresh token, as Argyle advises for every Link initialisation.
     */
    public void openLink() {
        if (onCard == null || openLink == null) {
            return;
        }
        if (session.selectUser(onCard.issue().environment(), onCard.issue().userId(), null)) {
            openLink.run();
        }
    }

    /** What Open Link runs (the window's command); set once the window's commands exist. */
    public void setOpenLink(Runnable command) {
        this.openLink = command;
    }

    /** Closes the card: the token is dropped; its jti and times stay in the list of earlier tokens. */
    public void closeCard() {
        replaceCard(CardKind.NONE, "", "", "");
    }

    /**
     * Saved users of the current environment matching what was typed, for the autocomplete. Blocks
     * on the workspace: the caller runs it off the UI thread.
     */
    public List<UserSuggestion> suggestions(String typed) {
        String text = typed == null ? "" : typed.strip();
        Environment on = environment;
        if (text.isEmpty() || UserIds.isUserId(text)) {
            return List.of();
        }
        return backend.await().workspace()
                .map(workspace -> workspace.users().search(on, text, SUGGESTIONS, 0).users().stream()
                        .map(TokensViewModel::suggestion).toList())
                .orElse(List.of());
    }

    private static UserSuggestion suggestion(SavedUser user) {
        return new UserSuggestion(user.id(), user.labelText().or(user::externalIdText).orElse(""));
    }

    // What happens

    /**
     * Checks the id. While typing ({@code required} false), short text is a search for a saved user,
     * not a wrong id: the problem shows once the text is as long as an id, or when issuing.
     */
    private Optional<String> check(String typed, boolean required) {
        if (typed == null || typed.isBlank()) {
            userIdProblem.set(required ? "Enter a user id, pick a saved user, or select one in the Users pane." : "");
            return Optional.empty();
        }
        try {
            String id = UserIds.normalize(typed);
            userIdProblem.set("");
            return Optional.of(id);
        } catch (IllegalArgumentException notAnId) {
            boolean searching = !required && typed.strip().length() < ID_LENGTH;
            userIdProblem.set(searching ? "" : notAnId.getMessage() + ".");
            return Optional.empty();
        }
    }

    private void send(Environment on, String user) {
        runner.run(() -> {
            TokenIssue issue = backend.await().actions().issueTokenShowingCall(on, user);
            return new Issued(issue, factsOf(issue));
        }, issued -> {
            showIssued(issued);
            session.workspaceChanged();
        }, problem -> {
            IssueFailure failure = IssueFailure.of(problem, on, user);
            replaceCard(CardKind.FAILED, failure.title(), failure.message(), failure.nextStep());
            // The failure has its audit row.
            session.workspaceChanged();
        });
    }

    private EarlierToken factsOf(TokenIssue issue) {
        Instant now = clock.instant();
        Inspection inspection = inspector.inspect(issue.token().userToken(), InspectionContext.at(now));
        Optional<TokenReport> report = inspection instanceof Inspection.Decoded decoded
                ? Optional.of(decoded.report()) : Optional.empty();
        Optional<Instant> issuedAt = report.flatMap(TokenReport::issuedAt).flatMap(TimeClaim::instant);
        Optional<Instant> expiresAt = report.flatMap(TokenReport::expiresAt).flatMap(TimeClaim::instant);
        String jti = report.flatMap(TokenReport::tokenId).orElse("(none)");
        String issued = issuedAt.map(at -> TimeFormats.local(at, zone) + " (" + RelativeTime.between(now, at) + ")")
                .orElse("not stated in the token");
        String expires = expiresAt.map(at -> TimeFormats.local(at, zone) + " (" + RelativeTime.between(now, at)
                        + issuedAt.map(from -> "; " + RelativeTime.lifetime(Duration.between(from, at)) + " after issue")
                                .orElse("") + ")")
                .orElse("not stated in the token");
        return new EarlierToken(issue.environment().displayName(), issue.userId(), jti, issued, expires);
    }

    private void showIssued(Issued issued) {
        TokenIssue issue = issued.issue();
        replaceCard(CardKind.ISSUED, "New token for " + issue.userId(),
                "Issued in " + issue.environment().displayName() + " (" + issue.baseUrl() + "). The audit log has"
                        + " its jti and expiry; the token itself is kept nowhere but on this card.", "");
        onCard = issued;
        token.set(issue.token().userToken());
        tokenId.set(issued.facts().jti());
        issuedText.set(issued.facts().issued());
        expiresText.set(issued.facts().expires());
    }

    /** Whatever was on the card goes; a token on it is dropped and only its facts are kept in the list. */
    private void replaceCard(CardKind kind, String title, String text, String nextStep) {
        if (onCard != null) {
            earlierTokens.add(0, onCard.facts());
            if (earlierTokens.size() > EARLIER_TOKENS_KEPT) {
                earlierTokens.remove(EARLIER_TOKENS_KEPT, earlierTokens.size());
            }
            onCard = null;
        }
        token.set("");
        tokenId.set("");
        issuedText.set("");
        expiresText.set("");
        copyNote.set("");
        cardKind.set(kind);
        cardTitle.set(title);
        cardMessage.set(text);
        cardNextStep.set(nextStep);
    }

    private void selectionChanged(Session.SelectedUser was, Session.SelectedUser now) {
        if (now != null) {
            selectedUserText.set("Selected user: " + now.displayName());
            userId.set(now.id());
            message.set("");
            return;
        }
        selectedUserText.set("");
        if (was != null && was.id().equals(userId.get())) {
            // That user belongs to the environment just left.
            userId.set("");
        }
    }

    // Properties

    public StringProperty userIdProperty() {
        return userId;
    }

    /** Why the id in the field is not one; "" when it is (or the field is empty and nothing was asked yet). */
    public ReadOnlyStringProperty userIdProblemProperty() {
        return userIdProblem.getReadOnlyProperty();
    }

    /** Guidance for the pane as a whole ("No user is selected…"); "" for none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedUserTextProperty() {
        return selectedUserText.getReadOnlyProperty();
    }

    /** True while the question is open or the call runs: the Issue button waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Counts requests to put the keyboard focus in the id field. */
    public ReadOnlyLongProperty focusUserIdRequestsProperty() {
        return focusUserIdRequests.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CardKind> cardKindProperty() {
        return cardKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardTitleProperty() {
        return cardTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardMessageProperty() {
        return cardMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardNextStepProperty() {
        return cardNextStep.getReadOnlyProperty();
    }

    /** The token on the card; "" when there is none. */
    public ReadOnlyStringProperty tokenProperty() {
        return token.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tokenIdProperty() {
        return tokenId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty issuedTextProperty() {
        return issuedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiresTextProperty() {
        return expiresText.getReadOnlyProperty();
    }

    /** What the last copy did ("Copied; cleared from the clipboard in 60 s if still there."). */
    public ReadOnlyStringProperty copyNoteProperty() {
        return copyNote.getReadOnlyProperty();
    }

    /** Tokens issued earlier in this session, newest first: jti and times, never the token. */
    public ObservableList<EarlierToken> earlierTokens() {
        return earlierTokensView;
    }

    public String expiryAdvice() {
        return ExpiryAdvice.TITLE + ". " + ExpiryAdvice.TEXT;
    }
}
