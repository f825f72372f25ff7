package io.tokenconsole.ui.audit;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;

/** Binds the audit view to its view model and forwards the buttons. Nothing else. */
public final class AuditController {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final AuditViewModel viewModel;

    @FXML private ComboBox<String> auditPeriod;
    @FXML private HBox auditDates;
    @FXML private DatePicker auditFrom;
    @FXML private DatePicker auditTo;
    @FXML private CheckBox auditAllEnvironments;
    @FXML private ComboBox<String> auditAction;
    @FXML private TextField auditUserId;
    @FXML private Button auditExportButton;
    @FXML private ProgressIndicator auditBusyIndicator;
    @FXML private Label auditFilterProblem;
    @FXML private Label auditFailure;
    @FXML private Label auditSummary;
    @FXML private TableView<AuditRow> auditTable;
    @FXML private TableColumn<AuditRow, String> auditTimeColumn;
    @FXML private TableColumn<AuditRow, String> auditOperatorColumn;
    @FXML private TableColumn<AuditRow, String> auditEnvironmentColumn;
    @FXML private TableColumn<AuditRow, String> auditActionColumn;
    @FXML private TableColumn<AuditRow, String> auditUserColumn;
    @FXML private TableColumn<AuditRow, String> auditJtiColumn;
    @FXML private TableColumn<AuditRow, String> auditExpColumn;
    @FXML private TableColumn<AuditRow, String> auditOutcomeColumn;
    @FXML private TableColumn<AuditRow, String> auditDetailColumn;
    @FXML private Label auditEmptyText;
    @FXML private Label auditSelectionDetail;
    @FXML private Label auditSelectionNote;
    @FXML private Button auditShowInUsersButton;

    public AuditController(AuditViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        auditPeriod.setItems(FXCollections.observableArrayList(viewModel.periods()));
        auditPeriod.valueProperty().bindBidirectional(viewModel.periodProperty());
        auditDates.visibleProperty().bind(viewModel.datesShownProperty());
        auditDates.managedProperty().bind(auditDates.visibleProperty());
        auditFrom.valueProperty().bindBidirectional(viewModel.fromProperty());
        auditTo.valueProperty().bindBidirectional(viewModel.toProperty());
        auditAllEnvironments.selectedProperty().bindBidirectional(viewModel.allEnvironmentsProperty());
        auditAction.setItems(FXCollections.observableArrayList(viewModel.actions()));
        auditAction.valueProperty().bindBidirectional(viewModel.actionProperty());
        auditUserId.textProperty().bindBidirectional(viewModel.userIdProperty());
        viewModel.filterProblemProperty().addListener((o, was, now) ->
                auditUserId.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        showWhenNotEmpty(auditFilterProblem, viewModel.filterProblemProperty());
        showWhenNotEmpty(auditFailure, viewModel.failureProperty());
        auditSummary.textProperty().bind(viewModel.summaryProperty());
        auditBusyIndicator.visibleProperty().bind(viewModel.busyProperty().or(viewModel.exportingProperty()));
        auditExportButton.disableProperty().bind(viewModel.exportingProperty());

        auditTable.setItems(viewModel.rows());
        auditEmptyText.textProperty().bind(viewModel.emptyTextProperty());
        bindColumns();
        // Every row is the current environment's unless all are shown.
        auditEnvironmentColumn.visibleProperty().bind(viewModel.allEnvironmentsProperty());
        auditTable.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.failed());
            }
        });
        auditTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                viewModel.selectedRowProperty().set(now));
        viewModel.rows().addListener(this::keepScrollPosition);

        showWhenNotEmpty(auditSelectionDetail, viewModel.selectionDetailProperty());
        auditSelectionNote.textProperty().bind(viewModel.selectionNoteProperty());
        auditShowInUsersButton.visibleProperty().bind(viewModel.usersPaneAvailableProperty());
        auditShowInUsersButton.managedProperty().bind(auditShowInUsersButton.visibleProperty());
        auditShowInUsersButton.disableProperty().bind(viewModel.userSelectedProperty().not());

    }

    private void bindColumns() {
        text(auditTimeColumn, AuditRow::time, AuditRow::timeUtc);
        text(auditOperatorColumn, AuditRow::operator, row -> "");
        text(auditEnvironmentColumn, AuditRow::environmentName, row -> "");
        text(auditActionColumn, AuditRow::action, row -> "");
        text(auditUserColumn, AuditRow::userId, row -> "");
        text(auditJtiColumn, AuditRow::shortJti, AuditRow::tokenJti);
        text(auditExpColumn, AuditRow::tokenExp, AuditRow::tokenExpUtc);
        text(auditOutcomeColumn, row -> row.failed() ? "✖ failed" : "ok", AuditRow::error);
        text(auditDetailColumn, row -> row.failed() && !row.error().isEmpty()
                ? row.error() + (row.detail().isEmpty() ? "" : " · " + row.detail()) : row.detail(), AuditRow::description);
    }

    /** A column showing {@code text} of its row, with {@code tooltip} on hover when there is one. */
    private static void text(TableColumn<AuditRow, String> column, Function<AuditRow, String> text,
            Function<AuditRow, String> tooltip) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                AuditRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : value);
                String tip = row == null ? "" : tooltip.apply(row);
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }
        });
    }

    /** Rows arriving above what the person scrolled to push nothing out of sight. */
    private void keepScrollPosition(ListChangeListener.Change<? extends AuditRow> change) {
        if (!(auditTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getFirstVisibleCell() == null) {
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int shift = 0;
        while (change.next()) {
            if (change.getFrom() <= first + shift) {
                shift += change.getAddedSize() - change.getRemovedSize();
            }
        }
        if (first > 0 && shift != 0) {
            auditTable.scrollTo(Math.max(0, first + shift));
        }
    }

    private static void showWhenNotEmpty(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    @FXML
    private void exportCsv() {
        viewModel.exportCsv();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void showInUsers() {
        viewModel.showInUsers();
    }
}
