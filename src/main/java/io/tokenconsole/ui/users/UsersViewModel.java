package io.tokenconsole.ui.users;

import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.store.ImportReport;
import io.tokenconsole.store.SaveResult;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.UserChangedException;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserPage;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.common.SecretClipboard;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.ui.shell.MainViewModel;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.ConsoleBackend;
import io.tokenconsole.workflow.SavedUserFiles;
import io.tokenconsole.workflow.WholeFileExport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Users pane: the users saved for the environment the console is on (instant search, inline
 * label and note, copy, issue a token, forget, import and export), a small New user form, and
 * Argyle's own list of the environment's users (page by page, or by exact external id) to save
 * from or to delete at Argyle. Workspace and API work runs in the background; answers for an
 * environment someone has left never land in the one they are on.
 */
public final class UsersViewModel {

    /** Argyle refuses a longer {@code external_id} (400). */
    public static final int MAX_EXTERNAL_ID = 100;
    /** Saved users read per page: the newest first; typing narrows, "Show more" reads on. */
    static final int SAVED_PAGE = 100;
    /** Page sizes offered for Find at Argyle (Argyle allows up to 200). */
    public static final List<Integer> FIND_PAGE_SIZES = List.of(10, 50, 100, UserListRequest.LARGEST_PAGE);

    /** What the pane asks of the window: show another pane, run a window-wide command. */
    public interface Shell {
        void navigate(String paneId);

        /** {@code false} when no pane offers the command. */
        boolean runCommand(String name);
    }

    private final Session session;
    private final Shell shell;
    private final BackendStartup backend;
    private final ChangeGuard guard;
    private final DialogService dialogs;
    private final Notifier notifier;
    private final SecretClipboard clipboard;
    private final DateTimeFormatter time;
    private final TaskRunner search;
    private final TaskRunner actions;
    private final TaskRunner finder;

    // Saved users
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final ObservableList<UserRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<UserRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    private final ReadOnlyBooleanWrapper moreSaved = new ReadOnlyBooleanWrapper(this, "moreSaved");
    private final ReadOnlyStringWrapper savedSummary = new ReadOnlyStringWrapper(this, "savedSummary", "");

    // What the pane says, and whether it is working
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    // New user
    private final ReadOnlyBooleanWrapper newUserOpen = new ReadOnlyBooleanWrapper(this, "newUserOpen");
    private final ReadOnlyLongWrapper newUserRequests = new ReadOnlyLongWrapper(this, "newUserRequests");
    private final StringProperty externalId = new SimpleStringProperty(this, "externalId", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper externalIdProblem = new ReadOnlyStringWrapper(this, "externalIdProblem", "");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final ReadOnlyStringWrapper createdId = new ReadOnlyStringWrapper(this, "createdId", "");
    private final ReadOnlyStringWrapper createdToken = new ReadOnlyStringWrapper(this, "createdToken", "");
    private final ReadOnlyStringWrapper createdSummary = new ReadOnlyStringWrapper(this, "createdSummary", "");

    // Find at Argyle
    private final StringProperty findExternalId = new SimpleStringProperty(this, "findExternalId", "");
    private final ObjectProperty<Integer> findPageSize = new SimpleObjectProperty<>(this, "findPageSize", 50);
    private final ObservableList<FoundRow> foundRows = FXCollections.observableArrayList();
    private final ObservableList<FoundRow> foundRowsView = FXCollections.unmodifiableObservableList(foundRows);
    private final ReadOnlyBooleanWrapper moreFound = new ReadOnlyBooleanWrapper(this, "moreFound");
    private final ReadOnlyStringWrapper foundSummary = new ReadOnlyStringWrapper(this, "foundSummary", "");
    private final Map<String, User> found = new HashMap<>();
    private UserListRequest nextFoundPage;

    public UsersViewModel(Session session, Shell shell, BackendStartup backend, BackgroundWork background,
            ChangeGuard guard, DialogService dialogs, Notifier notifier, SecretClipboard clipboard, ZoneId zone) {
        this.session = session;
        this.shell = shell;
        this.backend = backend;
        this.guard = guard;
        this.dialogs = dialogs;
        this.notifier = notifier;
        this.clipboard = clipboard;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.search = new TaskRunner(background);
        this.actions = new TaskRunner(background);
        this.finder = new TaskRunner(background);
        busy.bind(Bindings.or(search.busyProperty(), Bindings.or(actions.busyProperty(), finder.busyProperty())));
        externalIdProblem.bind(Bindings.createStringBinding(() -> externalIdProblem(externalId.get()), externalId));

        session.environmentProperty().addListener((o, was, now) -> environmentChanged());
        session.workspaceChangesProperty().addListener((o, was, now) -> refresh());
        session.selectedUserProperty().addListener((o, was, now) -> followSessionSelection());
        searchText.addListener((o, was, now) -> refresh());
        showEnvironment();
        // The first read waits for the services: a worker blocked on them at start could hold up their own start.
        backend.whenReady(ready -> refresh());
    }

    /** Why this external id cannot be sent ({@code ""} when it can): Argyle takes up to 100 characters. */
    public static String externalIdProblem(String text) {
        int length = text == null ? 0 : text.strip().codePointCount(0, text.strip().length());
        return length > MAX_EXTERNAL_ID
                ? "Argyle allows up to " + MAX_EXTERNAL_ID + " characters in an external id; this one has " + length + "."
                : "";
    }

    // --- saved users ------------------------------------------------------------------------------

    private void environmentChanged() {
        showEnvironment();
        refresh();
    }

    /** Empties what belonged to the environment left; the new one's users are read next. */
    private void showEnvironment() {
        Environment on = session.environment();
        title.set("Users — " + on.displayName());
        finder.cancel();
        rows.clear();
        foundRows.clear();
        found.clear();
        nextFoundPage = null;
        moreFound.set(false);
        foundSummary.set("");
        selectedRow.set(null);
        forgetCreated();
        show(false, "");
    }

    /** Reads the saved users matching the search text again (the newest page); before start-up, nothing. */
    public void refresh() {
        if (backend.now().isEmpty()) {
            return;
        }
        Environment on = session.environment();
        String text = searchText.get();
        search.run(() -> workspace().users().search(on, text, SAVED_PAGE, 0),
                page -> showSaved(on, text, page), this::failed);
    }

    /** Reads the next page of saved users for the same search. */
    public void showMoreSaved() {
        Environment on = session.environment();
        String text = searchText.get();
        int offset = rows.size();
        search.run(() -> workspace().users().search(on, text, SAVED_PAGE, offset),
                page -> showSaved(on, text, page), this::failed);
    }

    private void showSaved(Environment on, String text, UserPage page) {
        if (on != session.environment()) {
            return;
        }
        List<UserRow> fresh = new ArrayList<>(page.users().size());
        for (SavedUser user : page.users()) {
            fresh.add(toRow(user));
        }
        if (page.offset() == 0) {
            rows.setAll(fresh);
        } else {
            rows.addAll(fresh);
        }
        moreSaved.set(page.hasMore());
        String wanted = text == null ? "" : text.strip();
        if (rows.isEmpty()) {
            savedSummary.set(wanted.isEmpty()
                    ? "No users saved for " + on.displayName() + " yet: create one, save one found at Argyle, or import a list."
                    : "No user saved for " + on.displayName() + " matches '" + wanted + "'.");
        } else {
            savedSummary.set(rows.size() + (page.hasMore() ? "+" : "") + (rows.size() == 1 ? " user" : " users")
                    + (wanted.isEmpty() ? "" : " matching '" + wanted + "'")
                    + (page.hasMore() ? ", newest first: type to narrow, or show more" : ""));
        }
        followSessionSelection();
    }

    private UserRow toRow(SavedUser user) {
        return new UserRow(user.id(), orEmpty(user.label()), orEmpty(user.note()), orEmpty(user.externalId()),
                time.format(user.createdAt()), user.lastTokenIssuedAt() == null ? "never" : time.format(user.lastTokenIssuedAt()),
                user.origin(), user.version());
    }

    /** The table's row for the session's selected user, if it is listed. */
    private void followSessionSelection() {
        Optional<Session.SelectedUser> selected = session.selectedUser();
        if (selected.isEmpty()) {
            selectedRow.set(null);
            return;
        }
        String id = selected.get().id();
        selectedRow.set(rows.stream().filter(row -> row.id().equals(id)).findFirst().orElse(null));
    }

    /** A row picked in the table: it becomes the session's selected user. */
    public void select(UserRow row) {
        if (row == null || row.equals(selectedRow.get())) {
            return;
        }
        selectedRow.set(row);
        session.selectUser(session.environment(), row.id(), row.labelOrNull());
    }

    public void copyId(String id) {
        clipboard.copy(id);
        notifier.notify("Copied the user id " + id + ".");
    }

    /** Selects the user and has the Tokens pane issue a token for it. */
    public void issueToken(UserRow row) {
        selectedRow.set(row);
        session.selectUser(session.environment(), row.id(), row.labelOrNull());
        shell.navigate(Navigator.TOKENS);
        if (!shell.runCommand(MainViewModel.ISSUE_TOKEN)) {
            show(true, "Selected user " + row.id() + ", but no pane of this window issues tokens yet."
                    + " Use token-console tokens issue --user " + row.id() + " meanwhile.");
        }
    }

    /** Removes the user from this environment's saved list; the user at Argyle stays. */
    public void forget(UserRow row) {
        Environment on = session.environment();
        actions.run(() -> workspace().users().forget(on, row.id()), removed -> {
            if (session.selectedUser().filter(user -> user.id().equals(row.id())).isPresent()) {
                session.clearSelectedUser();
            }
            session.workspaceChanged();
            show(false, "Forgot user " + row.id() + " in this workspace. The user still exists at Argyle"
                    + " (Delete at Argyle removes it there).");
        }, this::failed);
    }

    /** Saves a new label (inline edit); an empty text clears it. */
    public void editLabel(UserRow row, String text) {
        saveDetails(row, new UserDetailsText(text == null ? "" : text.strip(), null));
    }

    /** Saves a new note (inline edit); an empty text clears it. */
    public void editNote(UserRow row, String text) {
        saveDetails(row, new UserDetailsText(null, text == null ? "" : text.strip()));
    }

    private record UserDetailsText(String label, String note) {
    }

    /**
     * An edit names the version of the user the row showed: if someone (another engineer on a team workspace,
     * or a command) changed the user meanwhile, nothing is written, the list shows their version, and the
     * message says who and when and repeats what was typed, so it is not lost.
     */
    private void saveDetails(UserRow row, UserDetailsText text) {
        Environment on = session.environment();
        String what = text.label() != null ? "label" : "note";
        actions.run(() -> workspace().users().edit(on, row.id(), new UserDetails(text.label(), text.note(), null),
                row.version()), (SaveResult saved) -> {
            if (session.selectedUser().filter(user -> user.id().equals(row.id())).isPresent()) {
                session.selectUser(on, row.id(), saved.user().label());
            }
            session.workspaceChanged();
            show(false, "Saved the " + what + " of user " + row.id() + ".");
        }, problem -> {
            if (problem instanceof UserChangedException changed) {
                String typed = text.label() != null ? text.label() : text.note();
                String when = changed.changedAt().map(time::format).map(at -> " at " + at).orElse("");
                String yours = "Your " + what + (typed.isEmpty() ? " (empty)" : " “" + typed + "”")
                        + " was not saved";
                show(true, changed.current().isPresent()
                        ? changed.changedBy() + " changed user " + row.id() + when + " while you were editing. " + yours
                                + "; the list now shows their version — edit again to apply yours."
                        : changed.changedBy() + " forgot user " + row.id() + when + " while you were editing. " + yours
                                + "; save the user again if it should stay.");
            } else {
                failed(problem);
            }
            refresh();
        });
    }

    // --- new user ---------------------------------------------------------------------------------

    /** Ctrl+N from anywhere: this pane comes to the front with the form open and the cursor in it. */
    public void newUser() {
        shell.navigate(Navigator.USERS);
        openNewUserForm();
    }

    public void openNewUserForm() {
        newUserOpen.set(true);
        newUserRequests.set(newUserRequests.get() + 1);
    }

    /** Escape: the form closes, and the token it showed is let go. */
    public void closeNewUserForm() {
        newUserOpen.set(false);
        externalId.set("");
        label.set("");
        note.set("");
        forgetCreated();
    }

    private void forgetCreated() {
        createdId.set("");
        createdToken.set("");
        createdSummary.set("");
    }

    /**
     * Creates the user at Argyle ({@code POST /users}) — after asking where the environment's
     * setting says so —, saves it with its label, note and external id, audits it and selects it.
     */
    public void createUser() {
        if (creating.get()) {
            return; // a second Enter while the first is asked or sent makes no second user
        }
        String problem = externalIdProblem(externalId.get());
        if (!problem.isEmpty()) {
            show(true, problem);
            return;
        }
        Environment on = session.environment();
        String external = blankToNull(externalId.get());
        String labelText = blankToNull(label.get());
        UserDetails details;
        try {
            details = new UserDetails(labelText, blankToNull(note.get()), external);
        } catch (IllegalArgumentException tooLong) {
            show(true, tooLong.getMessage());
            return;
        }
        creating.set(true);
        guard.check(on, "Create a user", null, "Create user", new ChangeGuard.Outcome() {
            @Override
            public void proceed() {
                actions.run(() -> backend.await().actions().createUser(on, NewUser.blank().withExternalId(external), details),
                        created -> {
                            creating.set(false);
                            created(on, created, labelText);
                        }, this::failed);
            }

            @Override
            public void cancelled() {
                creating.set(false);
                show(false, "Nothing was sent: no user was created in " + on.displayName() + ".");
            }

            @Override
            public void failed(Throwable why) {
                creating.set(false);
                UsersViewModel.this.failed(why);
            }
        });
    }

    private void created(Environment on, CreatedUser created, String labelText) {
        createdId.set(created.id());
        createdToken.set(created.userToken());
        createdSummary.set("The first token shows only here: the console keeps its jti and expiry, never the token.");
        externalId.set("");
        label.set("");
        note.set("");
        session.selectUser(on, created.id(), labelText);
        session.workspaceChanged();
        show(false, "Created user " + created.id() + " in " + on.displayName() + "; it is saved and selected.");
    }

    public void copyCreatedId() {
        if (!createdId.get().isEmpty()) {
            copyId(createdId.get());
        }
    }

    public void copyCreatedToken() {
        if (createdToken.get().isEmpty()) {
            return;
        }
        Duration delay = clipboard.copySecret(createdToken.get());
        notifier.notify("Copied the token; it is cleared from the clipboard in " + seconds(delay)
                + " if it is still there.");
    }

    static String seconds(Duration delay) {
        long seconds = delay.toSeconds();
        return seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    // --- Argyle's list ----------------------------------------------------------------------------

    /** {@code GET /users}: the first page, filtered by the exact external id when one is typed. */
    public void find() {
        Integer size = findPageSize.get();
        UserListRequest request = new UserListRequest(size == null ? 50 : size, null, blankToNull(findExternalId.get()));
        listFound(request, true);
    }

    /** Follows {@code next} to the following page. */
    public void showMoreFound() {
        if (nextFoundPage != null) {
            listFound(nextFoundPage, false);
        }
    }

    private record FoundPage(io.tokenconsole.argyle.UserPage page, Set<String> saved) {
    }

    private void listFound(UserListRequest request, boolean first) {
        Environment on = session.environment();
        finder.run(() -> {
            ConsoleBackend ready = backend.await();
            io.tokenconsole.argyle.UserPage page = ready.actions().listUsers(on, request);
            Set<String> saved = new HashSet<>();
            for (User user : page.results()) {
                if (ready.requireWorkspace().users().find(on, user.id()).isPresent()) {
                    saved.add(user.id());
                }
            }
            return new FoundPage(page, saved);
        }, result -> {
            if (on != session.environment()) {
                return;
            }
            if (first) {
                foundRows.clear();
                found.clear();
            }
            for (User user : result.page().results()) {
                found.put(user.id(), user);
                foundRows.add(new FoundRow(user.id(), orEmpty(user.externalId()), orEmpty(user.createdAt()),
                        name(user), orEmpty(user.email()), result.saved().contains(user.id())));
            }
            nextFoundPage = result.page().nextCursor().map(request::after).orElse(null);
            moreFound.set(nextFoundPage != null);
            String filter = request.externalId() == null ? "" : " with external id '" + request.externalId() + "'";
            foundSummary.set(foundRows.isEmpty()
                    ? "Argyle lists no user" + filter + " in " + on.displayName() + "."
                    : foundRows.size() + (foundRows.size() == 1 ? " user" : " users") + filter + " listed by "
                    + on.displayName() + (nextFoundPage == null ? "" : "; more follow"));
        }, this::failed);
    }

    /** Saves a listed user in this environment's saved list (with its external id). */
    public void saveFound(FoundRow row) {
        Environment on = session.environment();
        User user = found.get(row.id());
        if (user == null) {
            return;
        }
        actions.run(() -> backend.await().actions().saveFound(on, user), saved -> {
            int index = foundRows.indexOf(row);
            if (index >= 0) {
                foundRows.set(index, row.asSaved());
            }
            session.workspaceChanged();
            show(false, (saved.added() ? "Saved user " : "User ") + row.id() + (saved.added() ? "" : " was saved already")
                    + " in this workspace's list for " + on.displayName() + ".");
        }, this::failed);
    }

    /**
     * {@code DELETE /users/{id}} after a yes to a question that names the environment and the id —
     * asked every time, in every environment: Argyle deletes the user's accounts and data with it.
     * The user also leaves the saved list, since there is nothing left to issue tokens for.
     */
    public void deleteAtArgyle(String id) {
        Environment on = session.environment();
        String question = "Delete user " + id + " at Argyle in " + on.displayName() + "? Argyle deletes the user"
                + " and all its accounts and data with it; this cannot be undone."
                + (on.isProduction() ? " This acts on real customer data." : "");
        if (!dialogs.confirm("Delete the user in " + on.displayName() + "?", question, "Delete user")) {
            show(false, "Nothing was sent: user " + id + " was not deleted.");
            return;
        }
        actions.run(() -> {
            ConsoleBackend ready = backend.await();
            ready.actions().deleteUser(on, id);
            ready.requireWorkspace().users().forget(on, id);
            return null;
        }, done -> {
            foundRows.removeIf(row -> row.id().equals(id));
            found.remove(id);
            if (session.selectedUser().filter(user -> user.id().equals(id)).isPresent()) {
                session.clearSelectedUser();
            }
            session.workspaceChanged();
            show(false, "Deleted user " + id + " at Argyle in " + on.displayName()
                    + " with its accounts and data, and removed it from the saved users.");
        }, this::failed);
    }

    // --- files ------------------------------------------------------------------------------------

    private static final List<String> FILE_PATTERNS = List.of("*.csv", "*.json");

    /** Saved users from a CSV or JSON file (the command line's formats); rows without an environment go to this one. */
    public void importUsers() {
        Optional<Path> file = dialogs.chooseFileToOpen("Import saved users", "CSV or JSON", FILE_PATTERNS);
        if (file.isEmpty()) {
            return;
        }
        Environment on = session.environment();
        Path path = file.get();
        actions.run(() -> SavedUserFiles.importFile(workspace(), path,
                SavedUserFiles.formatOf(path.getFileName().toString()), on), (ImportReport report) -> {
            session.workspaceChanged();
            show(!report.rejected().isEmpty(), SavedUserFiles.summary(report) + ".");
        }, this::failed);
    }

    /** This environment's saved users to a CSV or JSON file, by its extension. */
    public void exportUsers() {
        Environment on = session.environment();
        Optional<Path> file = dialogs.chooseFileToSave("Export saved users", "saved-users-" + on.id() + ".csv",
                "CSV or JSON", FILE_PATTERNS);
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        actions.run(() -> SavedUserFiles.export(workspace(), on, SavedUserFiles.formatOf(path.getFileName().toString()), path,
                        WholeFileExport.Existing.REPLACE),
                count -> {
                    session.workspaceChanged();
                    show(false, "Exported " + count + " saved users of " + on.displayName() + " to " + path + ".");
                }, this::failed);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private Workspace workspace() {
        return backend.await().requireWorkspace();
    }

    private void failed(Throwable problem) {
        show(true, TaskRunner.describe(problem));
    }

    private void show(boolean failure, String text) {
        failed.set(failure);
        message.set(text == null ? "" : text);
    }

    public void dismissMessage() {
        show(false, "");
    }

    private static String name(User user) {
        return (orEmpty(user.firstName()) + " " + orEmpty(user.lastName())).strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- properties -------------------------------------------------------------------------------

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<UserRow> rows() {
        return rowsView;
    }

    public ReadOnlyObjectProperty<UserRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreSavedProperty() {
        return moreSaved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedSummaryProperty() {
        return savedSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True from Create until the user is made, the question is answered no, or the call failed. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty newUserOpenProperty() {
        return newUserOpen.getReadOnlyProperty();
    }

    /** Counts New user requests, so the view puts the cursor in the form each time, even when it is open. */
    public ReadOnlyLongProperty newUserRequestsProperty() {
        return newUserRequests.getReadOnlyProperty();
    }

    public StringProperty externalIdProperty() {
        return externalId;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty externalIdProblemProperty() {
        return externalIdProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdIdProperty() {
        return createdId.getReadOnlyProperty();
    }

    /** The new user's first token while the form shows it; never saved anywhere. */
    public ReadOnlyStringProperty createdTokenProperty() {
        return createdToken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdSummaryProperty() {
        return createdSummary.getReadOnlyProperty();
    }

    public StringProperty findExternalIdProperty() {
        return findExternalId;
    }

    public ObjectProperty<Integer> findPageSizeProperty() {
        return findPageSize;
    }

    public ObservableList<FoundRow> foundRows() {
        return foundRowsView;
    }

    public ReadOnlyBooleanProperty moreFoundProperty() {
        return moreFound.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty foundSummaryProperty() {
        return foundSummary.getReadOnlyProperty();
    }
}
