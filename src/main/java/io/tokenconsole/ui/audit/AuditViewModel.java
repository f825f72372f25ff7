package io.tokenconsole.ui.audit;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.Debouncer;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.workflow.AuditFilter;
import io.tokenconsole.workflow.WholeFileExport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit log of the workspace, newest first, filtered by time, environment, action and user id.
 * It reads again when the window changes the workspace and, while the pane shows, every few seconds
 * (rows written by the command line in another process); new rows are merged in, so the selected
 * row stays selected. Selecting a row selects its user for the other panes, and the filtered rows
 * export to CSV.
 */
public final class AuditViewModel {

    /** The table shows at most this many rows; an export has them all. */
    public static final int SHOWN_ROWS = 1_000;
    public static final String ANY_ACTION = "Any action";

    private static final String SELECT_HINT = "Select a row to see all of it and to select its user.";
    private static final AuditFilter.Period FIRST_PERIOD = AuditFilter.Period.LAST_7_DAYS;

    // Properties: the filters the person sets
    private final StringProperty period = new SimpleStringProperty(this, "period", FIRST_PERIOD.displayName());
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final BooleanProperty allEnvironments = new SimpleBooleanProperty(this, "allEnvironments");
    private final StringProperty action = new SimpleStringProperty(this, "action", ANY_ACTION);
    private final StringProperty userId = new SimpleStringProperty(this, "userId", "");

    // Properties: what the pane shows
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ReadOnlyBooleanWrapper datesShown = new ReadOnlyBooleanWrapper(this, "datesShown");
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper(this, "filterProblem", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper selectionDetail = new ReadOnlyStringWrapper(this, "selectionDetail", "");
    private final ReadOnlyStringWrapper selectionNote = new ReadOnlyStringWrapper(this, "selectionNote", SELECT_HINT);
    private final ReadOnlyBooleanWrapper userSelected = new ReadOnlyBooleanWrapper(this, "userSelected");
    private final ReadOnlyBooleanWrapper usersPaneAvailable = new ReadOnlyBooleanWrapper(this, "usersPaneAvailable");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");

    private final Session session;
    private final Supplier<Workspace> workspace;
    private final TaskRunner reads;
    private final TaskRunner exports;
    private final Debouncer pollPause;
    private final DialogService dialogs;
    private final Notifier notifier;
    private final Navigator navigator;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param workspace the workspace; asked off the UI thread (it may wait for the console's start),
     *                  it throws, saying why, when there is none
     * @param pollPause the pause between two reads while the pane shows
     */
    public AuditViewModel(Session session, Supplier<Workspace> workspace, BackgroundWork background,
            Debouncer pollPause, DialogService dialogs, Notifier notifier, Navigator navigator, Clock clock,
            ZoneId zone) {
        this.session = session;
        this.workspace = workspace;
        this.reads = new TaskRunner(background);
        this.exports = new TaskRunner(background);
        this.pollPause = pollPause;
        this.dialogs = dialogs;
        this.notifier = notifier;
        this.navigator = navigator;
        this.clock = clock;
        this.zone = zone;

        datesShown.bind(period.isEqualTo(AuditFilter.Period.BETWEEN.displayName()));
        InvalidationListener readAgain = observable -> refreshIfShown();
        Stream.of(period, from, to, allEnvironments, action, userId, session.environmentProperty(),
                session.workspaceChangesProperty()).forEach(property -> property.addListener(readAgain));
        shown.addListener((o, was, now) -> refreshIfShown());
        selectedRow.addListener((o, was, now) -> selected(now));
        session.environmentProperty().addListener((o, was, now) -> selected(selectedRow.get()));
    }

    // Commands

    /** Reads the rows of the current filter again (in the background); a filter that makes no query says why. */
    public void refresh() {
        AuditQuery query;
        try {
            query = filter().toQuery(clock.instant(), zone, SHOWN_ROWS);
        } catch (IllegalArgumentException notAFilter) {
            reads.cancel();
            filterProblem.set(notAFilter.getMessage() + " Until then the table shows the rows of the last filter.");
            return;
        }
        filterProblem.set("");
        String described = describe();
        reads.run(() -> workspace.get().audit().find(query).stream().map(entry -> AuditRow.of(entry, zone)).toList(),
                fresh -> {
                    failure.set("");
                    merge(fresh);
                    summary.set(summarize(fresh.size(), described));
                    emptyText.set("Nothing recorded " + described + " matches these filters. Widen the time range or clear the filters.");
                    pollLater();
                }, failed -> {
                    failure.set("Could not read the audit log: " + TaskRunner.describe(failed));
                    pollLater();
                });
    }

    private void refreshIfShown() {
        if (shown.get()) {
            refresh();
        }
    }

    private void pollLater() {
        if (shown.get()) {
            pollPause.request(this::refreshIfShown);
        }
    }

    /** Back to the pane's start: the last 7 days of the current environment, any action, any user. */
    public void clearFilters() {
        from.set(null);
        to.set(null);
        allEnvironments.set(false);
        action.set(ANY_ACTION);
        userId.set("");
        period.set(FIRST_PERIOD.displayName());
    }

    /**
     * Asks where to save, then writes every row of the current filter (not only the shown ones) as
     * CSV through a temporary file; says how many rows were written. The save dialog asks before it
     * replaces a file.
     */
    public void exportCsv() {
        AuditQuery query;
        try {
            query = filter().toQuery(clock.instant(), zone, AuditQuery.NO_LIMIT);
        } catch (IllegalArgumentException notAFilter) {
            filterProblem.set(notAFilter.getMessage() + " Nothing was exported.");
            return;
        }
        Optional<Path> target = dialogs.chooseFileToSave("Export the audit log", suggestedFileName(),
                "CSV files", List.of("*.csv"));
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        failure.set("");
        exports.run(() -> WholeFileExport.write(file, out -> workspace.get().audit().exportCsv(query, out)),
                count -> notifier.notify("Exported " + count + (count == 1 ? " audit row" : " audit rows")
                        + " to " + file.getFileName() + "."),
                failed -> failure.set("Could not export the audit log: " + TaskRunner.describe(failed)
                        + " Nothing was written; choose another folder and try again."));
    }

    /** Brings the Users pane to the front; its selected user is this row's. */
    public void showInUsers() {
        if (userSelected.get()) {
            navigator.navigate(Navigator.USERS);
        }
    }

    // What the filters and the selection mean

    private AuditFilter filter() {
        AuditFilter.Period chosen = AuditFilter.Period.fromDisplayName(period.get()).orElse(FIRST_PERIOD);
        AuditAction wanted = Arrays.stream(AuditAction.values())
                .filter(each -> each.displayName().equals(action.get())).findFirst().orElse(null);
        return new AuditFilter(chosen, from.get(), to.get(), allEnvironments.get() ? null : session.environment(),
                wanted, userId.get());
    }

    /** "in Local sandbox (last 7 days)", for the summary and the empty table. */
    private String describe() {
        String where = allEnvironments.get() ? "in all environments" : "in " + session.environment().displayName();
        AuditFilter.Period chosen = AuditFilter.Period.fromDisplayName(period.get()).orElse(FIRST_PERIOD);
        String when = switch (chosen) {
            case ALL_TIME -> "";
            case BETWEEN -> " between " + (from.get() == null ? "the first row" : from.get()) + " and "
                    + (to.get() == null ? "today" : to.get());
            default -> " (" + chosen.displayName().toLowerCase(java.util.Locale.ROOT) + ")";
        };
        return where + when;
    }

    private static String summarize(int count, String described) {
        String text = count + (count == 1 ? " row " : " rows ") + described + ", newest first.";
        return count >= SHOWN_ROWS
                ? text + " Only the newest " + SHOWN_ROWS + " show: narrow the filters, or export them all."
                : text;
    }

    private String suggestedFileName() {
        String where = allEnvironments.get() ? "all" : session.environment().id();
        return "audit-" + where + "-" + LocalDate.ofInstant(clock.instant(), zone) + ".csv";
    }

    private void selected(AuditRow row) {
        userSelected.set(false);
        if (row == null) {
            selectionDetail.set("");
            selectionNote.set(SELECT_HINT);
            return;
        }
        selectionDetail.set(row.description());
        Environment on = session.environment();
        if (row.userId().isEmpty() || row.environment() == null) {
            selectionNote.set("This row names no user.");
        } else if (row.environment() != on) {
            selectionNote.set("This row is from " + row.environment().displayName() + ": switch to "
                    + row.environment().displayName() + " at the top of the window to select its user.");
        } else if (session.selectUser(on, row.userId(), null)) {
            userSelected.set(true);
            selectionNote.set("User " + row.userId() + " is selected for the other panes (Ctrl+T issues a token for it).");
        }
    }

    /**
     * Puts {@code fresh} in the table without replacing what is there: rows that no longer match go,
     * new ones are inserted where they belong, and kept rows stay the same objects — so the selection
     * and the scroll position survive a re-read. Both lists are newest first.
     */
    private void merge(List<AuditRow> fresh) {
        Set<Long> wanted = new HashSet<>();
        fresh.forEach(row -> wanted.add(row.sequence()));
        List<AuditRow> gone = new ArrayList<>();
        rows.forEach(row -> {
            if (!wanted.contains(row.sequence())) {
                gone.add(row);
            }
        });
        rows.removeAll(gone);
        int at = 0;
        while (at < fresh.size()) {
            if (at < rows.size() && rows.get(at).sequence() == fresh.get(at).sequence()) {
                at++;
                continue;
            }
            long nextKept = at < rows.size() ? rows.get(at).sequence() : Long.MIN_VALUE;
            int end = at;
            while (end < fresh.size() && fresh.get(end).sequence() != nextKept) {
                end++;
            }
            rows.addAll(at, fresh.subList(at, end));
            at = end;
        }
    }

    /** Called by the window once all panes are registered: "Show in Users" only where there is one. */
    public void setUsersPaneAvailable(boolean available) {
        usersPaneAvailable.set(available);
    }

    // Property accessors

    /** The periods offered, in order ("Last hour" … "Between dates"). */
    public List<String> periods() {
        return Arrays.stream(AuditFilter.Period.values()).map(AuditFilter.Period::displayName).toList();
    }

    /** "Any action", then every action by its display name ({@code token-issued}). */
    public List<String> actions() {
        return Stream.concat(Stream.of(ANY_ACTION), Arrays.stream(AuditAction.values()).map(AuditAction::displayName))
                .toList();
    }

    public StringProperty periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Unticked: only the environment the console is on. */
    public BooleanProperty allEnvironmentsProperty() {
        return allEnvironments;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty userIdProperty() {
        return userId;
    }

    /** The rows shown, newest first. */
    public ObservableList<AuditRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<AuditRow> selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyBooleanProperty datesShownProperty() {
        return datesShown.getReadOnlyProperty();
    }

    /** Why the filters make no query (half a user id, dates the wrong way round); "" when they do. */
    public ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    /** Why the log could not be read or exported; "" when all is well. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the empty table says. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The selected row in full, its error first when it failed. */
    public ReadOnlyStringProperty selectionDetailProperty() {
        return selectionDetail.getReadOnlyProperty();
    }

    /** What selecting the row did: the user selected, or which environment to switch to. */
    public ReadOnlyStringProperty selectionNoteProperty() {
        return selectionNote.getReadOnlyProperty();
    }

    /** The selected row's user is the session's selected user. */
    public ReadOnlyBooleanProperty userSelectedProperty() {
        return userSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usersPaneAvailableProperty() {
        return usersPaneAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return reads.busyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exports.busyProperty();
    }

    /** True while the pane is on screen: it reads on showing and polls while shown. */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
