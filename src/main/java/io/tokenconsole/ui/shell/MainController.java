package io.tokenconsole.ui.shell;

import io.tokenconsole.Version;
import io.tokenconsole.argyle.Environment;
import java.text.MessageFormat;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Binds the window's frame (environment switch, band, theme menu, status bar) to its view model. */
public final class MainController {

    private final MainViewModel viewModel;
    private final ResourceBundle text;

    @FXML private BorderPane root;
    @FXML private HBox environmentBand;
    @FXML private Label productionLabel;
    @FXML private ToggleButton localButton;
    @FXML private ToggleButton sandboxButton;
    @FXML private ToggleButton productionButton;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private ListView<String> navigation;
    @FXML private Node inspector;
    @FXML private Node settings;
    @FXML private Label environmentStatus;

    public MainController(MainViewModel viewModel, ResourceBundle text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
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

        productionLabel.visibleProperty().bind(viewModel.productionProperty());
        productionLabel.managedProperty().bind(productionLabel.visibleProperty());
        environmentStatus.textProperty().bind(viewModel.environmentDescriptionProperty());

        ToggleGroup themes = new ToggleGroup();
        lightThemeItem.setToggleGroup(themes);
        darkThemeItem.setToggleGroup(themes);
        (viewModel.darkThemeProperty().get() ? darkThemeItem : lightThemeItem).setSelected(true);
        themes.selectedToggleProperty().addListener((o, was, now) -> selectTheme(was, now));

        // One pane shows at a time; the list names them in the order a support engineer uses them.
        Map<String, Node> panes = new java.util.LinkedHashMap<>();
        panes.put(text.getString("nav.inspector"), inspector);
        panes.put(text.getString("nav.settings"), settings);
        navigation.getItems().setAll(panes.keySet());
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now == null) {
                navigation.getSelectionModel().select(was);
                return;
            }
            panes.forEach((name, pane) -> pane.setVisible(name.equals(now)));
        });
        navigation.getSelectionModel().selectFirst();
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
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(root.getScene().getWindow());
        about.setTitle(text.getString("about.title"));
        about.setHeaderText(text.getString("app.name"));
        about.setContentText(MessageFormat.format(text.getString("about.text"), Version.current()));
        about.showAndWait();
    }
}
