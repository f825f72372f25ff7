package io.tokenconsole.ui.settings;

import javafx.beans.binding.Bindings;
import io.tokenconsole.ui.common.MessageLabel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

/** Binds the settings view to its view model and forwards the buttons. Nothing else. */
public final class SettingsController {

    private final SettingsViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private Label title;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label message;
    @FXML private TextField keyId;
    @FXML private PasswordField secret;
    @FXML private Label secretStatus;
    @FXML private Label whereSecretsLive;
    @FXML private Button saveKeyButton;
    @FXML private Button forgetKeyButton;
    @FXML private TextField baseUrl;
    @FXML private Label defaultBaseUrl;
    @FXML private TextField expectedClientId;
    @FXML private Button saveEnvironmentButton;
    @FXML private CheckBox confirmBeforeChanges;
    @FXML private TextField clipboardClearSeconds;
    @FXML private TextField linkFlowId;
    @FXML private TextField linkItems;

    public SettingsController(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        MessageLabel.bind(message, viewModel.messageProperty(), viewModel.failedProperty());

        keyId.textProperty().bindBidirectional(viewModel.keyIdProperty());
        secret.textProperty().bindBidirectional(viewModel.secretProperty());
        secretStatus.textProperty().bind(viewModel.secretStatusProperty());
        whereSecretsLive.textProperty().bind(viewModel.whereSecretsLiveProperty());
        baseUrl.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        defaultBaseUrl.textProperty().bind(Bindings.concat("Leave empty for ", viewModel.defaultBaseUrlProperty()));
        expectedClientId.textProperty().bindBidirectional(viewModel.expectedClientIdProperty());
        confirmBeforeChanges.selectedProperty().bindBidirectional(viewModel.confirmBeforeChangesProperty());
        clipboardClearSeconds.textProperty().bindBidirectional(viewModel.clipboardClearSecondsProperty());
        linkFlowId.textProperty().bindBidirectional(viewModel.linkFlowIdProperty());
        linkItems.textProperty().bindBidirectional(viewModel.linkItemsProperty());

        keyId.editableProperty().bind(viewModel.keysEditableProperty());
        secret.disableProperty().bind(viewModel.keysEditableProperty().not());
        saveKeyButton.disableProperty().bind(viewModel.keysEditableProperty().not()
                .or(viewModel.availableProperty().not()).or(viewModel.busyProperty()));
        forgetKeyButton.disableProperty().bind(saveKeyButton.disableProperty());
        saveEnvironmentButton.disableProperty().bind(viewModel.availableProperty().not().or(viewModel.busyProperty()));
        baseUrl.disableProperty().bind(viewModel.keysEditableProperty().not());
        // Leaving the pane (hidden, or taken out of the window) ends the visit its "Saved …" message belongs to.
        root.visibleProperty().addListener((o, was, visible) -> {
            if (!visible) {
                viewModel.paneLeft();
            }
        });
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                viewModel.paneLeft();
            }
        });
    }

    @FXML
    private void saveKey() {
        viewModel.saveKey();
    }

    @FXML
    private void forgetKey() {
        viewModel.forgetKey();
    }

    @FXML
    private void saveEnvironment() {
        viewModel.saveEnvironment();
    }

    @FXML
    private void revert() {
        viewModel.load();
    }
}
