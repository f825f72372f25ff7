package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.inspect.TokenComparison;
import io.tokenconsole.ui.inspector.ClaimRow;
import io.tokenconsole.ui.inspector.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 10, item by item, on the real window at the two sizes a support engineer works at:
 * 1180×780 and 1024×640 (the width picks the size; the height follows).
 */
class InspectorPaneUiTest extends ApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private ExecutorService executor;
    private Stage stage;
    @Override
    public void start(Stage stage) {
        this.stage = stage;
        executor = Executors.newFixedThreadPool(2);
        TestWindows.withoutWorkspace(stage, executor, NOW, new MemoryThemePreference());
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private void size(int width) {
        interact(() -> TestWindows.placeAt(stage, width));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pasteWithKeyboard(String text) {
        interact(() -> TestWindows.putOnClipboard(text));
        press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
    }

    private void pasteToken(String token) throws Exception {
        pasteWithKeyboard(token);
        await(() -> lookup("#report").query().isVisible() && !text("#statusBadge").isEmpty());
    }

    private void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return lookup(query).queryAs(Labeled.class).getText();
    }

    private boolean styled(String query, String styleClass) {
        return lookup(query).query().getStyleClass().contains(styleClass);
    }

    private boolean shown(String query) {
        Node node = lookup(query).query();
        return node.isVisible() && node.isManaged();
    }

    /** Whole inside the inspector's scrolling area as it is now scrolled, and inside the window. */
    private boolean inView(Node node) {
        Node viewport = lookup("#body").queryAs(ScrollPane.class).lookup(".viewport");
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        Bounds at = node.localToScene(node.getLayoutBounds());
        return at.getMinY() >= view.getMinY() - 0.5 && at.getMaxY() <= view.getMaxY() + 0.5
                && at.getMinX() >= view.getMinX() - 0.5 && at.getMaxX() <= view.getMaxX() + 0.5
                && at.getMaxY() <= stage.getScene().getHeight() && at.getMaxX() <= stage.getScene().getWidth();
    }

    /** Neither cut with "…" nor wrapped onto a second line. */
    private static boolean inFullOnOneLine(Label label) {
        return label.getWidth() + 0.5 >= label.prefWidth(-1) && label.getHeight() < label.getFont().getSize() * 2;
    }

    // 1. Errors hide behind a tab

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void anUnsignedTokenCarriesItsErrorsInTheSummary(int width) throws Exception {
        size(width);
        pasteToken(TestTokens.unsignedMismatchedToken(NOW));
        assertEquals("Unsigned (alg: none)", text("#signatureBadge"));
        assertTrue(styled("#signatureBadge", "badge-danger"), "unsigned looks like the error it is");
        assertTrue(text("#findingsBadge").startsWith("2 errors · "), text("#findingsBadge"));
        assertTrue(styled("#findingsBadge", "badge-danger"));
        assertTrue(inView(lookup("#findingsBadge").query()), "the worst news is on screen without scrolling");
        assertTrue(lookup("#tabs").queryAs(TabPane.class).getTabs().get(2).getStyleClass().contains("tab-danger"),
                "the Findings tab is coloured by its worst finding");
        assertTrue(styled("#fact-sub", "fact-danger"), "sub ≠ user_id is marked where sub is shown");
        clickOn("#findingsBadge");
        assertEquals("Findings (5)", lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText());
    }

    // 2. The key facts need scrolling

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void theKeyClaimsAreReadableInFullAndNoCellIsCut(int width) throws Exception {
        size(width);
        pasteToken(TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev"));
        for (String claim : List.of("user_id", "sub", "exp", "iss", "client_id")) {
            Label value = lookup("#fact-" + claim).queryAs(Label.class);
            assertTrue(inFullOnOneLine(value), claim + " is cut or wrapped: " + value.getText());
            if (width == 1180) {
                assertTrue(inView(value), claim + " needs scrolling at 1180×780");
            }
        }
        assertEquals(TestTokens.USER_ID, text("#fact-user_id"));
        GridPane times = lookup("#timesGrid").queryAs(GridPane.class);
        assertEquals(3 * 4, times.getChildren().size(), "a heading and two moments, no empty row");
        for (Node cell : times.getChildren()) {
            assertTrue(inFullOnOneLine((Label) cell), ((Label) cell).getText());
        }
        assertEquals("Lifetime (iat to exp): 1 hour, as documented.", text("#lifetime"));
        TableView<ClaimRow> claims = lookup("#claimsTable").queryTableView();
        assertEquals("Copy", claims.getColumns().get(4).getText(), "the Copy column has a header");
        javafx.scene.control.TableCell<?, ?> whenCell = lookup(".single-line-cell").match(n ->
                n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == claims.getColumns().get(3)
                && c.getItem() != null && !c.getItem().toString().isEmpty()).query();
        assertNotNull(whenCell.getTooltip(), "a cut When cell shows its whole text on hover");
        assertEquals(whenCell.getItem(), whenCell.getTooltip().getText());
    }

    // 3. 1024×640 breaks the pane

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void everyPartOfThePaneCanBeScrolledToAndNothingSitsUnderTheStatusBar(int width) throws Exception {
        size(width);
        pasteToken(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        ScrollPane body = lookup("#body").queryAs(ScrollPane.class);
        Node statusBar = lookup(".status-bar").query();
        double statusTop = statusBar.localToScene(statusBar.getLayoutBounds()).getMinY();
        assertTrue(body.localToScene(body.getLayoutBounds()).getMaxY() <= statusTop + 0.5, "the pane ends above the status bar");
        TableView<ClaimRow> claims = lookup("#claimsTable").queryTableView();
        interact(() -> body.setVvalue(1));
        assertTrue(inView(claims), "the claims table can be scrolled into view");
        assertTrue(claims.getHeight() >= 150, "the claims table shows rows, not only its header: " + claims.getHeight());

        clickOn("Signature");
        interact(() -> body.setVvalue(1));
        assertTrue(inView(lookup("#keyText").query()), "the key field can be reached");
        clickOn("Decoded");
        interact(() -> body.setVvalue(1));
        assertTrue(inView(lookup("#payloadJson").query()), "the payload is not clipped");
        assertTrue(lookup("#payloadJson").queryAs(TextArea.class).getHeight() >= 100);
    }

    // 4. Keyboard

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void tabAndShiftTabReachEveryControlNeverTypeATabAndAlwaysShowWhereTheFocusIs(int width) throws Exception {
        size(width);
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-dev");
        pasteToken(token);
        interact(() -> lookup("#input").query().requestFocus());
        TabPane tabs = lookup("#tabs").queryAs(TabPane.class);

        List<Node> stops = new ArrayList<>();
        Set<Integer> tabsSeen = new LinkedHashSet<>(List.of(0));
        List<String> noRing = new ArrayList<>();
        Node environmentSwitch = lookup("#localButton").query();
        // Whether focus shows does not depend on the size: pictures are compared once, at the small size.
        boolean lookAtRings = width == 1024;
        Node focused = focusOwner();
        Image focusedLook = lookAtRings ? snapshot(focused) : null;
        for (int presses = 0; presses < 90; presses++) {
            type(KeyCode.TAB);
            Node next = focusOwner();
            if (focusedLook != null && sameLook(focusedLook, snapshot(focused))) {
                noRing.add(describe(focused));
            }
            stops.add(focused);
            focused = next;
            if (focused == environmentSwitch && tabsSeen.size() < tabs.getTabs().size()) {
                // Past the open tab's controls: Shift+Tab walks them back to the tab strip, the arrow key opens the next tab.
                for (int back = 0; back < 15 && focused != tabs; back++) {
                    press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
                    focused = focusOwner();
                }
                assertEquals(tabs, focused, "Shift+Tab walks back to the tab strip");
                type(KeyCode.RIGHT);
                tabsSeen.add(tabs.getSelectionModel().getSelectedIndex());
            }
            if (focused == lookup("#input").query() && tabsSeen.size() == tabs.getTabs().size()) {
                break;
            }
            focusedLook = lookAtRings && !stops.contains(focused) ? snapshot(focused) : null;
        }
        assertEquals(token, lookup("#input").queryAs(TextArea.class).getText(), "Tab never types into the token field");
        assertEquals(tabs.getTabs().size(), tabsSeen.size(), "every tab was reached");
        for (String id : List.of("#pasteButton", "#openFileButton", "#clearButton", "#input", "#findingsBadge",
                "#claimsTable", "#copyHeaderButton", "#copyPayloadButton", "#headerJson", "#payloadJson", "#findingsList",
                "#keyKind", "#openKeyButton", "#forgetKeyButton", "#keyText", "#secondInput", "#comparisonTable",
                "#historyList", "#navigation", "#localButton")) {
            assertTrue(stops.contains(lookup(id).query()), id + " is never reached by Tab; reached: " + describeAll(stops));
        }
        assertTrue(stops.stream().filter(n -> n instanceof Button b && "Copy".equals(b.getText())).count() >= 5,
                "each key claim's Copy button is reached");
        assertEquals(List.of(), noRing, "these focus stops show no change when focused");

        // Shift+Tab walks back from the token field to the environment switch and the sidebar.
        interact(() -> lookup("#input").query().requestFocus());
        Set<Node> backwards = new LinkedHashSet<>();
        for (int presses = 0; presses < 12; presses++) {
            press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
            backwards.add(focusOwner());
        }
        assertTrue(backwards.contains(lookup("#clearButton").query()), describeAll(backwards));
        assertTrue(backwards.contains(lookup("#navigation").query()), describeAll(backwards));
        assertTrue(backwards.contains(environmentSwitch), "the environment switch (its selected button; arrows move "
                + "within it): " + describeAll(backwards));
        assertEquals(token, lookup("#input").queryAs(TextArea.class).getText());
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private Image snapshot(Node node) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)));
    }

    /** True when the two pictures of a control are the same: focusing it changed nothing one could see. */
    private static boolean sameLook(Image a, Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        if (w != (int) b.getWidth() || h != (int) b.getHeight()) {
            return false;
        }
        int[] pa = new int[w * h];
        int[] pb = new int[w * h];
        a.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pa, 0, w);
        b.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pb, 0, w);
        return java.util.Arrays.equals(pa, pb);
    }

    private static String describe(Node node) {
        return node == null ? "nothing" : node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                + (node instanceof Labeled l ? "(" + l.getText() + ")" : "");
    }

    private static String describeAll(java.util.Collection<Node> nodes) {
        return nodes.stream().map(InspectorPaneUiTest::describe).toList().toString();
    }

    // 6. Small things

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void proseIsNotCleanedUpNoFindingsIsSaidAndCopySaysWhatItCopied(int width) throws Exception {
        size(width);
        clickOn("#input").write("hello world");
        await(() -> shown("#errorMessage"));
        assertFalse(shown("#cleanupNotes"), "no clean-up claimed for prose: " + text("#cleanupNotes"));

        clickOn("#sandboxButton");
        pasteToken(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertEquals("No findings", text("#findingsBadge"));
        assertTrue(styled("#findingsBadge", "badge-success"));
        clickOn("#findingsBadge");
        assertTrue(shown("#noFindings"), "the Findings tab says there are none");

        Node copy = lookup("#keyFacts").queryAs(GridPane.class).getChildren().stream()
                .filter(n -> n instanceof Button && GridPane.getRowIndex(n) == 0).findFirst().orElseThrow();
        clickOn(copy);
        assertEquals("Copied user_id to the clipboard.", text("#notice"));
        assertTrue(shown("#notice"));
        assertEquals(TestTokens.USER_ID, WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())));
    }

    // 7. Compared with jwt.io

    @ParameterizedTest(name = "at width {0}")
    @ValueSource(ints = {1180, 1024})
    void theFieldColoursTheSegmentsAsTypedAndASecretIsCheckedAsTyped(int width) throws Exception {
        size(width);
        byte[] secret = "team-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String token = TestTokens.hs256(TestTokens.argylePayload(NOW, "argyle-core-auth-dev"), secret);
        clickOn("#input").write(token.substring(0, 40));
        Pane overlay = lookup("#tokenOverlay").queryAs(Pane.class);
        await(() -> overlay.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("span-header")));
        interact(() -> lookup("#input").queryAs(TextArea.class).appendText(token.substring(40)));
        await(() -> overlay.getChildren().stream().anyMatch(n -> n.getStyleClass().contains("span-signature")));
        for (String part : List.of("span-header", "span-payload", "span-signature")) {
            Text coloured = (Text) overlay.getChildren().stream().filter(n -> n.getStyleClass().contains(part))
                    .findFirst().orElseThrow();
            assertEquals(token, coloured.getText(), "a copy of the field's text, clipped to its part");
        }
        await(() -> !text("#signatureBadge").isEmpty());
        assertEquals("Not verified", text("#signatureBadge"));

        clickOn("Signature");
        ComboBox<?> kind = lookup("#keyKind").queryComboBox();
        clickOn(kind);
        clickOn("Shared secret (UTF-8)");
        clickOn("#secretText").write("team-secret");
        await(() -> text("#signatureBadge").equals("Valid signature"));
        assertTrue(styled("#signatureBadge", "badge-success"));
        assertTrue(lookup(".button").match(n -> "Check signature".equals(((Labeled) n).getText())).tryQuery().isEmpty(),
                "no button to press: the key is checked as it is typed");
    }

    // Beyond the reference decoders

    @Test
    void aSecondTokenIsComparedClaimByClaimAndTheHistoryForgetsTokensOnClear() throws Exception {
        size(1024);
        String customers = TestTokens.argyleToken(NOW.minusSeconds(86_400), "argyle-core-auth-dev");
        pasteToken(customers);
        clickOn("Compare");
        clickOn("#secondInput");
        pasteWithKeyboard(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        TableView<TokenComparison.Row> rows = lookup("#comparisonTable").queryTableView();
        await(() -> !rows.getItems().isEmpty());
        assertEquals("3 differences, marked ≠.", text("#comparisonMessage"));
        assertEquals(customers, lookup("#input").queryAs(TextArea.class).getText(), "the first token stays");
        TokenComparison.Row iat = rows.getItems().stream().filter(r -> r.name().equals("iat")).findFirst().orElseThrow();
        assertEquals("second is 24 h later", iat.note());
        assertTrue(lookup(".diff-row").queryAll().size() >= 3, "differences come first and are marked in the table");
        assertTrue(rows.getItems().subList(0, 3).stream().allMatch(TokenComparison.Row::differs));

        clickOn("#clearButton");
        ListView<HistoryEntry> recent = lookup("#recentList").queryListView();
        await(() -> recent.isVisible() && !recent.getItems().isEmpty());
        assertTrue(recent.getItems().stream().noneMatch(HistoryEntry::inMemory));
        for (Node cell : lookup("#recentList .list-cell").queryAll()) {
            String shown = ((Labeled) cell).getText();
            assertFalse(shown != null && shown.contains(customers.substring(0, 30)), "the list never shows a token");
        }
        assertEquals("", lookup("#secondInput").queryAs(TextInputControl.class).getText());
    }
}
