package io.tokenconsole.ui.settings;

import javafx.beans.binding.Bindings;
import io.tokenconsole.ui.common.MessageLabel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

/** Binds the settings view to its view model and forwards the buttons. Nothing else. */
public final class SettingsController {

    private final SettingsViewModel viewModel;
    private final WorkspaceSettingsViewModel workspace;

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
    @FXML private ProgressIndicator workspaceBusy;
    @FXML private Label workspaceInUse;
    @FXML private RadioButton thisComputer;
    @FXML private RadioButton teamWorkspace;
    @FXML private GridPane teamFields;
    @FXML private TextField workspaceHost;
    @FXML private TextField workspacePort;
    @FXML private TextField workspaceDatabase;
    @FXML private ComboBox<String> workspaceTls;
    @FXML private TextField workspaceUser;
    @FXML private PasswordField workspacePassword;
    @FXML private TextField operatorName;
    @FXML private Label workspaceMessage;
    @FXML private Button useWorkspaceButton;
    @FXML private Button testWorkspaceButton;
    @FXML private Button revertWorkspaceButton;

    public SettingsController(SettingsViewModel viewModel, WorkspaceSettingsViewModel workspace) {
        this.viewModel = viewModel;
        this.workspace = workspace;
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
        bindWorkspace();
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

    private void bindWorkspace() {
        workspaceBusy.visibleProperty().bind(workspace.busyProperty());
        workspaceInUse.textProperty().bind(workspace.inUseProperty());
        MessageLabel.bind(workspaceMessage, workspace.messageProperty(), workspace.failedProperty());
        ToggleGroup where = new ToggleGroup();
        thisComputer.setToggleGroup(where);
        teamWorkspace.setToggleGroup(where);
        (workspace.teamProperty().get() ? teamWorkspace : thisComputer).setSelected(true);
        teamWorkspace.selectedProperty().addListener((o, was, now) -> workspace.teamProperty().set(now));
        workspace.teamProperty().addListener((o, was, now) -> (now ? teamWorkspace : thisComputer).setSelected(true));
        teamFields.disableProperty().bind(workspace.teamProperty().not());
        workspaceHost.textProperty().bindBidirectional(workspace.hostProperty());
        workspacePort.textProperty().bindBidirectional(workspace.portProperty());
        workspaceDatabase.textProperty().bindBidirectional(workspace.databaseProperty());
        workspaceTls.getItems().setAll(WorkspaceSettingsViewModel.TLS_MODES);
        workspaceTls.valueProperty().bindBidirectional(workspace.tlsProperty());
        workspaceUser.textProperty().bindBidirectional(workspace.userProperty());
        workspacePassword.textProperty().bindBidirectional(workspace.passwordProperty());
        operatorName.textProperty().bindBidirectional(workspace.operatorNameProperty());
        useWorkspaceButton.disableProperty().bind(workspace.busyProperty());
        testWorkspaceButton.disableProperty().bind(workspace.busyProperty().or(workspace.teamProperty().not()));
        revertWorkspaceButton.disableProperty().bind(workspace.busyProperty());
    }

    @FXML
    private void useWorkspace() {
        workspace.use();
    }

    @FXML
    private void testWorkspace() {
        workspace.test();
    }

    @FXML
    private void revertWorkspace() {
        workspace.load();
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
