package io.tokenconsole.ui.link;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import io.tokenconsole.ui.common.MessageLabel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.VBox;

/** Binds the Link view to its view model and forwards the buttons. Nothing else. */
public final class LinkController {

    private final LinkViewModel viewModel;
    private final ListChangeListener<TimelineRow> followNewest = change -> scrollToNewest();
    private ObservableList<TimelineRow> shownRows;

    @FXML private Label selectedUserHint;
    @FXML private TextField userId;
    @FXML private TextField flowId;
    @FXML private TextField items;
    @FXML private Button openLinkButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label message;
    @FXML private ListView<SessionItem> sessionList;
    @FXML private VBox sessionView;
    @FXML private Label emptyState;
    @FXML private Label sessionEnvironment;
    @FXML private Label sessionState;
    @FXML private Label sessionUser;
    @FXML private Label sessionOptions;
    @FXML private TextField sessionAddress;
    @FXML private Button openInBrowserButton;
    @FXML private Button copyAddressButton;
    @FXML private Button saveHtmlButton;
    @FXML private Button expireButton;
    @FXML private Button closeSessionButton;
    @FXML private TableView<TimelineRow> timeline;
    @FXML private TableColumn<TimelineRow, String> timeColumn;
    @FXML private TableColumn<TimelineRow, String> eventColumn;
    @FXML private TableColumn<TimelineRow, String> sourceColumn;
    @FXML private TableColumn<TimelineRow, String> payloadColumn;
    @FXML private TextArea payloadDetail;

    public LinkController(LinkViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        selectedUserHint.textProperty().bind(viewModel.selectedUserHintProperty());
        userId.textProperty().bindBidirectional(viewModel.userIdProperty());
        flowId.textProperty().bindBidirectional(viewModel.flowIdProperty());
        items.textProperty().bindBidirectional(viewModel.itemsProperty());
        openLinkButton.disableProperty().bind(viewModel.busyProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        MessageLabel.bind(message, viewModel.messageProperty(), viewModel.failedProperty());

        sessionList.setItems(viewModel.sessions());
        sessionList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((o, was, now) -> sessionList.getSelectionModel().select(now));
        sessionList.getSelectionModel().select(viewModel.selectedProperty().get());

        sessionView.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        sessionView.managedProperty().bind(sessionView.visibleProperty());
        emptyState.visibleProperty().bind(viewModel.selectedProperty().isNull());
        emptyState.managedProperty().bind(emptyState.visibleProperty());
        sessionEnvironment.textProperty().bind(viewModel.sessionEnvironmentProperty());
        viewModel.sessionProductionProperty().addListener((o, was, production) -> styleEnvironment(production));
        styleEnvironment(viewModel.sessionProductionProperty().get());
        sessionState.textProperty().bind(viewModel.sessionStateProperty());
        viewModel.sessionOpenProperty().addListener((o, was, open) -> styleState(open));
        styleState(viewModel.sessionOpenProperty().get());
        sessionUser.textProperty().bind(viewModel.sessionUserProperty());
        sessionOptions.textProperty().bind(viewModel.sessionOptionsProperty());
        sessionAddress.textProperty().bind(viewModel.sessionAddressProperty());

        openInBrowserButton.disableProperty().bind(viewModel.sessionOpenProperty().not());
        copyAddressButton.disableProperty().bind(viewModel.sessionOpenProperty().not());
        saveHtmlButton.visibleProperty().bind(viewModel.canSaveProperty());
        saveHtmlButton.managedProperty().bind(saveHtmlButton.visibleProperty());
        saveHtmlButton.disableProperty().bind(viewModel.busyProperty());
        expireButton.visibleProperty().bind(viewModel.canExpireProperty());
        expireButton.managedProperty().bind(expireButton.visibleProperty());
        closeSessionButton.disableProperty().bind(viewModel.sessionOpenProperty().not());

        timeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().time()));
        eventColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().event()));
        sourceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().source()));
        payloadColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().payload()));
        timeline.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("timeline-problem");
                if (!empty && row != null && row.problem()) {
                    getStyleClass().add("timeline-problem");
                }
            }
        });
        // An invalidation listener: a change listener misses a switch between two sessions' lists that are equal (both empty).
        viewModel.timelineProperty().addListener(observable -> showRows());
        showRows();
        payloadDetail.textProperty().bind(Bindings.createStringBinding(() -> {
            TimelineRow row = timeline.getSelectionModel().getSelectedItem();
            return row == null ? "" : row.detail();
        }, timeline.getSelectionModel().selectedItemProperty()));
    }

    /** Shows the selected session's rows and follows the newest. */
    private void showRows() {
        if (shownRows != null) {
            shownRows.removeListener(followNewest);
        }
        shownRows = viewModel.timelineProperty().get();
        timeline.setItems(shownRows);
        shownRows.addListener(followNewest);
        scrollToNewest();
    }

    private void scrollToNewest() {
        // Once the table has taken the new row in: scrolling from inside the list's change breaks the table.
        Platform.runLater(() -> {
            ObservableList<TimelineRow> rows = timeline.getItems();
            if (!rows.isEmpty()) {
                timeline.scrollTo(rows.size() - 1);
            }
        });
    }

    private void styleEnvironment(boolean production) {
        sessionEnvironment.getStyleClass().removeAll("badge-danger", "badge-neutral");
        sessionEnvironment.getStyleClass().add(production ? "badge-danger" : "badge-neutral");
    }

    private void styleState(boolean open) {
        sessionState.getStyleClass().removeAll("badge-success", "badge-neutral");
        sessionState.getStyleClass().add(open ? "badge-success" : "badge-neutral");
    }

    @FXML
    private void openLink() {
        viewModel.openLinkForTypedId();
    }

    @FXML
    private void openInBrowser() {
        viewModel.openInBrowser();
    }

    @FXML
    private void copyAddress() {
        viewModel.copyPageAddress();
    }

    @FXML
    private void saveHtml() {
        viewModel.saveAsHtml();
    }

    @FXML
    private void expireToken() {
        viewModel.expireTokenNow();
    }

    @FXML
    private void closeSession() {
        viewModel.closeSession();
    }
}
