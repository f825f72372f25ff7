package io.tokenconsole.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.RecordingNotifier;
import io.tokenconsole.ui.ScriptedDialogs;
import io.tokenconsole.ui.common.Debouncer;
import io.tokenconsole.ui.shell.Navigator;
import io.tokenconsole.ui.shell.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit pane's state against a real workspace file, without a screen. */
class AuditViewModelTest {

    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String OMAR = "0190aa00-0000-4000-8000-0000000000ab";

    @TempDir
    Path folder;

    private Workspace workspace;
    private final Session session = new Session();
    private final HeldPoll poll = new HeldPoll();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<String> navigated = new ArrayList<>();
    private AuditViewModel vm;

    /** The pause between polls, run when the test says so. */
    private static final class HeldPoll implements Debouncer {
        private Runnable pending;

        @Override
        public void request(Runnable action) {
            pending = action;
        }

        boolean waiting() {
            return pending != null;
        }

        void elapse() {
            Runnable action = pending;
            pending = null;
            action.run();
        }
    }

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), new Operator("alice"));
        vm = new AuditViewModel(session, () -> workspace, QueuedBackgroundWork.immediate(), poll, dialogs, notifier,
                navigated::add, Clock.systemUTC(), ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private void record(Environment environment, AuditAction action, String userId) {
        workspace.audit().record(AuditEvent.ok(environment, action, userId));
    }

    private List<String> shownActions() {
        return vm.rows().stream().map(row -> row.environment().id() + " " + row.action() + " " + row.userId()).toList();
    }

    @Test
    void theCurrentEnvironmentsRowsShowNewestFirstOnceThePaneShows() {
        record(Environment.LOCAL, AuditAction.USER_CREATED, JANE);
        record(Environment.SANDBOX, AuditAction.USER_CREATED, OMAR);
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE);
        assertTrue(vm.rows().isEmpty(), "nothing is read before the pane shows");

        vm.shownProperty().set(true);
        assertEquals(List.of("local token-issued " + JANE, "local user-created " + JANE), shownActions());
        assertEquals("2 rows in Local sandbox (last 7 days), newest first.", vm.summaryProperty().get());

        vm.allEnvironmentsProperty().set(true);
        assertEquals(3, vm.rows().size());
        session.environmentProperty().set(Environment.SANDBOX);
        assertEquals(3, vm.rows().size(), "all environments stay all");
        vm.allEnvironmentsProperty().set(false);
        assertEquals(List.of("sandbox user-created " + OMAR), shownActions());
    }

    @Test
    void filtersByActionAndByAWholeUserIdAndRefuseHalfAnId() {
        record(Environment.LOCAL, AuditAction.USER_CREATED, JANE);
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE);
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, OMAR);
        vm.shownProperty().set(true);

        vm.actionProperty().set("token-issued");
        assertEquals(List.of("local token-issued " + OMAR, "local token-issued " + JANE), shownActions());

        vm.userIdProperty().set(JANE.substring(0, 8));
        assertTrue(vm.filterProblemProperty().get().startsWith("'018051aa' is only part of a user id"),
                vm.filterProblemProperty().get());
        assertEquals(2, vm.rows().size(), "the table keeps the last filter's rows");

        vm.userIdProperty().set(" " + JANE.toUpperCase() + " ");
        assertEquals("", vm.filterProblemProperty().get());
        assertEquals(List.of("local token-issued " + JANE), shownActions());

        vm.clearFilters();
        assertEquals(3, vm.rows().size());
        assertEquals(AuditViewModel.ANY_ACTION, vm.actionProperty().get());
        assertEquals("", vm.userIdProperty().get());
    }

    @Test
    void theTimeFilterHidesOlderRowsAndDatesCanBeChosen() {
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        try (Workspace earlier = Workspace.open(folder.resolve("workspace.db"), Clock.fixed(tenDaysAgo, ZoneOffset.UTC),
                new Operator("bob"))) {
            earlier.audit().record(AuditEvent.ok(Environment.LOCAL, AuditAction.USER_SAVED, OMAR));
        }
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE);
        vm.shownProperty().set(true);
        assertEquals(List.of("local token-issued " + JANE), shownActions());

        vm.periodProperty().set("All time");
        assertEquals(2, vm.rows().size());

        vm.periodProperty().set("Between dates");
        assertTrue(vm.datesShownProperty().get());
        LocalDate day = LocalDate.ofInstant(tenDaysAgo, ZoneOffset.UTC);
        vm.fromProperty().set(day);
        vm.toProperty().set(day);
        assertEquals(List.of("local user-saved " + OMAR), shownActions());
        assertEquals("bob", vm.rows().get(0).operator());

        vm.fromProperty().set(day.plusDays(1));
        assertTrue(vm.filterProblemProperty().get().contains("swap the dates"), vm.filterProblemProperty().get());
    }

    @Test
    void selectingARowSelectsItsUserOnlyInItsOwnEnvironment() {
        record(Environment.SANDBOX, AuditAction.TOKEN_ISSUED, OMAR);
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE);
        vm.setUsersPaneAvailable(true);
        vm.shownProperty().set(true);
        vm.allEnvironmentsProperty().set(true);

        AuditRow local = vm.rows().get(0);
        vm.selectedRowProperty().set(local);
        assertEquals(JANE, session.selectedUser().orElseThrow().id());
        assertTrue(vm.userSelectedProperty().get());
        assertTrue(vm.selectionDetailProperty().get().contains("User: " + JANE), vm.selectionDetailProperty().get());
        vm.showInUsers();
        assertEquals(List.of(Navigator.USERS), navigated);

        AuditRow sandbox = vm.rows().get(1);
        vm.selectedRowProperty().set(sandbox);
        assertEquals(JANE, session.selectedUser().orElseThrow().id(), "another environment's user is not selected");
        assertFalse(vm.userSelectedProperty().get());
        assertEquals("This row is from Sandbox: switch to Sandbox at the top of the window to select its user.",
                vm.selectionNoteProperty().get());

        session.environmentProperty().set(Environment.SANDBOX);
        assertEquals(OMAR, session.selectedUser().orElseThrow().id(), "switching as told selects the user");
        assertEquals(Environment.SANDBOX, session.selectedUser().orElseThrow().environment());
    }

    @Test
    void aRowWithoutAUserSaysSo() {
        workspace.settings().setExpectedClientId(Environment.LOCAL, "our-team");
        vm.shownProperty().set(true);
        vm.selectedRowProperty().set(vm.rows().get(0));
        assertEquals("This row names no user.", vm.selectionNoteProperty().get());
        assertTrue(session.selectedUser().isEmpty());
    }

    @Test
    void rowsWrittenByAnotherProcessAppearOnThePollAndTheSelectionStays() {
        record(Environment.LOCAL, AuditAction.USER_CREATED, JANE);
        vm.shownProperty().set(true);
        AuditRow selected = vm.rows().get(0);
        vm.selectedRowProperty().set(selected);
        assertTrue(poll.waiting(), "the pane polls while it shows");

        try (Workspace otherProcess = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(),
                new Operator("cli"))) {
            otherProcess.audit().record(AuditEvent.ok(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE)
                    .withToken(TokenFacts.of("jti-42", Instant.parse("2030-01-01T00:00:00Z"))));
        }
        poll.elapse();
        assertEquals(2, vm.rows().size());
        assertEquals("jti-42", vm.rows().get(0).tokenJti());
        assertEquals("2030-01-01 00:00", vm.rows().get(0).tokenExp());
        assertSame(selected, vm.rows().get(1), "the row already shown is kept, not replaced");
        assertSame(selected, vm.selectedRowProperty().get());

        vm.shownProperty().set(false);
        record(Environment.LOCAL, AuditAction.USER_FORGOTTEN, JANE);
        poll.elapse();
        assertEquals(2, vm.rows().size(), "a hidden pane does not read");
        assertFalse(poll.waiting(), "and stops polling");
    }

    @Test
    void theWindowSayingTheWorkspaceChangedReadsAgain() {
        vm.shownProperty().set(true);
        assertTrue(vm.rows().isEmpty());
        assertEquals("Nothing recorded in Local sandbox (last 7 days) matches these filters. Widen the time range"
                + " or clear the filters.", vm.emptyTextProperty().get());
        record(Environment.LOCAL, AuditAction.TOKEN_INSPECTED, JANE);
        session.workspaceChanged();
        assertEquals(List.of("local token-inspected " + JANE), shownActions());
    }

    @Test
    void failedRowsCarryTheirErrorForTheTableAndTheDetail() {
        workspace.audit().record(AuditEvent.failed(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE,
                "Argyle knows no user " + JANE + " (404)"));
        vm.shownProperty().set(true);
        AuditRow row = vm.rows().get(0);
        assertTrue(row.failed());
        assertEquals("failed", row.outcome());
        vm.selectedRowProperty().set(row);
        assertTrue(vm.selectionDetailProperty().get().contains("Failed: Argyle knows no user " + JANE + " (404)"),
                vm.selectionDetailProperty().get());
    }

    @Test
    void exportWritesTheFilteredRowsAndSaysHowMany() throws Exception {
        record(Environment.LOCAL, AuditAction.USER_CREATED, JANE);
        record(Environment.LOCAL, AuditAction.TOKEN_ISSUED, JANE);
        record(Environment.SANDBOX, AuditAction.TOKEN_ISSUED, OMAR);
        vm.shownProperty().set(true);
        vm.actionProperty().set("token-issued");
        Path file = folder.resolve("audit.csv");
        Files.writeString(file, "an older export\n");
        dialogs.saveFile(file);

        vm.exportCsv();

        List<String> lines = Files.readAllLines(file);
        assertEquals("at,operator,environment,action,user_id,token_jti,token_exp,outcome,error,detail", lines.get(0));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains(",alice,local,token-issued," + JANE + ","), lines.get(1));
        assertEquals(List.of("Exported 1 audit row to audit.csv."), notifier.notifications());
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(each -> each.getFileName().toString().endsWith(".tmp")), "no temporary file stays");
        }
    }

    @Test
    void exportIsNotWrittenWhenTheDialogIsCancelledOrTheFilterIsHalfAnId() throws Exception {
        record(Environment.LOCAL, AuditAction.USER_CREATED, JANE);
        vm.shownProperty().set(true);
        vm.exportCsv();
        assertTrue(notifier.notifications().isEmpty(), "cancelled: nothing written, nothing said");

        Path file = folder.resolve("audit.csv");
        dialogs.saveFile(file);
        vm.userIdProperty().set("018051aa");
        vm.exportCsv();
        assertFalse(Files.exists(file));
        assertTrue(vm.filterProblemProperty().get().endsWith("Nothing was exported."), vm.filterProblemProperty().get());
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndWhatToDo() {
        vm.shownProperty().set(true);
        dialogs.saveFile(folder.resolve("no-such-folder").resolve("audit.csv"));
        vm.exportCsv();
        assertTrue(vm.failureProperty().get().startsWith("Could not export the audit log: Cannot write "),
                vm.failureProperty().get());
        assertTrue(vm.failureProperty().get().endsWith("choose another folder and try again."));
        assertTrue(notifier.notifications().isEmpty());
    }

    @Test
    void aWorkspaceThatIsNotThereIsSaidInWords() {
        AuditViewModel without = new AuditViewModel(session, () -> {
            throw new IllegalStateException("The workspace could not be opened at start.");
        }, QueuedBackgroundWork.immediate(), poll, dialogs, notifier, navigated::add, Clock.systemUTC(), ZoneOffset.UTC);
        without.shownProperty().set(true);
        assertEquals("Could not read the audit log: The workspace could not be opened at start.",
                without.failureProperty().get());
        assertNull(without.selectedRowProperty().get());
    }
}
