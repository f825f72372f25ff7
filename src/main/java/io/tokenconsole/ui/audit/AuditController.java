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

    @FXML private ComboBox<String> period;
    @FXML private HBox dates;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private CheckBox allEnvironments;
    @FXML private ComboBox<String> action;
    @FXML private TextField userId;
    @FXML private Button exportButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label filterProblem;
    @FXML private Label failure;
    @FXML private Label summary;
    @FXML private TableView<AuditRow> table;
    @FXML private TableColumn<AuditRow, String> timeColumn;
    @FXML private TableColumn<AuditRow, String> operatorColumn;
    @FXML private TableColumn<AuditRow, String> environmentColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> userColumn;
    @FXML private TableColumn<AuditRow, String> jtiColumn;
    @FXML private TableColumn<AuditRow, String> expColumn;
    @FXML private TableColumn<AuditRow, String> outcomeColumn;
    @FXML private TableColumn<AuditRow, String> detailColumn;
    @FXML private Label emptyText;
    @FXML private Label selectionDetail;
    @FXML private Label selectionNote;
    @FXML private Button showInUsersButton;

    public AuditController(AuditViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        period.setItems(FXCollections.observableArrayList(viewModel.periods()));
        period.valueProperty().bindBidirectional(viewModel.periodProperty());
        dates.visibleProperty().bind(viewModel.datesShownProperty());
        dates.managedProperty().bind(dates.visibleProperty());
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        allEnvironments.selectedProperty().bindBidirectional(viewModel.allEnvironmentsProperty());
        action.setItems(FXCollections.observableArrayList(viewModel.actions()));
        action.valueProperty().bindBidirectional(viewModel.actionProperty());
        userId.textProperty().bindBidirectional(viewModel.userIdProperty());
        viewModel.filterProblemProperty().addListener((o, was, now) ->
                userId.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));
        showWhenNotEmpty(filterProblem, viewModel.filterProblemProperty());
        showWhenNotEmpty(failure, viewModel.failureProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty().or(viewModel.exportingProperty()));
        exportButton.disableProperty().bind(viewModel.exportingProperty());

        table.setItems(viewModel.rows());
        emptyText.textProperty().bind(viewModel.emptyTextProperty());
        bindColumns();
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.failed());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                viewModel.selectedRowProperty().set(now));
        viewModel.rows().addListener(this::keepScrollPosition);

        showWhenNotEmpty(selectionDetail, viewModel.selectionDetailProperty());
        selectionNote.textProperty().bind(viewModel.selectionNoteProperty());
        showInUsersButton.visibleProperty().bind(viewModel.usersPaneAvailableProperty());
        showInUsersButton.managedProperty().bind(showInUsersButton.visibleProperty());
        showInUsersButton.disableProperty().bind(viewModel.userSelectedProperty().not());

    }

    private void bindColumns() {
        text(timeColumn, AuditRow::time, AuditRow::timeUtc);
        text(operatorColumn, AuditRow::operator, row -> "");
        text(environmentColumn, AuditRow::environmentName, row -> "");
        text(actionColumn, AuditRow::action, row -> "");
        text(userColumn, AuditRow::userId, row -> "");
        text(jtiColumn, AuditRow::tokenJti, row -> "");
        text(expColumn, AuditRow::tokenExp, AuditRow::tokenExpUtc);
        text(outcomeColumn, row -> row.failed() ? "✖ failed" : "ok", AuditRow::error);
        text(detailColumn, row -> row.failed() && !row.error().isEmpty()
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
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getFirstVisibleCell() == null) {
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
            table.scrollTo(Math.max(0, first + shift));
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
