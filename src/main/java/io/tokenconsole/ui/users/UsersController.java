package io.tokenconsole.ui.users;

import io.tokenconsole.ui.common.MessageLabel;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the Users view to its view model and forwards what the person does. Nothing else. */
public final class UsersController {

    private final UsersViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private ResourceBundle resources;
    @FXML private ScrollPane root;
    @FXML private Label title;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button newUserButton;
    @FXML private Button importButton;
    @FXML private Button exportButton;
    @FXML private HBox messageBox;
    @FXML private Label usersMessage;

    @FXML private VBox newUserForm;
    @FXML private TextField externalIdField;
    @FXML private Label externalIdProblem;
    @FXML private TextField labelField;
    @FXML private TextField noteField;
    @FXML private Button createButton;
    @FXML private VBox createdBox;
    @FXML private TextField createdId;
    @FXML private TextField createdToken;
    @FXML private Label createdSummary;

    @FXML private HBox searchBox;
    @FXML private Label savedSummary;
    @FXML private Label savedPlaceholder;
    @FXML private TableView<UserRow> savedTable;
    @FXML private TableColumn<UserRow, String> idColumn;
    @FXML private TableColumn<UserRow, String> labelColumn;
    @FXML private TableColumn<UserRow, String> externalIdColumn;
    @FXML private TableColumn<UserRow, String> createdColumn;
    @FXML private TableColumn<UserRow, String> lastTokenColumn;
    @FXML private TableColumn<UserRow, String> noteColumn;
    @FXML private Button copyIdButton;
    @FXML private Button issueTokenButton;
    @FXML private Button forgetButton;
    @FXML private Button deleteSavedButton;
    @FXML private Button moreSavedButton;

    @FXML private TextField findExternalId;
    @FXML private ComboBox<Integer> findPageSize;
    @FXML private Button findButton;
    @FXML private Label foundSummary;
    @FXML private TableView<FoundRow> foundTable;
    @FXML private TableColumn<FoundRow, String> foundIdColumn;
    @FXML private TableColumn<FoundRow, String> foundExternalIdColumn;
    @FXML private TableColumn<FoundRow, String> foundCreatedColumn;
    @FXML private TableColumn<FoundRow, String> foundNameColumn;
    @FXML private TableColumn<FoundRow, FoundRow> foundSavedColumn;
    @FXML private Button copyFoundIdButton;
    @FXML private Button deleteFoundButton;
    @FXML private Button moreFoundButton;

    public UsersController(UsersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.titleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        MessageLabel.bind(usersMessage, messageBox, viewModel.messageProperty(), viewModel.failedProperty());

        bindNewUserForm();
        bindSavedUsers();
        bindFoundUsers();
        // The list may have changed since the console started (a command line run, say): read it as the pane first shows.
        viewModel.refresh();
    }

    private void bindNewUserForm() {
        newUserForm.visibleProperty().bind(viewModel.newUserOpenProperty());
        newUserForm.managedProperty().bind(newUserForm.visibleProperty());
        newUserButton.disableProperty().bind(viewModel.newUserOpenProperty());
        externalIdField.textProperty().bindBidirectional(viewModel.externalIdProperty());
        labelField.textProperty().bindBidirectional(viewModel.labelProperty());
        noteField.textProperty().bindBidirectional(viewModel.noteProperty());
        externalIdProblem.textProperty().bind(viewModel.externalIdProblemProperty());
        externalIdProblem.visibleProperty().bind(viewModel.externalIdProblemProperty().isNotEmpty());
        externalIdProblem.managedProperty().bind(externalIdProblem.visibleProperty());
        validation.registerValidator(externalIdField, false, (control, value) -> ValidationResult.fromErrorIf(
                externalIdField, UsersViewModel.externalIdProblem((String) value),
                !UsersViewModel.externalIdProblem((String) value).isEmpty()));
        createButton.disableProperty().bind(viewModel.externalIdProblemProperty().isNotEmpty()
                .or(viewModel.creatingProperty()));
        createdId.textProperty().bind(viewModel.createdIdProperty());
        createdToken.textProperty().bind(viewModel.createdTokenProperty());
        createdSummary.textProperty().bind(viewModel.createdSummaryProperty());
        createdBox.visibleProperty().bind(viewModel.createdIdProperty().isNotEmpty());
        createdBox.managedProperty().bind(createdBox.visibleProperty());
        newUserForm.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE) {
                viewModel.closeNewUserForm();
                key.consume();
            }
        });
        viewModel.newUserRequestsProperty().addListener((o, was, now) -> focusExternalId());
        if (viewModel.newUserOpenProperty().get()) {
            focusExternalId();
        }
    }

    private void focusExternalId() {
        externalIdField.requestFocus();
        // Ctrl+N from another pane loads and brings this pane to the front in the same event: ask again once
        // the scene has laid it out, and once more after a pulse or two, until the field has the cursor.
        Platform.runLater(externalIdField::requestFocus);
        javafx.animation.PauseTransition settled = new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));
        settled.setOnFinished(done -> {
            if (newUserForm.isVisible() && !externalIdField.isFocused()) {
                externalIdField.requestFocus();
            }
        });
        settled.play();
    }

    private void bindSavedUsers() {
        TextField search = TextFields.createClearableTextField();
        search.setId("searchField");
        search.setPromptText(resources.getString("users.search.prompt"));
        search.setAccessibleText(resources.getString("users.search.accessible"));
        search.textProperty().bindBidirectional(viewModel.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(Double.MAX_VALUE);
        searchBox.getChildren().add(0, search);

        savedSummary.textProperty().bind(viewModel.savedSummaryProperty());
        savedPlaceholder.textProperty().bind(viewModel.savedSummaryProperty());
        savedTable.setItems(viewModel.rows());
        column(idColumn, UserRow::id);
        column(labelColumn, UserRow::label);
        column(externalIdColumn, UserRow::externalId);
        column(createdColumn, UserRow::created);
        column(lastTokenColumn, UserRow::lastToken);
        column(noteColumn, UserRow::note);
        idColumn.getStyleClass().add("monospace");
        labelColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        labelColumn.setOnEditCommit(edit -> viewModel.editLabel(edit.getRowValue(), edit.getNewValue()));
        noteColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        noteColumn.setOnEditCommit(edit -> viewModel.editNote(edit.getRowValue(), edit.getNewValue()));

        savedTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.select(now));
        viewModel.selectedRowProperty().addListener((o, was, now) -> showSelected(now));
        showSelected(viewModel.selectedRowProperty().get());

        var nothingSelected = savedTable.getSelectionModel().selectedItemProperty().isNull();
        copyIdButton.disableProperty().bind(nothingSelected);
        issueTokenButton.disableProperty().bind(nothingSelected);
        forgetButton.disableProperty().bind(nothingSelected.or(viewModel.busyProperty()));
        deleteSavedButton.disableProperty().bind(nothingSelected.or(viewModel.busyProperty()));
        moreSavedButton.visibleProperty().bind(viewModel.moreSavedProperty());
        moreSavedButton.managedProperty().bind(moreSavedButton.visibleProperty());
    }

    private void showSelected(UserRow row) {
        if (row == null) {
            savedTable.getSelectionModel().clearSelection();
        } else if (!row.equals(savedTable.getSelectionModel().getSelectedItem())) {
            savedTable.getSelectionModel().select(row);
            savedTable.scrollTo(row);
        }
    }

    private void bindFoundUsers() {
        findExternalId.textProperty().bindBidirectional(viewModel.findExternalIdProperty());
        findPageSize.getItems().setAll(UsersViewModel.FIND_PAGE_SIZES);
        findPageSize.valueProperty().bindBidirectional(viewModel.findPageSizeProperty());
        findButton.disableProperty().bind(viewModel.busyProperty());
        foundSummary.textProperty().bind(viewModel.foundSummaryProperty());
        foundTable.setItems(viewModel.foundRows());
        column(foundIdColumn, FoundRow::id);
        column(foundExternalIdColumn, FoundRow::externalId);
        column(foundCreatedColumn, FoundRow::created);
        column(foundNameColumn, row -> row.name().isEmpty() ? row.email() : row.name());
        foundSavedColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()).getReadOnlyProperty());
        foundSavedColumn.setCellFactory(column -> new SaveCell());
        var nothingFound = foundTable.getSelectionModel().selectedItemProperty().isNull();
        copyFoundIdButton.disableProperty().bind(nothingFound);
        deleteFoundButton.disableProperty().bind(nothingFound.or(viewModel.busyProperty()));
        moreFoundButton.visibleProperty().bind(viewModel.moreFoundProperty());
        moreFoundButton.managedProperty().bind(moreFoundButton.visibleProperty());
        moreFoundButton.disableProperty().bind(viewModel.busyProperty());
    }

    /** "Save" for a listed user not saved yet — one click —, "saved" for one that is. */
    private final class SaveCell extends TableCell<FoundRow, FoundRow> {
        private final Button save = new Button(resources.getString("users.find.save"));

        SaveCell() {
            save.getStyleClass().addAll("small", "accent");
            save.setOnAction(event -> {
                if (getItem() != null) {
                    viewModel.saveFound(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FoundRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
            } else if (row.saved()) {
                setGraphic(null);
                setText("saved");
            } else {
                save.setAccessibleText(resources.getString("users.find.save") + " " + row.id());
                setGraphic(save);
                setText(null);
            }
        }
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
    }

    private static ObservableValue<String> constant(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    @FXML
    private void openNewUser() {
        viewModel.openNewUserForm();
    }

    @FXML
    private void closeNewUser() {
        viewModel.closeNewUserForm();
    }

    @FXML
    private void createUser() {
        viewModel.createUser();
    }

    @FXML
    private void copyCreatedId() {
        viewModel.copyCreatedId();
    }

    @FXML
    private void copyCreatedToken() {
        viewModel.copyCreatedToken();
    }

    @FXML
    private void dismissMessage() {
        viewModel.dismissMessage();
    }

    @FXML
    private void importUsers() {
        viewModel.importUsers();
    }

    @FXML
    private void exportUsers() {
        viewModel.exportUsers();
    }

    @FXML
    private void copySelectedId() {
        UserRow row = savedTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.copyId(row.id());
        }
    }

    @FXML
    private void issueToken() {
        UserRow row = savedTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.issueToken(row);
        }
    }

    @FXML
    private void forget() {
        UserRow row = savedTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.forget(row);
        }
    }

    @FXML
    private void deleteSaved() {
        UserRow row = savedTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.deleteAtArgyle(row.id());
        }
    }

    @FXML
    private void showMoreSaved() {
        viewModel.showMoreSaved();
    }

    @FXML
    private void find() {
        viewModel.find();
    }

    @FXML
    private void showMoreFound() {
        viewModel.showMoreFound();
    }

    @FXML
    private void copyFoundId() {
        FoundRow row = foundTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.copyId(row.id());
        }
    }

    @FXML
    private void deleteFound() {
        FoundRow row = foundTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.deleteAtArgyle(row.id());
        }
    }
}
