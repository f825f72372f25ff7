package io.tokenconsole.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.store.Settings;
import io.tokenconsole.ui.audit.AuditController;
import io.tokenconsole.ui.audit.AuditViewModel;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.ChangeGuard;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.Debouncer;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.FirstFrame;
import io.tokenconsole.ui.common.FxDebouncer;
import io.tokenconsole.ui.common.FxDialogService;
import io.tokenconsole.ui.common.FxNotifier;
import io.tokenconsole.ui.common.FxSecretClipboard;
import io.tokenconsole.ui.common.Notifier;
import io.tokenconsole.ui.common.SecretClipboard;
import io.tokenconsole.ui.common.SystemBrowser;
import io.tokenconsole.ui.inspector.InspectorController;
import io.tokenconsole.ui.inspector.InspectorViewModel;
import io.tokenconsole.ui.link.LinkController;
import io.tokenconsole.ui.link.LinkViewModel;
import io.tokenconsole.ui.settings.SettingsController;
import io.tokenconsole.ui.settings.SettingsViewModel;
import io.tokenconsole.ui.settings.WorkspaceSettingsViewModel;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceWatcher;
import io.tokenconsole.workflow.WorkspaceConnection;
import io.tokenconsole.ui.shell.MainController;
import io.tokenconsole.ui.shell.MainViewModel;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.PaneSpec;
import io.tokenconsole.ui.shell.Session;
import io.tokenconsole.ui.shell.ThemePreference;
import io.tokenconsole.ui.tokens.TokensController;
import io.tokenconsole.ui.tokens.TokensViewModel;
import io.tokenconsole.ui.users.UsersController;
import io.tokenconsole.ui.users.UsersViewModel;
import io.tokenconsole.workflow.ConsoleBackend;
import io.tokenconsole.workflow.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The composition root of the window and its pane registry: builds the session, the view models
 * (from the services, the session and the common interfaces) and the controllers, and hands them
 * to FXML through the controller factory. Adding a pane is one {@link #register} call here and a
 * package of its own. Tests build it with their own clock, executor and dialogs.
 */
public final class ConsoleWindow {

    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};
    /** How often the audit pane reads the log while it shows (rows the command line writes). */
    private static final Duration AUDIT_POLL = Duration.ofSeconds(3);

    /** What the window is built from; tests make their own. */
    public record Parts(
            BackgroundWork background,
            Debouncer debouncer,
            Clock clock,
            ZoneId zone,
            ThemePreference theme,
            ClipboardService clipboard,
            BackendStartup backend,
            Optional<DialogService> dialogs,
            Optional<Notifier> notifier,
            SystemBrowser browser) {

        /** Without the system browser (Open in browser then says to copy the address). */
        public Parts(BackgroundWork background, Debouncer debouncer, Clock clock, ZoneId zone, ThemePreference theme,
                ClipboardService clipboard, BackendStartup backend, Optional<DialogService> dialogs,
                Optional<Notifier> notifier) {
            this(background, debouncer, clock, zone, theme, clipboard, backend, dialogs, notifier, SystemBrowser.unavailable());
        }
    }

    /** A pane: what the sidebar shows, and how its controller is made. */
    private record Registration(PaneSpec spec, Class<?> controllerType, Supplier<Object> controller) {
    }

    private final ResourceBundle text = ResourceBundle.getBundle("i18n.messages");
    private final List<Registration> registry = new ArrayList<>();
    private final Parts parts;
    private final Session session = new Session();
    private final MainViewModel main;
    private final InspectorViewModel inspector;
    private final SettingsViewModel settings;
    // The other panes' view models are made when first needed — their pane shows, a window-wide command
    // (Ctrl+N, Ctrl+T, Ctrl+L), another pane's navigation, a test — not before the first frame.
    private final Once<WorkspaceSettingsViewModel> workspaceSettings = new Once<>(this::makeWorkspaceSettings);
    private final Once<TokensViewModel> tokens = new Once<>(this::makeTokens);
    private final Once<AuditViewModel> audit = new Once<>(this::makeAudit);
    private final Once<UsersViewModel> users = new Once<>(this::makeUsers);
    private final Once<LinkViewModel> link = new Once<>(this::makeLink);
    private final DialogService dialogs;
    private final Notifier notifier;
    private final SecretClipboard secretClipboard;
    private final ChangeGuard changeGuard;
    private volatile Duration clipboardClearDelay = Settings.DEFAULT_CLIPBOARD_CLEAR_DELAY;
    private Stage stage;
    private boolean toldThatPastesAreAudited;

    public ConsoleWindow(Parts parts) {
        this.parts = parts;
        Supplier<Window> owner = () -> stage;
        this.dialogs = parts.dialogs().orElseGet(() -> new FxDialogService(owner));
        this.notifier = parts.notifier().orElseGet(() -> new FxNotifier(owner));
        this.secretClipboard = new FxSecretClipboard(parts.clipboard(), () -> clipboardClearDelay);
        BackendStartup backend = parts.backend();
        this.changeGuard = new ChangeGuard(backend, parts.background(), dialogs);

        BackendInspection inspection = new BackendInspection(backend, parts.background(), this::pastedTokenAudited);
        inspector = new InspectorViewModel(TokenInspector::defaultJson, parts.background(), parts.debouncer(),
                parts.clock(), parts.zone(), inspection, inspection);
        inspector.environmentProperty().bind(session.environmentProperty());
        // "Open in inspector" from another pane: the inspector takes the token, and the session lets go of it.
        session.tokenToInspectProperty().addListener((o, was, token) -> {
            if (token != null) {
                inspector.paste(token);
                session.tokenToInspectProperty().set(null);
            }
        });
        // Findings depend on saved settings (the expected client_id): a save decodes the current input again.
        session.settingsChangesProperty().addListener((o, was, now) -> inspector.recheck());
        settings = new SettingsViewModel(() -> accessToSettings(backend), parts.background(), this::settingsSaved);
        settings.environmentProperty().bind(session.environmentProperty());

        register(new PaneSpec(Navigator.INSPECTOR, text.getString("nav.inspector"), "inspector",
                text.getString("status.inspector")), InspectorController.class,
                () -> new InspectorController(inspector, parts.clipboard()));
        register(new PaneSpec(Navigator.USERS, text.getString("nav.users"), "users", text.getString("status.users")),
                UsersController.class, () -> new UsersController(users.get()));
        register(new PaneSpec(Navigator.TOKENS, text.getString("nav.tokens"), "tokens",
                text.getString("status.tokens")), TokensController.class, () -> new TokensController(tokens.get()));
        register(new PaneSpec(Navigator.LINK, text.getString("nav.link"), "link",
                text.getString("status.link")), LinkController.class, () -> new LinkController(link.get()));
        register(new PaneSpec(Navigator.AUDIT, text.getString("nav.audit"), "audit",
                text.getString("status.audit")), AuditController.class, () -> new AuditController(audit.get()));
        register(new PaneSpec(Navigator.SETTINGS, text.getString("nav.settings"), "settings",
                text.getString("status.settings")), SettingsController.class,
                () -> new SettingsController(settings, workspaceSettings.get()));

        main = new MainViewModel(session, parts.theme(), registry.stream().map(Registration::spec).toList());
        main.registerCommand(MainViewModel.ISSUE_TOKEN, () -> tokens.get().issueForSelectedUser());
        main.registerCommand(MainViewModel.NEW_USER, () -> users.get().newUser());
        main.registerCommand(MainViewModel.OPEN_LINK, () -> link.get().openLinkForSelectedUser());
        main.baseUrlOverrideProperty().bind(settings.savedBaseUrlProperty());
        main.startupStatusProperty().bind(backend.statusProperty());
        backend.whenReady(ready -> {
            ready.localSandbox().ifPresent(sandbox -> main.localSandboxAddressProperty().set(sandbox.baseUrl().toString()));
            showWorkspace(ready.workspaces(), ready.workspaces().isReachable());
            ready.onNotice(notice -> Platform.runLater(() -> notifier.notify(notice)));
            ready.workspaces().watch(new WorkspaceEvents(ready));
            // Rows a session before this one could not write to the team workspace go there now.
            parts.background().submit(() -> {
                ready.flushSpool();
                return null;
            }, done -> { }, stillAway -> { }); // they keep waiting; the watch sends them when the server answers
            settingsSaved();
        });
    }

    // The lazily made view models. Each starts from the session as it is now and follows it from then on.

    private WorkspaceSettingsViewModel makeWorkspaceSettings() {
        return new WorkspaceSettingsViewModel(() -> parts.backend().await().workspaces(), parts.background(),
                this::workspaceSwitched, Platform::runLater);
    }

    private AuditViewModel makeAudit() {
        BackendStartup backend = parts.backend();
        AuditViewModel made = new AuditViewModel(session, () -> backend.await().requireWorkspace(), parts.background(),
                new FxDebouncer(AUDIT_POLL), dialogs, notifier, this::navigate, parts.clock(), parts.zone());
        made.setUsersPaneAvailable(main.pane(Navigator.USERS).isPresent());
        made.shownProperty().bind(main.selectedPaneProperty().isEqualTo(main.pane(Navigator.AUDIT).orElseThrow()));
        return made;
    }

    private UsersViewModel makeUsers() {
        return new UsersViewModel(session, new UsersViewModel.Shell() {
            @Override
            public void navigate(String paneId) {
                main.navigate(paneId);
            }

            @Override
            public boolean runCommand(String name) {
                return main.runCommand(name);
            }
        }, parts.backend(), parts.background(), changeGuard, dialogs, notifier, secretClipboard, parts.zone());
    }

    private TokensViewModel makeTokens() {
        TokensViewModel made = new TokensViewModel(session, this::navigate, parts.backend(), parts.background(),
                changeGuard, secretClipboard, notifier, parts.clock(), parts.zone());
        made.setOpenLink(() -> main.runCommand(MainViewModel.OPEN_LINK));
        return made;
    }

    private LinkViewModel makeLink() {
        LinkViewModel made = new LinkViewModel(new LinkViewModel.Parts(parts.backend(), parts.background(), changeGuard,
                dialogs, secretClipboard, notifier, parts.browser(), parts.clock(), parts.zone(), Platform::runLater),
                session, this::navigate);
        made.environmentProperty().bind(session.environmentProperty());
        session.settingsChangesProperty().addListener((o, was, now) -> made.loadDefaults());
        return made;
    }

    /**
     * What the workspace says from its own thread — rows and users changed by anyone, the team's server going
     * away or coming back — reaches the window on the FX thread: the panes read again, the status bar says
     * where things are saved, and the spool of rows written while the server was away is sent.
     */
    private final class WorkspaceEvents implements WorkspaceWatcher {
        private final ConsoleBackend backend;
        private final WorkspaceConnection connection;

        WorkspaceEvents(ConsoleBackend backend) {
            this.backend = backend;
            this.connection = backend.workspaces();
        }

        @Override
        public void auditAppended() {
            Platform.runLater(session::workspaceChanged);
        }

        @Override
        public void usersChanged() {
            Platform.runLater(session::workspaceChanged);
        }

        @Override
        public void reachabilityChanged(boolean reachable, String plainWords) {
            if (reachable) {
                // On the workspace's own thread, never the FX thread: rows that waited here go to the server.
                backend.flushSpool();
            }
            Platform.runLater(() -> {
                showWorkspace(connection, reachable);
                notifier.notify(plainWords);
                if (reachable) {
                    session.workspaceChanged();
                }
            });
        }
    }

    private void showWorkspace(WorkspaceConnection connection, boolean reachable) {
        String where = connection.location().map(location -> location instanceof WorkspaceLocation.Team team
                ? "Team workspace: " + team.address().database() + " on " + team.address().host()
                : "Workspace: this computer").orElse("Workspace: none");
        main.workspaceStatusProperty().set(where + (reachable ? "" : " · not reachable"));
        main.workspaceUnreachableProperty().set(!reachable);
    }

    /** Settings → Workspace moved the window to another workspace: everything reads from the new one. */
    private void workspaceSwitched() {
        parts.backend().now().ifPresent(ready -> showWorkspace(ready.workspaces(), ready.workspaces().isReachable()));
        settings.load();
        settingsSaved();
    }

    /** For view models made before the main view model: it navigates once it exists. */
    private void navigate(String paneId) {
        main.navigate(paneId);
    }

    private void register(PaneSpec spec, Class<?> controllerType, Supplier<Object> controller) {
        registry.add(new Registration(spec, controllerType, controller));
    }

    private static Optional<SettingsViewModel.Access> accessToSettings(BackendStartup backend) {
        ConsoleBackend ready;
        try {
            ready = backend.await();
        } catch (IllegalStateException notStarted) {
            return Optional.empty();
        }
        return ready.workspace().flatMap(workspace -> ready.apiKeys()
                .map(keys -> new SettingsViewModel.Access(workspace.settings(), keys)));
    }

    /** A pasted token's jti and exp were written to the audit log: the pane reads again; the first time, say so. */
    private void pastedTokenAudited() {
        session.workspaceChanged();
        if (!toldThatPastesAreAudited) {
            toldThatPastesAreAudited = true;
            notifier.notify(text.getString("inspector.audited"));
        }
    }

    /** Saved settings changed: read what the window keeps of them again, in the background. */
    private void settingsSaved() {
        session.settingsChanged();
        session.workspaceChanged();
        parts.background().submit(() -> parts.backend().await().workspace()
                        .map(workspace -> workspace.settings().clipboardClearDelay()),
                delay -> delay.ifPresent(value -> clipboardClearDelay = value), notRead -> { });
    }

    public MainViewModel mainViewModel() {
        return main;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspector;
    }

    public UsersViewModel usersViewModel() {
        return users.get();
    }

    public LinkViewModel linkViewModel() {
        return link.get();
    }

    public Session session() {
        return session;
    }

    public TokensViewModel tokensViewModel() {
        return tokens.get();
    }

    /** Loads the frame and the first pane, applies the theme and shows them on {@code stage}. */
    public void showOn(Stage stage) {
        this.stage = stage;
        // The theme first: the first control made without one loads JavaFX's own (Modena), only to drop it.
        applyTheme(main.darkThemeProperty().get());
        main.darkThemeProperty().addListener((o, was, dark) -> applyTheme(dark));
        Scene scene = new Scene(loadFrame());
        scene.getStylesheets().add(resource("/fxml/app.css"));
        stage.titleProperty().bind(main.windowTitleProperty());
        FirstFrame.after(scene, () -> showIconsWhenDecoded(stage));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * The window's icons are decoded off the FX thread, and only once the first frame is laid out: decoding
     * six PNGs beside the first frame took a core from it (30 to 80 ms and 1.5 MB of the start, measured).
     * The window takes them, all sizes at once, as soon as they are in.
     */
    private static void showIconsWhenDecoded(Stage stage) {
        List<Image> icons = Arrays.stream(ICON_SIZES)
                .mapToObj(size -> new Image(resource("/icons/app-" + size + ".png"), true)).toList();
        Runnable showIfAllIn = () -> {
            if (stage.getIcons().isEmpty() && icons.stream().allMatch(icon -> icon.getProgress() >= 1)) {
                stage.getIcons().setAll(icons);
            }
        };
        icons.forEach(icon -> icon.progressProperty().addListener((o, was, now) -> showIfAllIn.run()));
        showIfAllIn.run();
    }

    private Parent loadFrame() {
        FXMLLoader loader = new FXMLLoader(url("/fxml/main.fxml"), text);
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(main, text, dialogs, this::loadPane);
            }
            throw new IllegalStateException("No controller registered for " + type.getName());
        });
        return load(loader);
    }

    private Node loadPane(PaneSpec pane) {
        Registration registration = registry.stream().filter(each -> each.spec().equals(pane)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No pane registered as " + pane.id()));
        FXMLLoader loader = new FXMLLoader(url("/fxml/" + pane.view() + ".fxml"), text);
        loader.setControllerFactory(type -> {
            if (type != registration.controllerType()) {
                throw new IllegalStateException("The view " + pane.view() + " asks for " + type.getName());
            }
            return registration.controller().get();
        });
        return load(loader);
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The window's view " + loader.getLocation() + " could not be loaded", e);
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static URL url(String path) {
        URL url = ConsoleWindow.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        return url;
    }

    private static String resource(String path) {
        return url(path).toExternalForm();
    }
}
