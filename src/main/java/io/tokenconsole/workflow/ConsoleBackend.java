package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.link.LinkAudit;
import io.tokenconsole.link.LinkHost;
import io.tokenconsole.link.LinkOptions;
import io.tokenconsole.link.LinkSession;
import io.tokenconsole.link.SandboxKeyTokenCheck;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a long-running console (the window) works with, started once: the workspace, the local
 * sandbox with the workspace's keys and its kept users, and access to the APIs. Either part may
 * fail — a workspace from a newer version, a port that can't be bound — and the rest still works;
 * {@link #problems()} says what went wrong in words for the person.
 */
public final class ConsoleBackend implements AutoCloseable {

    private final WorkspaceConnection workspaces;
    private final DataFolder folder;
    private volatile Consumer<String> notices = notice -> { };
    private final LocalSandbox localSandbox;
    private final LocalSandboxMaterial localKeys;
    private final List<String> problems;
    private final Map<String, String> environmentVariables;
    private final Clock clock;
    private volatile ApiKeys apiKeys;
    /** The workspace {@link #apiKeys} reads its key ids from: a switch of workspace makes new ones. */
    private Workspace apiKeysWorkspace;
    private final Once<CredentialStore> credentialStore;
    private java.net.http.HttpClient http;
    private LinkHost linkHost;

    private ConsoleBackend(WorkspaceConnection workspaces, Once<CredentialStore> credentialStore, LocalSandbox localSandbox,
            LocalSandboxMaterial localKeys, List<String> problems, Map<String, String> environmentVariables, Clock clock) {
        this.workspaces = workspaces;
        this.folder = workspaces.folder();
        this.credentialStore = credentialStore;
        this.localSandbox = localSandbox;
        this.localKeys = localKeys;
        this.problems = new java.util.concurrent.CopyOnWriteArrayList<>(problems);
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.clock = clock;
    }

    /**
     * Opens the workspace in {@code folder} and starts the local sandbox. Blocks on the disk and a
     * socket: never call it on a UI thread. {@code progress} hears what is being started.
     */
    public static ConsoleBackend start(DataFolder folder, Clock clock, Map<String, String> environmentVariables,
            Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        List<String> problems = new ArrayList<>();
        LocalSandbox sandbox = null;
        LocalSandboxMaterial material = null;
        progress.accept("Opening the workspace…");
        // The credential store is looked for once, by whichever needs it first: a team workspace's password
        // or an API secret.
        Once<CredentialStore> store = new Once<>(() -> CredentialStore.detect(environmentVariables));
        WorkspaceConnection workspaces = WorkspaceConnection.open(folder, clock, environmentVariables, store);
        if (!workspaces.problem().isEmpty()) {
            problems.add(workspaces.problem());
        }
        progress.accept("Starting the local sandbox…");
        try {
            material = LocalSandboxMaterial.loadOrCreate(folder);
            sandbox = LocalSandboxes.start(folder, material, clock, Optional.empty());
        } catch (IOException | UncheckedIOException | WorkspaceException | IllegalArgumentException cannotStart) {
            problems.add("The local sandbox could not start: " + cannotStart.getMessage());
        }
        ConsoleBackend backend = new ConsoleBackend(workspaces, store, sandbox, material, problems, environmentVariables,
                clock);
        progress.accept("Starting the Link host…");
        backend.startLinkHost();
        return backend;
    }

    /**
     * The Link host serves this console's Link pages. A fresh token Link asks for on
     * {@code onTokenExpired} is issued and audited the one way ({@link SupportActions#issueToken});
     * it is not confirmed again: in production the person confirmed, when opening the session,
     * "Open Link … which issues tokens for this user" — a session is that consent, for its own user only.
     */
    private void startLinkHost() {
        SandboxKeyTokenCheck standIn = localSandbox == null ? null : SandboxKeyTokenCheck.of(
                localSandbox.signingKey().publicKey(), localSandbox.signingKey().keyId(), clock);
        try {
            linkHost = LinkHost.start(LinkHost.Settings.DEFAULT.withClock(clock), (environment, userId) -> {
                try {
                    return actions().issueToken(environment, userId);
                } catch (IOException unreachable) {
                    throw new UncheckedIOException(unreachable.getMessage(), unreachable);
                }
            }, standIn);
        } catch (IOException | UncheckedIOException cannotStart) {
            problems.add("Link sessions are not available: the Link host could not start (" + cannotStart.getMessage() + ").");
        }
    }

    /** The host of this console's Link sessions; empty when it could not start (see {@link #problems()}). */
    public Optional<LinkHost> linkHost() {
        return Optional.ofNullable(linkHost);
    }

    /** What a Link session of {@code environment} starts with: the saved Flow, items and (legacy) link key. */
    public LinkOptions linkDefaults(Environment environment) {
        return workspace().map(Workspace::settings).map(settings -> LinkOptions.of(
                settings.linkFlowId(environment).orElse(null),
                LinkOptions.parseItems(settings.linkItems(environment).orElse(null)),
                settings.linkKey(environment).orElse(null))).orElse(LinkOptions.NONE);
    }

    /**
     * Opens a Link session for {@code userId} with a token issued now (audited as {@code token-issued});
     * the session's {@code onAccountConnected} and {@code onError} go to the audit log. Blocking: off
     * the UI thread. Asking before production is the caller's.
     */
    public LinkSession openLink(Environment environment, String userId, LinkOptions options) throws IOException {
        String id = UserIds.normalize(userId);
        LinkHost host = linkHost().orElseThrow(() -> new IllegalStateException(
                "Link sessions are not available in this session: " + String.join(" ", problems)));
        if (environment == Environment.LOCAL && !host.servesLocalSandbox()) {
            throw new IllegalStateException("Link for the local sandbox needs the local sandbox, which did not start.");
        }
        IssuedToken token = actions().issueToken(environment, id);
        LinkSession session = host.open(environment, id, token.userToken(), options);
        session.subscribe(new LinkAudit(recorder()::record));
        return session;
    }

    /** What went wrong at start, in words for the person; empty when all is well. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Optional<Workspace> workspace() {
        return workspaces.workspace();
    }

    /** The workspace, or an exception that says why there is none. */
    public Workspace requireWorkspace() {
        // The problem says what happened and that nothing was done or saved, in the person's words.
        return workspaces.workspace().orElseThrow(() -> new IllegalStateException(workspaces.problem()));
    }

    /** The chosen workspace, open or not: switch it, test another, watch it. */
    public WorkspaceConnection workspaces() {
        return workspaces;
    }

    public Optional<LocalSandbox> localSandbox() {
        return Optional.ofNullable(localSandbox);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Records what the actions did. With a team workspace whose server went away after an API call
     * succeeded, the recording waits in this data folder's spool (the notices say so) and is written when the
     * server answers again ({@link #flushSpool()}).
     */
    public ActionRecorder recorder() {
        return recorder(requireWorkspace());
    }

    private ActionRecorder recorder(Workspace workspace) {
        return new ActionRecorder(workspace, clock, AuditSpool.in(folder, workspace.location()), notices);
    }

    /** Where the window wants to hear what the recorder says in passing (a row waiting on this computer). */
    public void onNotice(Consumer<String> listener) {
        notices = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Writes the recordings that waited on this computer for the team workspace, and tells the notices how many
     * (nothing when nothing waits). Blocking: off the UI thread; the window calls it at start and whenever the
     * server answers again.
     */
    public void flushSpool() {
        workspace().ifPresent(open -> recorder(open).flushSpoolAndTell());
    }

    /**
     * The API keys: the first call looks for the OS credential store, which may take a few seconds
     * when it does not answer — call it off the UI thread.
     */
    public Optional<ApiKeys> apiKeys() {
        Workspace workspace = workspaces.workspace().orElse(null);
        if (workspace == null || localKeys == null) {
            return Optional.empty();
        }
        synchronized (this) {
            if (apiKeys == null || apiKeysWorkspace != workspace) {
                apiKeys = new ApiKeys(workspace.settings(), credentialStore(), environmentVariables, localKeys);
                apiKeysWorkspace = workspace;
            }
            return Optional.of(apiKeys);
        }
    }

    /** The OS credential store, looked for the first time it is needed (it may take a few seconds). */
    public CredentialStore credentialStore() {
        return credentialStore.get();
    }

    /** The support workflow's actions on this backend's workspace and APIs. */
    public SupportActions actions() {
        return new SupportActions(requireWorkspace(), apiAccess(), recorder());
    }

    /** Where calls go for each environment, with the saved keys and this backend's local sandbox. */
    public ApiAccess apiAccess() {
        Workspace saved = requireWorkspace();
        return new ApiAccess(saved.settings(), () -> apiKeys().orElseThrow(), key -> {
            if (localSandbox == null) {
                throw new IOException("the local sandbox is not running (see the message at start)");
            }
            return new ApiAccess.Lease() {
                @Override
                public LocalSandbox sandbox() {
                    return localSandbox;
                }

                @Override
                public void close() {
                    // The window's sandbox runs as long as the window.
                }
            };
        }, http(), ClientSettings.DEFAULT);
    }

    /** One HTTP client for every call of this console, made when the first call needs it. */
    private synchronized java.net.http.HttpClient http() {
        if (http == null) {
            http = ArgyleClient.newHttpClient(ApiAccess.CONNECT_TIMEOUT);
        }
        return http;
    }

    @Override
    public void close() {
        if (linkHost != null) {
            linkHost.close();
        }
        if (localSandbox != null) {
            localSandbox.close();
        }
        workspaces.close();
    }
}
