package io.tokenconsole.ui.inspector;

import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TokenStatus;
import io.tokenconsole.ui.common.ClipboardService;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** Binds the inspector view to its view model and forwards the person's actions. Nothing else. */
public final class InspectorController {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final InspectorViewModel viewModel;
    private final ClipboardService clipboard;
    private final javafx.event.EventHandler<KeyEvent> pasteShortcut = this::pasteShortcut;

    @FXML private VBox root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button pasteButton;
    @FXML private TextArea input;
    @FXML private Label cleanupNotes;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private VBox report;
    @FXML private Label statusBadge;
    @FXML private Label environmentBadge;
    @FXML private Label signatureBadge;
    @FXML private Label userLabel;
    @FXML private Label expiryAdvice;
    @FXML private TableView<TimeRow> timesTable;
    @FXML private TableColumn<TimeRow, String> timeLabelColumn;
    @FXML private TableColumn<TimeRow, String> timeUtcColumn;
    @FXML private TableColumn<TimeRow, String> timeLocalColumn;
    @FXML private TableColumn<TimeRow, String> timeRelativeColumn;
    @FXML private TableView<ClaimRow> claimsTable;
    @FXML private TableColumn<ClaimRow, String> claimNameColumn;
    @FXML private TableColumn<ClaimRow, String> claimValueColumn;
    @FXML private TableColumn<ClaimRow, String> claimMeaningColumn;
    @FXML private TableColumn<ClaimRow, String> claimWhenColumn;
    @FXML private TableColumn<ClaimRow, String> claimCopyColumn;
    @FXML private TextFlow coloredToken;
    @FXML private TextArea headerJson;
    @FXML private TextArea payloadJson;
    @FXML private Tab findingsTab;
    @FXML private ListView<Finding> findingsList;
    @FXML private Label signatureDetail;
    @FXML private ComboBox<KeyKind> keyKind;
    @FXML private TextArea keyText;
    @FXML private PasswordField secretText;
    @FXML private Label keyMessage;

    public InspectorController(InspectorViewModel viewModel, ClipboardService clipboard) {
        this.viewModel = viewModel;
        this.clipboard = clipboard;
    }

    @FXML
    private void initialize() {
        input.textProperty().bindBidirectional(viewModel.inputProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        bindShownWhenNotEmpty(cleanupNotes, viewModel.cleanupNotesProperty());
        bindShownWhenNotEmpty(errorMessage, viewModel.errorMessageProperty());
        showWhen(report, viewModel.decodedProperty());
        showWhen(emptyState, viewModel.decodedProperty().not().and(viewModel.errorMessageProperty().isEmpty()));

        statusBadge.textProperty().bind(viewModel.statusTextProperty());
        styleBy(statusBadge, viewModel.statusProperty(), InspectorController::statusStyle);
        environmentBadge.textProperty().bind(viewModel.environmentTextProperty());
        viewModel.environmentMismatchProperty().addListener((o, was, mismatch) ->
                toggleStyle(environmentBadge, "badge-warning", mismatch));
        signatureBadge.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.signatureStatusProperty().get() == null ? ""
                        : viewModel.signatureStatusProperty().get().displayName(),
                viewModel.signatureStatusProperty()));
        styleBy(signatureBadge, viewModel.signatureStatusProperty(), InspectorController::signatureStyle);
        Tooltip signatureTip = new Tooltip();
        signatureTip.textProperty().bind(viewModel.signatureTextProperty());
        signatureTip.setWrapText(true);
        signatureTip.setMaxWidth(420);
        signatureBadge.setTooltip(signatureTip);
        signatureDetail.textProperty().bind(viewModel.signatureTextProperty());
        userLabel.textProperty().bind(viewModel.userTextProperty());
        expiryAdvice.setText(viewModel.expiryAdvice());

        column(timeLabelColumn, TimeRow::label);
        column(timeUtcColumn, TimeRow::utc);
        column(timeLocalColumn, TimeRow::local);
        column(timeRelativeColumn, TimeRow::relative);
        timesTable.setItems(viewModel.times());

        column(claimNameColumn, ClaimRow::name);
        column(claimValueColumn, ClaimRow::value);
        column(claimMeaningColumn, ClaimRow::meaning);
        column(claimWhenColumn, ClaimRow::when);
        claimMeaningColumn.setCellFactory(c -> wrappingCell());
        claimValueColumn.setCellFactory(c -> wrappingCell());
        claimWhenColumn.setCellFactory(c -> wrappingCell());
        claimCopyColumn.setCellFactory(c -> copyCell());
        claimsTable.setItems(viewModel.claims());

        headerJson.textProperty().bind(viewModel.headerJsonProperty());
        payloadJson.textProperty().bind(viewModel.payloadJsonProperty());
        viewModel.payloadSegmentProperty().addListener((o, was, now) -> colourToken());
        viewModel.signatureSegmentProperty().addListener((o, was, now) -> colourToken());

        findingsList.setItems(viewModel.findings());
        findingsList.setCellFactory(list -> findingCell());
        viewModel.findings().addListener((ListChangeListener<Finding>) change -> titleFindings());
        titleFindings();

        keyKind.getItems().setAll(KeyKind.values());
        keyKind.valueProperty().bindBidirectional(viewModel.keyKindProperty());
        keyText.textProperty().bindBidirectional(viewModel.keyTextProperty());
        secretText.textProperty().bindBidirectional(viewModel.keyTextProperty());
        showWhen(keyText, viewModel.keyKindProperty().isEqualTo(KeyKind.PUBLIC_KEY));
        showWhen(secretText, viewModel.keyKindProperty().isEqualTo(KeyKind.SHARED_SECRET));
        bindShownWhenNotEmpty(keyMessage, viewModel.keyMessageProperty());

        // Ctrl+V is caught for the whole window while the inspector shows, wherever the focus is.
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, pasteShortcut);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, pasteShortcut);
            }
        });
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasString() || event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                viewModel.openFile(files.get(0).toPath());
            } else if (event.getDragboard().hasString()) {
                viewModel.paste(event.getDragboard().getString());
            }
            event.setDropCompleted(true);
            event.consume();
        });

        Timeline clockTick = new Timeline(new KeyFrame(Duration.seconds(15), event -> viewModel.refresh()));
        clockTick.setCycleCount(Animation.INDEFINITE);
        clockTick.play();
    }

    // Actions

    @FXML
    private void paste() {
        clipboard.text().ifPresent(viewModel::paste);
    }

    @FXML
    private void openFile() {
        File file = new FileChooser().showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.openFile(file.toPath());
        }
    }

    @FXML
    private void clear() {
        viewModel.clear();
        input.requestFocus();
    }

    @FXML
    private void copyHeader() {
        clipboard.copy(viewModel.headerJsonProperty().get());
    }

    @FXML
    private void copyPayload() {
        clipboard.copy(viewModel.payloadJsonProperty().get());
    }

    @FXML
    private void openKeyFile() {
        File file = new FileChooser().showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.openKeyFile(file.toPath());
        }
    }

    @FXML
    private void applyKey() {
        viewModel.applyKey();
    }

    @FXML
    private void forgetKey() {
        viewModel.forgetKey();
    }

    /** Ctrl+V anywhere in the pane pastes into the inspector, except into the key field, which takes its own paste. */
    private void pasteShortcut(KeyEvent event) {
        if (!PASTE.match(event) || !root.isVisible()) {
            return;
        }
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        boolean otherTextField = focused instanceof TextInputControl && focused != input;
        if (!otherTextField) {
            paste();
            event.consume();
        }
    }

    // Binding helpers

    private void colourToken() {
        Text header = segment(viewModel.headerSegmentProperty().get(), "segment-header");
        Text payload = segment(viewModel.payloadSegmentProperty().get(), "segment-payload");
        Text signature = segment(viewModel.signatureSegmentProperty().get(), "segment-signature");
        if (header.getText().isEmpty()) {
            coloredToken.getChildren().clear();
            return;
        }
        coloredToken.getChildren().setAll(header, dot(), payload, dot(), signature);
    }

    private static Text segment(String text, String styleClass) {
        Text node = new Text(text);
        node.getStyleClass().addAll("token-text", styleClass);
        return node;
    }

    private static Text dot() {
        Text dot = new Text(".");
        dot.getStyleClass().add("token-text");
        return dot;
    }

    private void titleFindings() {
        int count = viewModel.findings().size();
        findingsTab.setText(count == 0 ? "Findings" : "Findings (" + count + ")");
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private static <R> TableCell<R, String> wrappingCell() {
        TableCell<R, String> cell = new TableCell<>() {
            private final Label label = new Label();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                label.setText(empty ? null : item);
                setGraphic(empty ? null : label);
            }
        };
        cell.getStyleClass().add("wrapping-cell");
        return cell;
    }

    private TableCell<ClaimRow, String> copyCell() {
        return new TableCell<>() {
            private final Button copy = new Button("Copy");

            {
                copy.getStyleClass().addAll("small", "flat");
                copy.setOnAction(event -> {
                    ClaimRow row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null) {
                        clipboard.copy(row.value());
                    }
                });
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setGraphic(empty ? null : copy);
            }
        };
    }

    private ListCell<Finding> findingCell() {
        return new ListCell<>() {
            private final Label code = new Label();
            private final Label message = new Label();
            private final VBox box = new VBox(2, code, message);

            {
                code.getStyleClass().add("finding-code");
                message.setWrapText(true);
                message.setMinHeight(Region.USE_PREF_SIZE);
                message.maxWidthProperty().bind(findingsList.widthProperty().subtract(40));
                // A cell as wide as its text would push a horizontal scroll bar; let the list decide.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Finding finding, boolean empty) {
                super.updateItem(finding, empty);
                getStyleClass().removeAll("finding-error", "finding-warning", "finding-info");
                if (empty || finding == null) {
                    setGraphic(null);
                    return;
                }
                code.setText(finding.severity().name() + "  ·  " + finding.code());
                message.setText(finding.message());
                getStyleClass().add("finding-" + finding.severity().id());
                setGraphic(box);
            }
        };
    }

    private static void bindShownWhenNotEmpty(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        showWhen(label, Bindings.createBooleanBinding(() -> text.getValue() != null && !text.getValue().isEmpty(), text));
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static <T> void styleBy(Label label, ObservableValue<T> value, Function<T, String> style) {
        value.addListener((o, was, now) -> {
            label.getStyleClass().removeAll("badge-success", "badge-danger", "badge-warning", "badge-neutral");
            if (now != null) {
                label.getStyleClass().add(style.apply(now));
            }
        });
    }

    private static void toggleStyle(Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }

    private static String statusStyle(TokenStatus status) {
        return switch (status) {
            case VALID -> "badge-success";
            case EXPIRED -> "badge-danger";
            case NOT_YET_VALID, NO_EXPIRY -> "badge-warning";
        };
    }

    private static String signatureStyle(SignatureStatus status) {
        return switch (status) {
            case VALID -> "badge-success";
            case INVALID -> "badge-danger";
            case UNVERIFIED -> "badge-neutral";
        };
    }
}
