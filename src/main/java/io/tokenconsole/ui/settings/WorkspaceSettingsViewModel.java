package io.tokenconsole.ui.settings;

import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.TaskRunner;
import io.tokenconsole.workflow.WorkspaceConnection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings → Workspace: where saved users, the audit log and the settings live — this computer (SQLite, the
 * default) or the team's PostgreSQL. "Test connection" tries what is typed without keeping anything; "Use
 * this workspace" switches the window at once, keeps the typed password in the OS credential store (never in
 * the workspace or the choice file) and remembers the choice for the next start. The choice belongs to this
 * computer's data folder, so it is the same for every environment.
 */
public final class WorkspaceSettingsViewModel {

    /** What the TLS choice offers: libpq's modes, and the driver's default (none named in the address). */
    public static final String TLS_DEFAULT = "default";
    public static final List<String> TLS_MODES = List.of(TLS_DEFAULT, "disable", "prefer", "require", "verify-ca", "verify-full");

    // What the person edits
    private final BooleanProperty team = new SimpleBooleanProperty(this, "team");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", Integer.toString(PostgresAddress.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty(this, "database", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty tls = new SimpleStringProperty(this, "tls", TLS_DEFAULT);
    private final StringProperty operatorName = new SimpleStringProperty(this, "operatorName", "");

    // What the section shows
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final Supplier<WorkspaceConnection> connection;
    private final BackgroundWork background;
    private final Runnable switched;
    private final java.util.concurrent.Executor afterThisChange;
    /** What to say once the reload after a switch has shown the new workspace. */
    private String pendingMessage = "";

    /**
     * @param connection the window's workspace connection; asked off the UI thread (it may wait for start-up)
     * @param switched   told on the UI thread after the window moved to another workspace
     * @param afterThisChange runs work on the UI thread once the change being handled has settled (the FX
     *                   thread's queue): a pasted address is split there, because a field bound to the server
     *                   property does not take a new value set while it is itself updating that property
     */
    public WorkspaceSettingsViewModel(Supplier<WorkspaceConnection> connection, BackgroundWork background,
            Runnable switched, java.util.concurrent.Executor afterThisChange) {
        this.connection = connection;
        this.background = background;
        this.switched = switched;
        this.afterThisChange = afterThisChange;
        // A whole address pasted into the server field fills in every field (typed by hand, it is read at Test/Use).
        host.addListener((o, was, now) -> {
            if (now != null && now.length() - (was == null ? 0 : was.length()) > 1 && isAddress(now)) {
                afterThisChange.execute(() -> splitPastedAddress(now));
            }
        });
        load();
    }

    /** Reads which workspace is in use and fills the fields with it (the password field stays empty). */
    public void load() {
        busy.set(true);
        background.submit(() -> {
            WorkspaceConnection current = connection.get();
            return new Current(current.location(), current.configuredOperator(), current.describe(),
                    current.isReachable(), current.problem());
        }, this::show, this::failed);
    }

    private record Current(Optional<WorkspaceLocation> location, Optional<String> operator, String described,
            boolean reachable, String problem) {
    }

    private void show(Current current) {
        busy.set(false);
        password.set("");
        operatorName.set(current.operator().orElse(""));
        if (current.location().orElse(null) instanceof WorkspaceLocation.Team chosen) {
            team.set(true);
            PostgresAddress address = chosen.address();
            host.set(address.host());
            port.set(Integer.toString(address.port()));
            database.set(address.database());
            user.set(address.user());
            tls.set(address.sslMode() == null ? TLS_DEFAULT : address.sslMode());
        } else {
            team.set(false);
        }
        inUse.set("In use: " + current.described() + (current.problem().isEmpty()
                ? (current.reachable() ? "" : " — the server does not answer at the moment")
                : " — " + current.problem()));
        say(false, pendingMessage);
        pendingMessage = "";
    }

    /** Connects with what is typed and says what it found; nothing is kept. */
    public void test() {
        Optional<Typed> location = typedLocation();
        if (location.isEmpty()) {
            return;
        }
        Optional<Secret> typed = typedPassword();
        busy.set(true);
        say(false, "Connecting…");
        background.submit(() -> {
            WorkspaceConnection current = connection.get();
            return current.test(location.get().in(current), typed);
        }, found -> {
            busy.set(false);
            say(false, found);
        }, this::failed);
    }

    /** Moves the window to the typed workspace now and remembers it for the next start. */
    public void use() {
        Optional<Typed> location = typedLocation();
        if (location.isEmpty()) {
            return;
        }
        Optional<Secret> typed = typedPassword();
        Optional<String> name = Optional.ofNullable(operatorName.get()).map(String::strip).filter(s -> !s.isEmpty());
        busy.set(true);
        say(false, "Connecting…");
        background.submit(() -> {
            WorkspaceConnection current = connection.get();
            WorkspaceLocation chosen = location.get().in(current);
            String keptIn = current.use(chosen, typed, name);
            return "Now using " + chosen.describe() + "." + (keptIn.isEmpty() ? "" : " The password is kept in " + keptIn + ".")
                    + " Token Console opens it again at the next start.";
        }, done -> {
            busy.set(false);
            password.set("");
            switched.run();
            pendingMessage = done;
            load();
        }, this::failed);
    }

    /** A team address typed, or "this computer" (whose folder the connection knows). */
    private record Typed(WorkspaceLocation.Team team) {
        WorkspaceLocation in(WorkspaceConnection connection) {
            return team != null ? team : connection.thisComputer();
        }
    }

    /** The location the fields describe; empty (with a message saying what to fix) when they describe none. */
    private Optional<Typed> typedLocation() {
        if (!team.get()) {
            return Optional.of(new Typed(null));
        }
        if (isAddress(text(host)) && !splitPastedAddress(text(host))) {
            return Optional.empty();
        }
        int number;
        try {
            number = Integer.parseInt(text(port).isEmpty() ? Integer.toString(PostgresAddress.DEFAULT_PORT) : text(port));
        } catch (NumberFormatException notANumber) {
            say(true, "The port is a number, such as 5432.");
            return Optional.empty();
        }
        try {
            return Optional.of(new Typed(new WorkspaceLocation.Team(new PostgresAddress(text(host), number,
                    text(database), text(user), text(tls).isEmpty() || text(tls).equals(TLS_DEFAULT) ? null : text(tls)))));
        } catch (IllegalArgumentException incomplete) {
            say(true, incomplete.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Secret> typedPassword() {
        String typed = password.get();
        return typed == null || typed.isEmpty() || !team.get() ? Optional.empty() : Optional.of(Secret.verbatim(typed));
    }

    private static boolean isAddress(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    /** Fills the fields from a whole address; {@code false} (with the reason shown) when it is not one. */
    private boolean splitPastedAddress(String text) {
        if (!isAddress(text)) {
            return true;
        }
        try {
            PostgresAddress address = PostgresAddress.parse(text);
            host.set(address.host());
            port.set(Integer.toString(address.port()));
            database.set(address.database());
            user.set(address.user());
            tls.set(address.sslMode() == null ? TLS_DEFAULT : address.sslMode());
            say(false, "");
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            // The message never repeats a password; the pasted text is cleared so one does not stay on screen.
            host.set("");
            say(true, notAnAddress.getMessage());
            return false;
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        say(true, TaskRunner.describe(failure));
    }

    private void say(boolean failure, String text) {
        failed.set(failure);
        message.set(text);
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get().strip();
    }

    // Properties

    /** False: this computer; true: the team's PostgreSQL. */
    public BooleanProperty teamProperty() {
        return team;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Typed, never read back: emptied after a switch and at every load. */
    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tlsProperty() {
        return tls;
    }

    /** The name the audit log shows for this person; empty: the database role (team) or the OS user. */
    public StringProperty operatorNameProperty() {
        return operatorName;
    }

    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
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
}
