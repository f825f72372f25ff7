package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Part of the workspace contract suite: runs on SQLite and on PostgreSQL. */
class SharedUserListTest extends WorkspaceContract {

    static final String JANE = UserDirectoryTest.JANE;
    static final String OMAR = UserDirectoryTest.OMAR;
    static final String LENA = UserDirectoryTest.LENA;

    private final TestClock clock = TestClock.at("2026-11-25T10:00:00Z");

    private Workspace open(String name) {
        return workspaces.open(name, clock, new Operator("jane.support"));
    }

    private void fill(Workspace workspace) {
        UserDirectory users = workspace.users();
        users.save(Environment.SANDBOX, JANE, new UserDetails("=cmd|' /C calc'!A0", "line one\nline two, with \"quotes\"",
                "CRM-1"), UserOrigin.CREATED_HERE);
        clock.advance(Duration.ofMinutes(1));
        users.save(Environment.SANDBOX, OMAR, new UserDetails("'=already quoted", "- call back", null), UserOrigin.CREATED_HERE);
        users.recordTokenIssued(Environment.SANDBOX, OMAR, Instant.parse("2026-11-25T10:30:00Z"));
        clock.advance(Duration.ofMinutes(1));
        users.save(Environment.PRODUCTION, LENA, new UserDetails("Lena, Ünïcödé ✓", null, "@ref"), UserOrigin.FETCHED_FROM_API);
    }

    @Test
    void aCsvExportImportsIntoAnotherWorkspaceUnchanged() {
        roundTrip(SharedUserList.Format.CSV);
    }

    @Test
    void aJsonExportImportsIntoAnotherWorkspaceUnchanged() {
        roundTrip(SharedUserList.Format.JSON);
    }

    private void roundTrip(SharedUserList.Format format) {
        StringWriter file = new StringWriter();
        List<SavedUser> original = new ArrayList<>();
        try (Workspace mine = open("mine.db")) {
            fill(mine);
            assertEquals(3, new SharedUserList(mine).export(null, format, file));
            mine.users().forEach(null, original::add);
        }
        try (Workspace colleagues = open("colleague.db")) {
            ImportReport report = new SharedUserList(colleagues).importFrom(new StringReader(file.toString()), format, null, "team");

            assertEquals(new ImportReport(3, 0, List.of()), report);
            List<SavedUser> imported = new ArrayList<>();
            colleagues.users().forEach(null, imported::add);
            // The import is a change of the colleague's workspace: its own version and change record, same details.
            assertEquals(original.stream().map(user -> withOrigin(user, UserOrigin.IMPORTED)).toList(),
                    imported.stream().map(user -> user.withChange(0, null, null)).toList());
            assertTrue(imported.stream().allMatch(user -> user.version() == 1 && "jane.support".equals(user.changedBy())));
            assertEquals(AuditAction.USERS_IMPORTED, colleagues.audit().find(AuditQuery.EVERYTHING).get(0).action());
            assertEquals("3 added, 0 updated, 0 rejected from team", colleagues.audit().find(AuditQuery.EVERYTHING).get(0).detail());
        }
    }

    @Test
    void aCsvExportDefusesFormulasInTheSpreadsheet() {
        StringWriter file = new StringWriter();
        try (Workspace mine = open("mine.db")) {
            fill(mine);
            new SharedUserList(mine).export(Environment.SANDBOX, SharedUserList.Format.CSV, file);
        }
        String csv = file.toString();
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains(",''=already quoted,'- call back,"), csv);
        assertTrue(!csv.contains("production"), "only the sandbox was exported");
    }

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesKept() {
        String csv = String.join("\r\n",
                "environment,id,label,note,external_id,created_at",
                "sandbox," + JANE + ",Jane,,,2026-01-02T03:04:05Z",
                "staging," + OMAR + ",Omar,,,",
                "sandbox,not-a-uuid,Nobody,,,",
                "",
                "sandbox," + LENA + ",\"Lena, with a comma\",\"a note",
                "over two lines\",,yesterday",
                "," + LENA + ",Lena without environment,,,",
                "production," + OMAR + ",Omar in production,,,",
                "sandbox," + JANE + ",Jane again,,,,extra");
        try (Workspace workspace = open("workspace.db")) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv), SharedUserList.Format.CSV, null, "cases.csv");

            assertEquals(2, report.added());
            assertEquals(List.of(3, 4, 6, 8, 10), report.rejected().stream().map(ImportReport.Rejected::line).toList());
            assertTrue(report.rejected().get(0).reason().contains("unknown environment 'staging'"), report.toString());
            assertTrue(report.rejected().get(1).reason().contains("is not an Argyle user id"), report.toString());
            assertTrue(report.rejected().get(2).reason().contains("created_at 'yesterday'"), report.toString());
            assertTrue(report.rejected().get(3).reason().contains("no environment"), report.toString());
            assertTrue(report.rejected().get(4).reason().contains("has 7 cells"), report.toString());
            assertEquals(Instant.parse("2026-01-02T03:04:05Z"),
                    workspace.users().find(Environment.SANDBOX, JANE).orElseThrow().createdAt());
            assertEquals("Omar in production", workspace.users().find(Environment.PRODUCTION, OMAR).orElseThrow().label());
            assertTrue(workspace.users().find(Environment.SANDBOX, LENA).isEmpty());
        }
    }

    @Test
    void aDefaultEnvironmentFillsRowsThatNameNone() {
        String csv = "id,label\n" + JANE + ",Jane\n";
        try (Workspace workspace = open("workspace.db")) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv), SharedUserList.Format.CSV, Environment.LOCAL, null);
            assertEquals(1, report.added());
            assertEquals("Jane", workspace.users().find(Environment.LOCAL, JANE).orElseThrow().label());
        }
    }

    @Test
    void importingAUserAlreadySavedFillsInDetailsWithoutLosingTheNote() {
        try (Workspace workspace = open("workspace.db")) {
            workspace.users().save(Environment.SANDBOX, JANE, new UserDetails("Jane", "keep me", null), UserOrigin.CREATED_HERE);
            String csv = "environment,id,label,note,external_id\nsandbox," + JANE + ",,,CRM-9\n";

            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv), SharedUserList.Format.CSV, null, null);

            assertEquals(new ImportReport(0, 1, List.of()), report);
            SavedUser jane = workspace.users().find(Environment.SANDBOX, JANE).orElseThrow();
            assertEquals("keep me", jane.note());
            assertEquals("CRM-9", jane.externalId());
            assertEquals(UserOrigin.CREATED_HERE, jane.origin());
        }
    }

    @Test
    void anUnclosedQuoteStopsTheImportAtItsLineAndKeepsWhatCameBefore() {
        String csv = "environment,id,label\nsandbox," + JANE + ",ok\nsandbox," + OMAR + ",\"never closed\n";
        try (Workspace workspace = open("workspace.db")) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv), SharedUserList.Format.CSV, null, null);
            assertEquals(1, report.added());
            assertEquals(3, report.rejected().get(0).line());
            assertTrue(report.rejected().get(0).reason().contains("never closed"), report.toString());
        }
    }

    @Test
    void badJsonEntriesAreReportedByTheLineTheyStartOn() {
        String json = """
                [
                  {"environment": "sandbox", "id": "%s", "label": "Jane"},
                  {"environment": "sandbox", "id": 42},
                  "just text",
                  {"environment": "sandbox", "id": "%s", "label": ["not", "text"]},
                  {"environment": "local", "id": "%s"}
                ]
                """.formatted(JANE, OMAR, LENA);
        try (Workspace workspace = open("workspace.db")) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(json), SharedUserList.Format.JSON, null, null);

            assertEquals(2, report.added());
            assertEquals(List.of(3, 4, 5), report.rejected().stream().map(ImportReport.Rejected::line).toList());
            assertTrue(workspace.users().find(Environment.LOCAL, LENA).isPresent());
        }
    }

    @Test
    void brokenJsonIsReportedWithItsLine() {
        String json = "[\n {\"environment\": \"sandbox\", \"id\": \"" + JANE + "\"},\n {\"environment\": \n";
        try (Workspace workspace = open("workspace.db")) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(json), SharedUserList.Format.JSON, null, null);
            assertEquals(1, report.added());
            assertEquals(1, report.rejected().size());
            assertTrue(report.rejected().get(0).reason().startsWith("not valid JSON"), report.toString());
            assertTrue(report.rejected().get(0).line() >= 3, report.toString());
        }
    }

    @Test
    void theFormulaGuardIsUndoneExactlyOnceOnImport() {
        for (String cell : List.of("=1+1", "'=1+1", "''=1+1", "-", "'quoted'", "'", "plain", "@x", "+", "\tx")) {
            assertEquals(cell, Csv.unguard(Csv.guard(cell)), cell);
        }
        assertEquals("'=1+1", Csv.guard("=1+1"));
        assertEquals("'quoted'", Csv.guard("'quoted'"));
    }

    private static SavedUser withOrigin(SavedUser user, UserOrigin origin) {
        return new SavedUser(user.environment(), user.id(), user.label(), user.note(), user.externalId(),
                user.createdAt(), user.lastTokenIssuedAt(), origin);
    }
}
