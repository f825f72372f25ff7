package io.tokenconsole.workflow;

import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.NewerWorkspaceException;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.Secret;
import io.tokenconsole.store.SessionCredentialStore;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceUnavailableException;
import io.tokenconsole.store.WorkspaceWatcher;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The window's hold on its workspace: the one chosen (this computer, or the team's PostgreSQL), opened at
 * start, switched from Settings → Workspace without a restart, and — when the team's server could not be
 * reached at start — opened as soon as it answers. The window hears everything through one
 * {@link WorkspaceWatcher}: changes by anyone, the server going away and coming back, and a switch.
 *
 * <p>Thread safety: every method may be called from any thread; opening blocks on the disk or the network,
 * so never on a UI thread.
 */
public final class WorkspaceConnection implements AutoCloseable {

    /** How often a team workspace that could not be opened is tried again. */
    static final Duration RETRY = Duration.ofSeconds(5);

    private final DataFolder folder;
    private final Clock clock;
    private final Map<String, String> environmentVariables;
    private final Supplier<CredentialStore> credentialStore;
    private final ScheduledExecutorService retries;
    private volatile WorkspaceChoice choice;
    private volatile Workspace workspace;
    private volatile String unavailable = "";
    private WorkspaceWatcher watcher = new WorkspaceWatcher() { };
    private AutoCloseable watching;
    private ScheduledFuture<?> retrying;
    private boolean closed;

    private WorkspaceConnection(DataFolder folder, Clock clock, Map<String, String> environmentVariables,
            Supplier<CredentialStore> credentialStore) {
        this.folder = folder;
        this.clock = clock;
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.credentialStore = credentialStore;
        this.retries = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "token-console-workspace-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the workspace chosen for this data folder ({@link WorkspaceChoice}: {@code $TOKEN_CONSOLE_WORKSPACE},
     * then the saved choice, then this computer). A team workspace whose server does not answer is tried again
     * every few seconds; {@link #problem()} says why there is none meanwhile.
     */
    public static WorkspaceConnection open(DataFolder folder, Clock clock, Map<String, String> environmentVariables,
            Supplier<CredentialStore> credentialStore) {
        WorkspaceConnection connection = new WorkspaceConnection(Objects.requireNonNull(folder, "folder"),
                Objects.requireNonNull(clock, "clock"), environmentVariables, credentialStore);
        try {
            connection.choice = WorkspaceChoice.resolve(Optional.empty(), environmentVariables, folder);
        } catch (IllegalArgumentException badChoice) {
            connection.unavailable = badChoice.getMessage() + " Nothing is saved in this session.";
            return connection;
        }
        connection.openChosen();
        return connection;
    }

    private void openChosen() {
        WorkspaceChoice chosen = choice;
        try {
            Workspace opened = Workspace.open(chosen, clock, passwords(chosen.location(), Optional.empty()));
            synchronized (this) {
                if (closed) {
                    opened.close();
                    return;
                }
                workspace = opened;
                unavailable = "";
                watchCurrent();
            }
        } catch (WorkspaceUnavailableException away) {
            unavailable = away.whatWentWrong() + " The inspector works meanwhile; saving and the audit log wait for it"
                    + " (tried again every " + RETRY.toSeconds() + " s).";
            scheduleRetry();
        } catch (NewerWorkspaceException | UncheckedIOException | IllegalArgumentException unusable) {
            unavailable = unusable.getMessage() + " Nothing is saved in this session.";
        } catch (WorkspaceException unusable) {
            unavailable = unusable.getMessage() + " Nothing is saved in this session; choose another workspace in"
                    + " Settings → Workspace.";
        }
    }

    private synchronized void scheduleRetry() {
        if (closed || retrying != null && !retrying.isDone()) {
            return;
        }
        retrying = retries.schedule(() -> {
            openChosen();
            WorkspaceWatcher told;
            boolean opened;
            synchronized (this) {
                told = watcher;
                opened = workspace != null;
            }
            if (opened) {
                told.reachabilityChanged(true, "Connected to the team workspace " + describe() + ".");
                told.usersChanged();
                told.auditAppended();
            }
        }, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The workspace in use; empty when it could not be opened (see {@link #problem()}). */
    public Optional<Workspace> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** Why there is no workspace, in words for the person; "" when there is one. */
    public String problem() {
        return workspace == null ? unavailable : "";
    }

    /** The location chosen, open or not; empty only when the saved choice cannot be read. */
    public Optional<WorkspaceLocation> location() {
        WorkspaceChoice chosen = choice;
        return chosen == null ? Optional.empty() : Optional.of(chosen.location());
    }

    /** The data folder the choice, a spool and the workspace on this computer live in. */
    public DataFolder folder() {
        return folder;
    }

    /** The workspace on this computer, in this data folder. */
    public WorkspaceLocation thisComputer() {
        return new WorkspaceLocation.ThisComputer(folder);
    }

    /** The operator name configured on this computer, if any (else the audit rows name the role or OS user). */
    public Optional<String> configuredOperator() {
        WorkspaceChoice chosen = choice;
        return chosen == null ? Optional.empty() : chosen.configuredOperator().map(Operator::name);
    }

    /** "This computer (…/workspace.db)", "Team: support@db:5432/tokenconsole", or "none" when the choice is unreadable. */
    public String describe() {
        return location().map(WorkspaceLocation::describe).orElse("none");
    }

    /** Whether saving works now: the workspace is open and, for a team, its server answered last time. */
    public boolean isReachable() {
        Workspace current = workspace;
        return current != null && current.isReachable();
    }

    /** The one listener of the window; it follows the workspace through a switch or a late open. */
    public void watch(WorkspaceWatcher listener) {
        synchronized (this) {
            watcher = Objects.requireNonNull(listener, "listener");
            watchCurrent();
        }
    }

    private void watchCurrent() {
        closeQuietly(watching);
        watching = null;
        if (workspace != null && !closed) {
            watching = workspace.watch(watcher);
        }
    }

    /**
     * Connects to a team workspace with what the person typed, without keeping anything, and says what it
     * found ("Connected as support: schema 3, 12 saved users in the sandbox …"). A typed password wins over
     * {@code PGPASSWORD}, {@code ~/.pgpass} and the credential store.
     *
     * @throws WorkspaceException saying why not (unreachable, refused, a newer schema)
     */
    public String test(WorkspaceLocation location, Optional<Secret> typedPassword) {
        if (location instanceof WorkspaceLocation.ThisComputer) {
            return "The workspace on this computer needs no connection.";
        }
        try (Workspace trial = Workspace.open(location, clock, new Operator("connection-test"), passwords(location, typedPassword))) {
            return "Connected to " + location.describe() + " (schema " + trial.schemaVersion() + ").";
        }
    }

    /**
     * Uses another workspace from now on: opens it (the current one stays in use if that fails), keeps the
     * typed password in the credential store, saves the choice for the next start, then closes the old one.
     *
     * @return where a typed password was kept ("the Secret Service keyring", "this session's memory"), or ""
     * @throws WorkspaceException saying why it could not be opened; nothing changed
     */
    public String use(WorkspaceLocation location, Optional<Secret> typedPassword, Optional<String> operatorName) {
        Objects.requireNonNull(location, "location");
        WorkspaceChoice next = new WorkspaceChoice(location, WorkspaceChoice.Source.SAVED,
                operatorName.filter(name -> !name.isBlank()).map(Operator::new));
        Workspace opened = Workspace.open(next, clock, passwords(location, typedPassword));
        String keptIn = "";
        try {
            if (location instanceof WorkspaceLocation.Team team && typedPassword.isPresent()) {
                PostgresPasswords saved = passwords(location, Optional.empty());
                saved.save(team.address(), typedPassword.get());
                keptIn = saved.storeName();
            }
            WorkspaceChoice.save(folder, location, operatorName);
        } catch (RuntimeException notKept) {
            opened.close();
            throw notKept;
        }
        Workspace old;
        synchronized (this) {
            old = workspace;
            if (retrying != null) {
                retrying.cancel(false);
            }
            choice = next;
            workspace = opened;
            unavailable = "";
            watchCurrent();
        }
        if (old != null) {
            old.close();
        }
        return keptIn;
    }

    /** Where a team workspace's password is looked for: a typed one alone (it is not kept by this), else PostgreSQL's places. */
    private PostgresPasswords passwords(WorkspaceLocation location, Optional<Secret> typed) {
        if (typed.isPresent() && location instanceof WorkspaceLocation.Team team) {
            SessionCredentialStore typedOnly = new SessionCredentialStore("typed in Settings → Workspace");
            typedOnly.storeWorkspacePassword(team.address().uri(), typed.get());
            return new PostgresPasswords(Map.of(), folder.path().resolve("no-password-file-here"),
                    System.getProperty("os.name", ""), typedOnly);
        }
        return new PostgresPasswords(environmentVariables, Path.of(System.getProperty("user.home", ".")),
                System.getProperty("os.name", ""), credentialStore.get());
    }

    @Override
    public void close() {
        Workspace open;
        synchronized (this) {
            closed = true;
            if (retrying != null) {
                retrying.cancel(false);
            }
            closeQuietly(watching);
            watching = null;
            open = workspace;
            workspace = null;
        }
        retries.shutdownNow();
        if (open != null) {
            open.close();
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // Stopping a watch that already stopped.
        }
    }
}
