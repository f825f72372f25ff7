package io.tokenconsole.ui.shell;

import io.tokenconsole.argyle.Environment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's own state: which pane shows, which environment the console is on (from the
 * session) and the title and status bar that name it, the theme, and the window-wide commands
 * (New user, Issue token) that panes register and menus and shortcuts run.
 */
public final class MainViewModel implements Navigator {

    /** Commands that work from anywhere in the window. */
    public static final String NEW_USER = "new-user";
    public static final String ISSUE_TOKEN = "issue-token";
    /** Opens Link for the selected user (a fresh token) and shows the Link view. */
    public static final String OPEN_LINK = "open-link";

    private final Session session;
    private final ObservableList<PaneSpec> panes;
    private final ReadOnlyObjectWrapper<PaneSpec> selectedPane = new ReadOnlyObjectWrapper<>(this, "selectedPane");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle");
    private final ReadOnlyStringWrapper environmentDescription = new ReadOnlyStringWrapper(this, "environmentDescription");
    private final ReadOnlyStringWrapper statusHint = new ReadOnlyStringWrapper(this, "statusHint");
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper(this, "production");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final StringProperty baseUrlOverride = new SimpleStringProperty(this, "baseUrlOverride", "");
    private final StringProperty localSandboxAddress = new SimpleStringProperty(this, "localSandboxAddress", "");
    private final StringProperty startupStatus = new SimpleStringProperty(this, "startupStatus", "");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private final StringProperty workspaceStatus = new SimpleStringProperty(this, "workspaceStatus", "");
    private final BooleanProperty workspaceUnreachable = new SimpleBooleanProperty(this, "workspaceUnreachable");
    private final Map<String, Runnable> commands = new LinkedHashMap<>();

    public MainViewModel(Session session, ThemePreference theme, List<PaneSpec> panes) {
        this.session = session;
        this.panes = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(panes));
        selectedPane.set(panes.get(0));
        ObjectProperty<Environment> environment = session.environmentProperty();
        windowTitle.bind(Bindings.createStringBinding(() -> "Token Console — "
                + (environment.get().isProduction() ? "PRODUCTION" : environment.get().displayName()), environment));
        environmentDescription.bind(Bindings.createStringBinding(
                () -> describe(environment.get(), localSandboxAddress.get(), baseUrlOverride.get()),
                environment, baseUrlOverride, localSandboxAddress));
        production.bind(Bindings.createBooleanBinding(() -> environment.get().isProduction(), environment));
        statusHint.bind(Bindings.createStringBinding(() -> selectedPane.get().statusHint(), selectedPane));
        starting.bind(Bindings.createBooleanBinding(() -> !startupStatus.get().isEmpty()
                && !startupStatus.get().startsWith("Could not"), startupStatus));
        darkTheme.set(theme.dark());
        darkTheme.addListener((observable, before, now) -> theme.setDark(now));
    }

    private static String describe(Environment environment, String localSandbox, String override) {
        String url = override == null || override.isBlank()
                ? environment.defaultBaseUrl().map(Object::toString).orElse("")
                : override + " (override)";
        return switch (environment) {
            case LOCAL -> override != null && !override.isBlank()
                    ? "Local sandbox · " + url
                    : localSandbox.isBlank() ? "Local sandbox · starting…"
                    : "Local sandbox · built-in emulator at " + localSandbox + " · no keys needed";
            case SANDBOX -> "Sandbox · " + url + " · test data";
            case PRODUCTION -> "PRODUCTION · " + url + " · real users and data";
        };
    }

    // Commands

    /** Shows the pane with this id; an unknown id changes nothing. */
    @Override
    public void navigate(String paneId) {
        pane(paneId).ifPresent(selectedPane::set);
    }

    /** Shows the n-th pane of the sidebar (1-based), as Ctrl+1 … Ctrl+9 do. */
    public void showPaneNumber(int number) {
        if (number >= 1 && number <= panes.size()) {
            selectedPane.set(panes.get(number - 1));
        }
    }

    public Optional<PaneSpec> pane(String paneId) {
        return panes.stream().filter(pane -> pane.id().equals(paneId)).findFirst();
    }

    /** A pane makes a window-wide command available (Ctrl+N, Ctrl+T). */
    public void registerCommand(String name, Runnable action) {
        commands.put(name, action);
    }

    /** Runs a window-wide command; {@code false} when no pane offers it. */
    public boolean runCommand(String name) {
        Runnable action = commands.get(name);
        if (action == null) {
            return false;
        }
        action.run();
        return true;
    }

    // Properties

    public Session session() {
        return session;
    }

    public ObservableList<PaneSpec> panes() {
        return panes;
    }

    public ReadOnlyObjectProperty<PaneSpec> selectedPaneProperty() {
        return selectedPane.getReadOnlyProperty();
    }

    public ObjectProperty<Environment> environmentProperty() {
        return session.environmentProperty();
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentDescriptionProperty() {
        return environmentDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusHintProperty() {
        return statusHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty productionProperty() {
        return production.getReadOnlyProperty();
    }

    /** The base URL saved for the current environment instead of Argyle's; "" for none. */
    public StringProperty baseUrlOverrideProperty() {
        return baseUrlOverride;
    }

    /** The local sandbox's base URL once it runs; "" while it starts. */
    public StringProperty localSandboxAddressProperty() {
        return localSandboxAddress;
    }

    /** What is still starting ("Starting the local sandbox…"); "" once everything runs. */
    public StringProperty startupStatusProperty() {
        return startupStatus;
    }

    /** True while the services are still coming up. */
    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** Which workspace the console saves to ("Workspace: this computer", "Workspace: team …"); "" until known. */
    public StringProperty workspaceStatusProperty() {
        return workspaceStatus;
    }

    /** True while the team workspace's server cannot be reached: the status bar shows it in the danger colour. */
    public BooleanProperty workspaceUnreachableProperty() {
        return workspaceUnreachable;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
