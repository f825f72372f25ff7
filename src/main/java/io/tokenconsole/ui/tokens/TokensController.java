package io.tokenconsole.ui.tokens;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the Tokens view to its view model and forwards the buttons. Nothing else. */
public final class TokensController {

    private final TokensViewModel viewModel;

    @FXML private ScrollPane root;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label tokensMessage;
    @FXML private TextField userIdField;
    @FXML private Button issueButton;
    @FXML private Label selectedUser;
    @FXML private Label userIdProblem;
    @FXML private VBox card;
    @FXML private Label cardTitle;
    @FXML private Button closeCardButton;
    @FXML private Label cardMessage;
    @FXML private Label cardNextStep;
    @FXML private VBox issuedParts;
    @FXML private TextField issuedTokenField;
    @FXML private Label copyNote;
    @FXML private TextField tokenId;
    @FXML private Label issued;
    @FXML private Label expires;
    @FXML private Label tokenExpiryAdvice;
    @FXML private TableView<EarlierToken> earlierTokens;
    @FXML private TableColumn<EarlierToken, String> environmentColumn;
    @FXML private TableColumn<EarlierToken, String> userColumn;
    @FXML private TableColumn<EarlierToken, String> jtiColumn;
    @FXML private TableColumn<EarlierToken, String> issuedColumn;
    @FXML private TableColumn<EarlierToken, String> expiresColumn;

    public TokensController(TokensViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        showText(tokensMessage, viewModel.messageProperty());
        showText(selectedUser, viewModel.selectedUserTextProperty());
        showText(userIdProblem, viewModel.userIdProblemProperty());

        userIdField.textProperty().bindBidirectional(viewModel.userIdProperty());
        userIdField.setOnAction(event -> viewModel.issue());
        issueButton.disableProperty().bind(viewModel.busyProperty());
        AutoCompletionBinding<UserSuggestion> completion = TextFields.bindAutoCompletion(userIdField,
                request -> viewModel.suggestions(request.getUserText()));
        completion.prefWidthProperty().bind(userIdField.widthProperty());
        completion.setOnAutoCompleted(event -> viewModel.userIdProperty().set(event.getCompletion().id()));
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(userIdField, false, (control, value) -> ValidationResult.fromErrorIf(control,
                viewModel.userIdProblemProperty().get(), !viewModel.userIdProblemProperty().get().isEmpty()));
        viewModel.userIdProblemProperty().addListener((o, was, now) -> validation.revalidate());
        viewModel.focusUserIdRequestsProperty().addListener((o, was, now) -> focusUserId());
        if (viewModel.focusUserIdRequestsProperty().get() > 0) {
            focusUserId();
        }

        BooleanBinding hasCard = viewModel.cardKindProperty().isNotEqualTo(CardKind.NONE);
        show(card, hasCard);
        show(issuedParts, viewModel.cardKindProperty().isEqualTo(CardKind.ISSUED));
        viewModel.cardKindProperty().addListener((o, was, kind) -> styleCard(kind));
        styleCard(viewModel.cardKindProperty().get());
        cardTitle.textProperty().bind(viewModel.cardTitleProperty());
        showText(cardMessage, viewModel.cardMessageProperty());
        showText(cardNextStep, viewModel.cardNextStepProperty());
        issuedTokenField.textProperty().bind(viewModel.tokenProperty());
        tokenId.textProperty().bind(viewModel.tokenIdProperty());
        issued.textProperty().bind(viewModel.issuedTextProperty());
        expires.textProperty().bind(viewModel.expiresTextProperty());
        showText(copyNote, viewModel.copyNoteProperty());
        tokenExpiryAdvice.setText(viewModel.expiryAdvice());

        earlierTokens.setItems(viewModel.earlierTokens());
        column(environmentColumn, EarlierToken::environment);
        column(userColumn, EarlierToken::userId);
        column(jtiColumn, EarlierToken::jti);
        column(issuedColumn, EarlierToken::issued);
        column(expiresColumn, EarlierToken::expires);
    }

    private static void show(Node node, ObservableValue<Boolean> when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static void showText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        show(label, label.textProperty().isNotEmpty());
    }

    private static void column(TableColumn<EarlierToken, String> column, Function<EarlierToken, String> value) {
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
    }

    private void styleCard(CardKind kind) {
        card.getStyleClass().removeAll("token-card-failed", "token-card-cancelled");
        if (kind == CardKind.FAILED) {
            card.getStyleClass().add("token-card-failed");
        } else if (kind == CardKind.CANCELLED) {
            card.getStyleClass().add("token-card-cancelled");
        }
    }

    private void focusUserId() {
        Platform.runLater(userIdField::requestFocus);
    }

    @FXML
    private void issue() {
        viewModel.issue();
    }

    @FXML
    private void closeCard() {
        viewModel.closeCard();
    }

    @FXML
    private void copyToken() {
        viewModel.copyToken();
    }

    @FXML
    private void copyCurl() {
        viewModel.copyCurl();
    }

    @FXML
    private void openInInspector() {
        viewModel.openInInspector();
    }

    @FXML
    private void openLink() {
        viewModel.openLink();
    }
}
