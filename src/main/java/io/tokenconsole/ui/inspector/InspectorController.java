package io.tokenconsole.ui.inspector;

import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.TokenComparison;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.LateSpinner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** Binds the inspector view to its view model and forwards the person's actions. */
public final class InspectorController {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final List<String> TONES = List.of("badge-success", "badge-danger", "badge-warning", "badge-neutral");

    private final InspectorViewModel viewModel;
    private final ClipboardService clipboard;
    private final javafx.event.EventHandler<KeyEvent> pasteShortcut = this::pasteShortcut;
    private boolean reportLoaded;
    private boolean loadingReport;

    @FXML private ResourceBundle resources;

    @FXML private VBox root;
    @FXML private Label notice;
    @FXML private Button pasteButton;
    @FXML private ScrollPane body;
    @FXML private VBox content;
    @FXML private StackPane tokenField;
    @FXML private TextArea input;
    @FXML private Pane tokenOverlay;
    @FXML private Label cleanupNotes;
    @FXML private Label errorMessage;
    @FXML private VBox emptyState;
    @FXML private VBox recentBox;
    private ListView<HistoryEntry> recentList;
    @FXML private VBox report;
    @FXML private Label statusBadge;
    @FXML private Label environmentBadge;
    @FXML private Label signatureBadge;
    @FXML private Button findingsBadge;
    @FXML private GridPane keyFacts;
    @FXML private Label expiryAdvice;
    @FXML private TabPane tabs;
    @FXML private GridPane timesGrid;
    @FXML private Label lifetime;
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
    @FXML private Label noFindings;
    @FXML private Label signatureDetail;
    @FXML private ComboBox<KeyKind> keyKind;
    @FXML private TextArea keyText;
    @FXML private PasswordField secretText;
    @FXML private Label keyMessage;
    @FXML private TextArea secondInput;
    @FXML private Label comparisonMessage;
    @FXML private TableView<TokenComparison.Row> comparisonTable;
    @FXML private TableColumn<TokenComparison.Row, String> compareMarkColumn;
    @FXML private TableColumn<TokenComparison.Row, String> compareNameColumn;
    @FXML private TableColumn<TokenComparison.Row, String> compareFirstColumn;
    @FXML private TableColumn<TokenComparison.Row, String> compareSecondColumn;
    @FXML private TableColumn<TokenComparison.Row, String> compareNoteColumn;
    @FXML private ListView<HistoryEntry> historyList;

    public InspectorController(InspectorViewModel viewModel, ClipboardService clipboard) {
        this.viewModel = viewModel;
        this.clipboard = clipboard;
    }

    /** The busy spinner most sessions never see (a decode is quick) is made the first time the inspector is busy. */
    private void showBusySpinnerWhenFirstBusy() {
        viewModel.busyProperty().addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean busy) {
                if (busy) {
                    viewModel.busyProperty().removeListener(this);
                    LateSpinner.before(notice, "busyIndicator", 18, viewModel.busyProperty());
                }
            }
        });
    }

    /**
     * Called by the FXML loader after the pane's view, and again after the report's (the loader calls a
     * controller's {@code initialize} for each view it fills).
     */
    @FXML
    private void initialize() {
        if (loadingReport) {
            bindReport();
            return;
        }
        input.textProperty().bindBidirectional(viewModel.inputProperty());
        showBusySpinnerWhenFirstBusy();
        bindShownWhenNotEmpty(notice, viewModel.noticeProperty());
        bindShownWhenNotEmpty(cleanupNotes, viewModel.cleanupNotesProperty());
        bindShownWhenNotEmpty(errorMessage, viewModel.errorMessageProperty());
        showWhen(report, viewModel.decodedProperty());
        showWhen(emptyState, viewModel.decodedProperty().not().and(viewModel.errorMessageProperty().isEmpty()));
        showWhen(recentBox, Bindings.isNotEmpty(viewModel.history()));
        colourWhileTyping();

        // The list of recent tokens is made with the first entry (the history is this session's only).
        viewModel.history().addListener((ListChangeListener<HistoryEntry>) change -> makeRecentList());
        makeRecentList();
        // The report is built once there is a token to report on (from its first character, so it is there
        // by the time the decode ends), not for the empty pane of the first frame.
        viewModel.inputProperty().addListener((o, was, now) -> loadReportOnce());
        viewModel.decodedProperty().addListener((o, was, now) -> loadReportOnce());
        loadReportOnce();

        // Tab moves focus out of every multi-line field (a token never holds a tab); Ctrl+Tab does too.
        input.addEventFilter(KeyEvent.KEY_PRESSED, InspectorController::tabLeavesField);

        // Ctrl+V is caught for the whole window while the inspector shows, wherever the focus is.
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, pasteShortcut);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, pasteShortcut);
                scene.focusOwnerProperty().addListener((f, before, focused) -> scrollIntoView(focused));
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

    private void makeRecentList() {
        if (recentList != null || viewModel.history().isEmpty()) {
            return;
        }
        recentList = new ListView<>();
        recentList.setId("recentList");
        recentList.getStyleClass().add("history-list");
        recentList.setMinHeight(120);
        VBox.setVgrow(recentList, Priority.ALWAYS);
        recentBox.getChildren().add(recentList);
        historyList(recentList);
    }

    /**
     * Loads the report's view into its box the first time there is input or a decoded token; its controls
     * are then bound to the view model as it is now.
     */
    private void loadReportOnce() {
        String text = viewModel.inputProperty().get();
        if (reportLoaded || (text == null || text.isEmpty()) && !viewModel.decodedProperty().get()) {
            return;
        }
        reportLoaded = true;
        FXMLLoader loader = new FXMLLoader(InspectorController.class.getResource("/fxml/inspector-report.fxml"), resources);
        loader.setRoot(report);
        loader.setController(this);
        loadingReport = true;
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The inspector's report view could not be loaded", e);
        } finally {
            loadingReport = false;
        }
    }

    private void bindReport() {
        bindBadge(statusBadge, viewModel.statusTextProperty(), viewModel.statusToneProperty());
        bindBadge(environmentBadge, viewModel.environmentTextProperty(), viewModel.environmentToneProperty());
        bindBadge(signatureBadge, viewModel.signatureBadgeProperty(), viewModel.signatureToneProperty());
        bindBadge(findingsBadge, viewModel.findingsBadgeProperty(), viewModel.findingsToneProperty());
        Tooltip signatureTip = new Tooltip();
        signatureTip.textProperty().bind(viewModel.signatureTextProperty());
        signatureTip.setWrapText(true);
        signatureTip.setMaxWidth(420);
        signatureBadge.setTooltip(signatureTip);
        signatureDetail.textProperty().bind(viewModel.signatureTextProperty());
        expiryAdvice.setText(viewModel.expiryAdvice());
        viewModel.keyFacts().addListener((ListChangeListener<KeyFact>) change -> showKeyFacts());

        viewModel.times().addListener((ListChangeListener<TimeRow>) change -> showTimes());
        bindShownWhenNotEmpty(lifetime, viewModel.lifetimeTextProperty());
        column(claimNameColumn, ClaimRow::name);
        column(claimValueColumn, ClaimRow::value);
        column(claimMeaningColumn, ClaimRow::meaning);
        column(claimWhenColumn, ClaimRow::when);
        claimMeaningColumn.setCellFactory(c -> textCell(true, ""));
        claimValueColumn.setCellFactory(c -> textCell(false, "value"));
        claimWhenColumn.setCellFactory(c -> textCell(false, ""));
        claimCopyColumn.setCellFactory(c -> copyCell());
        claimsTable.setItems(viewModel.claims());

        headerJson.textProperty().bind(viewModel.headerJsonProperty());
        payloadJson.textProperty().bind(viewModel.payloadJsonProperty());
        viewModel.payloadSegmentProperty().addListener((o, was, now) -> colourToken());
        viewModel.signatureSegmentProperty().addListener((o, was, now) -> colourToken());

        findingsList.setItems(viewModel.findings());
        findingsList.setCellFactory(list -> findingCell());
        showWhen(noFindings, Bindings.isEmpty(viewModel.findings()));
        viewModel.findings().addListener((ListChangeListener<Finding>) change -> titleFindings());
        viewModel.findingsToneProperty().addListener((o, was, now) -> titleFindings());
        titleFindings();

        keyKind.getItems().setAll(KeyKind.values());
        keyKind.valueProperty().bindBidirectional(viewModel.keyKindProperty());
        keyText.textProperty().bindBidirectional(viewModel.keyTextProperty());
        secretText.textProperty().bindBidirectional(viewModel.keyTextProperty());
        showWhen(keyText, viewModel.keyKindProperty().isEqualTo(KeyKind.PUBLIC_KEY));
        showWhen(secretText, viewModel.keyKindProperty().isNotEqualTo(KeyKind.PUBLIC_KEY));
        bindShownWhenNotEmpty(keyMessage, viewModel.keyMessageProperty());

        secondInput.textProperty().bindBidirectional(viewModel.secondInputProperty());
        bindShownWhenNotEmpty(comparisonMessage, viewModel.comparisonMessageProperty());
        column(compareMarkColumn, row -> row.differs() ? "≠" : "");
        column(compareNameColumn, TokenComparison.Row::name);
        column(compareFirstColumn, TokenComparison.Row::first);
        column(compareSecondColumn, TokenComparison.Row::second);
        column(compareNoteColumn, TokenComparison.Row::note);
        compareFirstColumn.setCellFactory(c -> textCell(false, "value"));
        compareSecondColumn.setCellFactory(c -> textCell(false, "value"));
        compareNoteColumn.setCellFactory(c -> textCell(true, ""));
        comparisonTable.setRowFactory(table -> comparisonRow());
        comparisonTable.setItems(viewModel.comparison());

        showKeyFacts();
        showTimes();
        colourToken();
        historyList(historyList);
        // Tab moves focus out of every multi-line field (a token never holds a tab); Ctrl+Tab does too.
        for (TextArea area : List.of(secondInput, keyText, headerJson, payloadJson)) {
            area.addEventFilter(KeyEvent.KEY_PRESSED, InspectorController::tabLeavesField);
        }
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
    private void showFindings() {
        tabs.getSelectionModel().select(findingsTab);
    }

    @FXML
    private void copyHeader() {
        copy("the header", viewModel.headerJsonProperty().get());
    }

    @FXML
    private void copyPayload() {
        copy("the payload", viewModel.payloadJsonProperty().get());
    }

    @FXML
    private void openKeyFile() {
        File file = new FileChooser().showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.openKeyFile(file.toPath());
        }
    }

    @FXML
    private void forgetKey() {
        viewModel.forgetKey();
    }

    private void copy(String what, String text) {
        clipboard.copy(text);
        viewModel.copied(what);
    }

    /** Ctrl+V anywhere in the pane pastes into the inspector, except into another field, which takes its own paste. */
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

    /** A TextArea inserts a tab on Tab; here Tab leaves it, as Ctrl+Tab does, by passing that on instead. */
    private static void tabLeavesField(KeyEvent event) {
        if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        event.consume();
        Node field = (Node) event.getSource();
        field.fireEvent(new KeyEvent(event.getSource(), field, KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB,
                event.isShiftDown(), true, false, false));
    }

    /** The pane scrolls as a whole: a control reached by Tab below the fold is scrolled into view. */
    private void scrollIntoView(Node focused) {
        if (focused == null || !isInside(focused, content)) {
            return;
        }
        Bounds inContent = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double viewport = body.getViewportBounds().getHeight();
        double scrollable = content.getHeight() - viewport;
        if (scrollable <= 0) {
            return;
        }
        double top = body.getVvalue() * scrollable;
        if (inContent.getMinY() < top) {
            body.setVvalue(inContent.getMinY() / scrollable);
        } else if (inContent.getMaxY() > top + viewport) {
            body.setVvalue(Math.min(1, (inContent.getMaxY() - viewport) / scrollable));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    // The token field's colours: coloured copies of the field's own text, each clipped to its segment

    private void colourWhileTyping() {
        Rectangle clip = new Rectangle();
        tokenOverlay.setClip(clip);
        tokenOverlay.visibleProperty().bind(input.selectionProperty().map(selection -> selection.getLength() == 0));
        Runnable colour = () -> colourInput(clip);
        root.sceneProperty().addListener((o, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(colour);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(colour);
            }
        });
    }

    private String colouredFor = "";

    /**
     * Runs after each layout pass; redraws only when the text, its wrapping or its place changed. Each
     * paragraph of the field is copied once per part of the token it holds, in that part's colour, and
     * clipped to the part's range, so the colours sit exactly on the field's glyphs however it wraps.
     */
    private void colourInput(Rectangle clip) {
        List<Text> paragraphs = input.lookupAll(".text").stream()
                .filter(node -> node instanceof Text text && text.isVisible() && isInside(text, input.lookup(".content")))
                .map(Text.class::cast).toList();
        Node viewport = input.lookup(".viewport");
        if (!root.isVisible() || viewport == null || paragraphs.isEmpty()) {
            return;
        }
        Bounds visible = tokenOverlay.sceneToLocal(viewport.localToScene(viewport.getBoundsInLocal()));
        List<javafx.geometry.Point2D> origins = paragraphs.stream()
                .map(text -> tokenOverlay.sceneToLocal(text.localToScene(0, 0))).toList();
        String key = input.getText().hashCode() + "/" + input.getText().length() + "/" + visible + "/" + origins + "/"
                + paragraphs.get(0).getWrappingWidth() + "/" + paragraphs.get(0).getFont();
        if (key.equals(colouredFor)) {
            return;
        }
        colouredFor = key;
        clip.setX(visible.getMinX());
        clip.setY(visible.getMinY());
        clip.setWidth(visible.getWidth());
        clip.setHeight(visible.getHeight());
        List<Node> copies = new java.util.ArrayList<>();
        int offset = 0;
        int paragraphStart = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Text paragraph = paragraphs.get(i);
            int paragraphEnd = paragraphStart + paragraph.getText().length();
            offset = 0;
            for (TokenSpan span : viewModel.inputSpans()) {
                int from = Math.max(offset, paragraphStart);
                int to = Math.min(offset + span.text().length(), paragraphEnd);
                if (span.part() != TokenSpan.Part.PLAIN && span.part() != TokenSpan.Part.DOT && from < to) {
                    copies.add(colouredCopy(paragraph, origins.get(i), span.part(), from - paragraphStart, to - paragraphStart));
                }
                offset += span.text().length();
            }
            paragraphStart = paragraphEnd + 1;
        }
        tokenOverlay.getChildren().setAll(copies);
    }

    private static Text colouredCopy(Text paragraph, javafx.geometry.Point2D origin, TokenSpan.Part part, int from, int to) {
        Text copy = new Text(paragraph.getText());
        copy.setFont(paragraph.getFont());
        copy.setWrappingWidth(paragraph.getWrappingWidth());
        copy.setTextOrigin(paragraph.getTextOrigin());
        copy.setBoundsType(paragraph.getBoundsType());
        copy.setLineSpacing(paragraph.getLineSpacing());
        copy.setLayoutX(origin.getX());
        copy.setLayoutY(origin.getY());
        copy.getStyleClass().add("span-" + part.name().toLowerCase(java.util.Locale.ROOT));
        javafx.scene.shape.Path range = new javafx.scene.shape.Path(paragraph.rangeShape(from, to));
        range.setFill(javafx.scene.paint.Color.BLACK);
        range.setStroke(null);
        copy.setClip(range);
        return copy;
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

    /**
     * The key claims in full, one per line, each with its finding and a Copy button; values never wrap.
     * The rows are made once and then only relabelled, so the clock's refresh never takes the focus away.
     */
    private void showKeyFacts() {
        List<KeyFact> facts = viewModel.keyFacts();
        if (keyFacts.getChildren().size() != facts.size() * 4) {
            keyFacts.getChildren().clear();
            for (int row = 0; row < facts.size(); row++) {
                Label name = new Label();
                name.getStyleClass().add("fact-name");
                Label value = new Label();
                value.getStyleClass().add("fact-value");
                value.setMinWidth(Region.USE_PREF_SIZE);
                Button copy = new Button("Copy");
                copy.getStyleClass().addAll("small", "flat");
                copy.setMinWidth(Region.USE_PREF_SIZE);
                Label note = new Label();
                note.getStyleClass().add("fact-note");
                keyFacts.addRow(row, name, value, copy, note);
            }
        }
        for (int row = 0; row < facts.size(); row++) {
            KeyFact fact = facts.get(row);
            Label name = (Label) keyFacts.getChildren().get(row * 4);
            Label value = (Label) keyFacts.getChildren().get(row * 4 + 1);
            Button copy = (Button) keyFacts.getChildren().get(row * 4 + 2);
            Label note = (Label) keyFacts.getChildren().get(row * 4 + 3);
            name.setText(fact.name());
            value.setText(fact.value());
            value.setId("fact-" + fact.name());
            note.setText(fact.note());
            for (Label toned : List.of(value, note)) {
                toned.getStyleClass().removeIf(style -> style.startsWith("fact-") && !style.equals("fact-value")
                        && !style.equals("fact-note"));
                toned.getStyleClass().add("fact-" + fact.tone().id());
            }
            copy.setOnAction(event -> copy(fact.name(), fact.value()));
        }
    }

    /** Issued, not before, expires: one line each and no empty rows; every cell shows in full. */
    private void showTimes() {
        timesGrid.getChildren().clear();
        if (viewModel.times().isEmpty()) {
            return;
        }
        timesGrid.addRow(0, heading("Moment"), heading("UTC"), heading("Local time"), heading("From now"));
        int row = 1;
        for (TimeRow time : viewModel.times()) {
            timesGrid.addRow(row++, fullText(time.label()), fullText(time.utc()), fullText(time.local()),
                    fullText(time.relative()));
        }
    }

    private static Label heading(String text) {
        Label label = fullText(text);
        label.getStyleClass().add("times-heading");
        return label;
    }

    private static Label fullText(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void titleFindings() {
        int count = viewModel.findings().size();
        findingsTab.setText(count == 0 ? "Findings" : "Findings (" + count + ")");
        findingsTab.getStyleClass().removeAll("tab-danger", "tab-warning", "tab-neutral", "tab-success");
        if (count > 0 && viewModel.findingsToneProperty().get() != null) {
            findingsTab.getStyleClass().add("tab-" + viewModel.findingsToneProperty().get().id());
        }
    }

    private void historyList(ListView<HistoryEntry> list) {
        list.setItems(viewModel.history());
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.line());
                getStyleClass().remove("history-cleared");
                if (!empty && entry != null && !entry.inMemory()) {
                    getStyleClass().add("history-cleared");
                }
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                reopenSelected(list);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                reopenSelected(list);
                event.consume();
            }
        });
    }

    private void reopenSelected(ListView<HistoryEntry> list) {
        HistoryEntry entry = list.getSelectionModel().getSelectedItem();
        if (entry != null) {
            viewModel.reopen(entry);
            if (entry.inMemory() && tabs != null) {
                tabs.getSelectionModel().selectFirst();
            }
        }
    }

    private static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /**
     * A cell that either wraps (prose) or never breaks its text (ids, times) and then shows the whole
     * text in a tooltip when the column is too narrow for it.
     */
    private static <R> TableCell<R, String> textCell(boolean wrap, String styleClass) {
        TableCell<R, String> cell = new TableCell<>() {
            private final Label label = new Label();
            private final Tooltip tip = new Tooltip();

            {
                label.setWrapText(wrap);
                if (!styleClass.isEmpty()) {
                    label.getStyleClass().add(styleClass);
                }
                tip.setWrapText(true);
                tip.setMaxWidth(520);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                label.setText(empty ? null : item);
                tip.setText(blank ? "" : item);
                setTooltip(blank ? null : tip);
                setGraphic(empty ? null : label);
            }
        };
        cell.getStyleClass().add(wrap ? "wrapping-cell" : "single-line-cell");
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
                        copy(row.name(), row.value());
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

    private static TableRow<TokenComparison.Row> comparisonRow() {
        return new TableRow<>() {
            @Override
            protected void updateItem(TokenComparison.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("diff-row");
                if (!empty && row != null && row.differs()) {
                    getStyleClass().add("diff-row");
                }
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

    private static void bindBadge(javafx.scene.control.Labeled badge, ObservableValue<String> text, ObservableValue<Tone> tone) {
        badge.textProperty().bind(text);
        java.util.function.Consumer<Tone> showTone = now -> {
            badge.getStyleClass().removeAll(TONES);
            if (now != null) {
                badge.getStyleClass().add("badge-" + now.id());
            }
        };
        showTone.accept(tone.getValue());
        tone.addListener((o, was, now) -> showTone.accept(now));
    }
}
