package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.ui.inspector.ClaimRow;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window, built from its real views and view models, headless through TestFX. */
class ConsoleWindowUiTest extends ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private ExecutorService executor;
    private MemoryThemePreference theme;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        executor = Executors.newFixedThreadPool(2);
        theme = new MemoryThemePreference();
        TestWindows.withoutWorkspace(stage, executor, NOW, theme);
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private void putOnClipboard(String text) {
        interact(() -> TestWindows.putOnClipboard(text));
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }

    private boolean shown(String query) {
        Node node = lookup(query).query();
        return node.isVisible() && node.isManaged();
    }

    @Test
    void theWindowTakesItsIconsInEverySizeOnceTheyAreDecoded() throws Exception {
        await(() -> stage.getIcons().size() == 6);
        assertEquals(List.of(16.0, 32.0, 48.0, 64.0, 128.0, 256.0),
                stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList());
        assertTrue(stage.getIcons().stream().noneMatch(javafx.scene.image.Image::isError));
    }

    @Test
    void pastingATokenWithCtrlVShowsItsClaimsStatusAndTheExpiryAdvice() throws Exception {
        putOnClipboard("Bearer " + TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev"));
        clickOn("#emptyState");
        press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

        TableView<ClaimRow> claims = lookup("#claimsTable").queryTableView();
        await(() -> !claims.getItems().isEmpty());

        ClaimRow userId = claims.getItems().stream().filter(r -> r.name().equals("user_id")).findFirst().orElseThrow();
        assertEquals(TestTokens.USER_ID, userId.value());
        assertTrue(userId.meaning().startsWith("Argyle user id"));
        assertEquals(7, claims.getItems().size());
        assertEquals("Valid · expires in 50 min", text("#statusBadge"));
        assertTrue(lookup("#statusBadge").query().getStyleClass().contains("badge-success"));
        assertTrue(shown("#expiryAdvice"));
        assertTrue(text("#expiryAdvice").contains("Create a new user token every time Link is initialised"));
        assertEquals("Cleaned up: removed 'Bearer ' prefix", text("#cleanupNotes"));
        assertTrue(text("#signatureBadge").startsWith("Not verified"));
        assertFalse(shown("#errorMessage"));
    }

    @Test
    void typingJunkShowsASpecificMessageAndKeepsWhatWasTyped() throws Exception {
        clickOn("#input").write("hello.support");
        await(() -> shown("#errorMessage"));
        assertTrue(text("#errorMessage").contains("three parts separated by dots"), text("#errorMessage"));
        assertFalse(shown("#report"));
        assertEquals("hello.support", lookup("#input").queryAs(TextArea.class).getText());
    }

    @Test
    void aHugePasteIsRefusedWithoutReplacingTheInput() throws Exception {
        clickOn("#input").write("abc");
        putOnClipboard("x".repeat(TokenInspector.MAX_INPUT_CHARS + 1));
        clickOn("#pasteButton");
        await(() -> text("#errorMessage").contains("at most 1024 KiB"));
        assertEquals("abc", lookup("#input").queryAs(TextArea.class).getText());
    }

    @Test
    void switchingToProductionMakesItUnmistakable() throws Exception {
        assertEquals("Token Console — Local sandbox", stage.getTitle());
        assertFalse(shown("#productionLabel"));
        clickOn("#productionButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Token Console — PRODUCTION", stage.getTitle());
        assertTrue(shown("#productionLabel"));
        assertEquals("PRODUCTION", text("#productionLabel"));
        assertTrue(lookup("#root").query().getStyleClass().contains("env-production"));
        assertTrue(text("#environmentStatus").startsWith("PRODUCTION"));
    }

    @Test
    void aProductionTokenOnTheLocalSandboxIsFlagged() throws Exception {
        putOnClipboard(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"));
        clickOn("#pasteButton");
        await(() -> !text("#environmentBadge").isEmpty());
        assertEquals("From Production (argyle-core-auth-prod)", text("#environmentBadge"));
        assertTrue(lookup("#environmentBadge").query().getStyleClass().contains("badge-warning"));
        clickOn("Findings (1)");
        javafx.scene.control.ListView<io.tokenconsole.inspect.Finding> findings = lookup("#findingsList").queryListView();
        assertEquals("ENVIRONMENT_MISMATCH", findings.getItems().get(0).code());
    }

    @Test
    void checkingASignatureWithAPastedJwksSaysValid() throws Exception {
        KeyPair keys = TestTokens.rsaKeys();
        putOnClipboard(TestTokens.signed("RS256", "k1", TestTokens.argylePayload(NOW, "token-console-local-sandbox"),
                keys.getPrivate()));
        clickOn("#pasteButton");
        await(() -> text("#signatureBadge").startsWith("Not verified"));
        clickOn("Signature");
        putOnClipboard(TestTokens.jwks("k1", (RSAPublicKey) keys.getPublic()));
        clickOn("#keyText");
        await(() -> lookup("#keyText").query().isFocused());
        // The key field takes its own paste: Ctrl+V there must not replace the token being inspected.
        press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        await(() -> lookup("#keyText").queryAs(TextArea.class).getText().contains("\"keys\""));
        assertTrue(lookup("#input").queryAs(TextArea.class).getText().startsWith("eyJ"), "the token stays");
        // No button to press: the pasted key is checked after the typing pause.
        await(() -> text("#signatureBadge").equals("Valid signature"));
        assertTrue(lookup("#signatureBadge").query().getStyleClass().contains("badge-success"));
    }

    @Test
    void theDarkThemeIsChosenFromTheViewMenuAndRemembered() throws Exception {
        clickOn("View");
        clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(theme.dark());
    }
}
