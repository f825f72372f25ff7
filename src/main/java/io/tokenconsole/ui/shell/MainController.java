package io.tokenconsole.ui.shell;

import io.tokenconsole.Version;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.ui.common.DialogService;
import io.tokenconsole.ui.common.FirstFrame;
import io.tokenconsole.ui.common.LateSpinner;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Binds the window's frame — environment switch and band, sidebar, menus, status bar — to its view
 * model, and shows the selected pane, loading each pane's view the first time it is shown.
 */
public final class MainController {

    private final MainViewModel viewModel;
    private final ResourceBundle text;
    private final DialogService dialogs;
    private final Function<PaneSpec, Node> paneViews;
    private final Map<String, Node> loaded = new HashMap<>();

    @FXML private BorderPane root;
    @FXML private Label productionLabel;
    @FXML private ToggleButton localButton;
    @FXML private ToggleButton sandboxButton;
    @FXML private ToggleButton productionButton;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private Menu goMenu;
    @FXML private MenuItem newUserItem;
    @FXML private MenuItem issueTokenItem;
    @FXML private ListView<PaneSpec> navigation;
    @FXML private StackPane paneHost;
    @FXML private Label environmentStatus;
    @FXML private Label startupStatus;
    @FXML private Label statusHint;
    @FXML private Label workspaceStatus;
    @FXML private HBox statusBar;

    /** {@code paneViews} loads a pane's view; it is called once per pane, when the pane first shows. */
    public MainController(MainViewModel viewModel, ResourceBundle text, DialogService dialogs,
            Function<PaneSpec, Node> paneViews) {
        this.viewModel = viewModel;
        this.text = text;
        this.dialogs = dialogs;
        this.paneViews = paneViews;
    }

    @FXML
    private void initialize() {
        bindEnvironmentSwitch();
        productionLabel.visibleProperty().bind(viewModel.productionProperty());
        productionLabel.managedProperty().bind(productionLabel.visibleProperty());
        environmentStatus.textProperty().bind(viewModel.environmentDescriptionProperty());
        startupStatus.textProperty().bind(viewModel.startupStatusProperty());
        FirstFrame.after(statusBar, this::addStartupSpinner);
        statusHint.textProperty().bind(viewModel.statusHintProperty());
        workspaceStatus.textProperty().bind(viewModel.workspaceStatusProperty());
        viewModel.workspaceUnreachableProperty().addListener((o, was, unreachable) -> markUnreachable(unreachable));
        markUnreachable(viewModel.workspaceUnreachableProperty().get());
        // The environment and the workspace are what the status bar is for: on a narrow window the pane's hint
        // gives up its place first, before either of them is cut.
        javafx.beans.InvalidationListener fit = observable -> fitStatusBar();
        statusBar.widthProperty().addListener(fit);
        environmentStatus.textProperty().addListener(fit);
        workspaceStatus.textProperty().addListener(fit);
        statusHint.textProperty().addListener(fit);

        ToggleGroup themes = new ToggleGroup();
        lightThemeItem.setToggleGroup(themes);
        darkThemeItem.setToggleGroup(themes);
        (viewModel.darkThemeProperty().get() ? darkThemeItem : lightThemeItem).setSelected(true);
        themes.selectedToggleProperty().addListener((o, was, now) -> selectTheme(was, now));

        navigation.setItems(viewModel.panes());
        navigation.getSelectionModel().select(viewModel.selectedPaneProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == null) {
                navigation.getSelectionModel().select(was);
            } else {
                viewModel.navigate(now.id());
            }
        });
        viewModel.selectedPaneProperty().addListener((o, was, now) -> {
            navigation.getSelectionModel().select(now);
            show(now);
        });
        show(viewModel.selectedPaneProperty().get());

        for (int i = 0; i < viewModel.panes().size() && i < 9; i++) {
            PaneSpec pane = viewModel.panes().get(i);
            int number = i + 1;
            MenuItem item = new MenuItem(pane.title());
            item.setMnemonicParsing(false);
            item.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(number)),
                    KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(event -> viewModel.showPaneNumber(number));
            goMenu.getItems().add(item);
        }
    }

    private void fitStatusBar() {
        double needed = statusBar.getInsets().getLeft() + statusBar.getInsets().getRight();
        int shown = 0;
        for (Node child : statusBar.getChildren()) {
            if (child != statusHint && child.isVisible()) {
                needed += child.prefWidth(-1);
                shown++;
            }
        }
        needed += statusBar.getSpacing() * shown + statusHint.prefWidth(-1);
        boolean fits = statusBar.getWidth() == 0 || needed <= statusBar.getWidth();
        statusHint.setVisible(fits);
        statusHint.setManaged(fits);
    }

    private void markUnreachable(boolean unreachable) {
        workspaceStatus.getStyleClass().remove("unreachable");
        if (unreachable) {
            workspaceStatus.getStyleClass().add("unreachable");
        }
    }

    private void bindEnvironmentSwitch() {
        Map<Environment, ToggleButton> buttons = Map.of(
                Environment.LOCAL, localButton, Environment.SANDBOX, sandboxButton, Environment.PRODUCTION, productionButton);
        ToggleGroup environments = new ToggleGroup();
        buttons.forEach((environment, button) -> {
            button.setToggleGroup(environments);
            button.setUserData(environment);
        });
        buttons.get(viewModel.environmentProperty().get()).setSelected(true);
        environments.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // Always exactly one environment: clicking the selected one again keeps it.
                was.setSelected(true);
                return;
            }
            viewModel.environmentProperty().set((Environment) now.getUserData());
        });
        viewModel.environmentProperty().addListener((o, was, now) -> {
            buttons.get(now).setSelected(true);
            showEnvironment(now);
        });
        showEnvironment(viewModel.environmentProperty().get());
    }

    private void show(PaneSpec pane) {
        Node view = loaded.computeIfAbsent(pane.id(), id -> {
            Node fresh = paneViews.apply(pane);
            paneHost.getChildren().add(fresh);
            return fresh;
        });
        loaded.values().forEach(each -> each.setVisible(each == view));
    }

    /**
     * The spinner beside "Starting…" joins the status bar right after the first frame, if the services are still
     * starting then, and shows while they are.
     */
    private void addStartupSpinner() {
        if (viewModel.startingProperty().get()) {
            LateSpinner.before(startupStatus, "startupProgress", 14, viewModel.startingProperty())
                    .getStyleClass().add("startup-progress");
        }
    }

    private void selectTheme(Toggle was, Toggle now) {
        if (now == null) {
            was.setSelected(true);
            return;
        }
        viewModel.darkThemeProperty().set(now == darkThemeItem);
    }

    private void showEnvironment(Environment environment) {
        for (Environment each : Environment.values()) {
            root.getStyleClass().remove("env-" + each.id());
        }
        root.getStyleClass().add("env-" + environment.id());
    }

    @FXML
    private void newUser() {
        viewModel.runCommand(MainViewModel.NEW_USER);
    }

    @FXML
    private void issueToken() {
        viewModel.runCommand(MainViewModel.ISSUE_TOKEN);
    }

    @FXML
    private void openLink() {
        viewModel.runCommand(MainViewModel.OPEN_LINK);
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void shortcuts() {
        StringBuilder list = new StringBuilder(text.getString("shortcuts.text"));
        for (int i = 0; i < viewModel.panes().size() && i < 9; i++) {
            list.append("\nCtrl+").append(i + 1).append("\t").append(viewModel.panes().get(i).title());
        }
        dialogs.inform(text.getString("shortcuts.title"), text.getString("shortcuts.title"), list.toString());
    }

    @FXML
    private void about() {
        dialogs.inform(text.getString("about.title"), text.getString("app.name"),
                MessageFormat.format(text.getString("about.text"), Version.current()));
    }
}
