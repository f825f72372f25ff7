package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports with rows that cannot be kept, imports that run long, and readers meanwhile. */
class HostileImportTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-11-25T10:00:00Z");

    private Workspace open() {
        return Workspace.open(folder.resolve("workspace.db"), clock, new Operator("jane.support"));
    }

    @Test
    void aDateOutOfRangeRejectsItsRowAndKeepsTheOthersWithAnAuditRow() {
        String csv = "id,created_at,last_token_issued_at\n"
                + UUID.randomUUID() + ",2026-01-01T00:00:00Z,\n"
                + UUID.randomUUID() + ",+999999999-12-31T23:59:59Z,\n"
                + UUID.randomUUID() + ",2026-01-01T00:00:00Z,-999999999-01-01T00:00:00Z\n"
                + UUID.randomUUID() + ",2026-01-02T00:00:00Z,\n";
        try (Workspace workspace = open()) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv), SharedUserList.Format.CSV, Environment.SANDBOX, "dates.csv");

            assertEquals(2, report.added());
            assertEquals(List.of(3, 4), report.rejected().stream().map(ImportReport.Rejected::line).toList());
            assertTrue(report.rejected().get(0).reason().contains("created_at +999999999-12-31T23:59:59Z is out of range"),
                    report.rejected().toString());
            AuditEntry audit = workspace.audit().find(AuditQuery.EVERYTHING).get(0);
            assertEquals(AuditAction.USERS_IMPORTED, audit.action());
            assertEquals("2 added, 0 updated, 2 rejected from dates.csv", audit.detail());
        }
    }

    @Test
    void aNulInsideAJsonNoteIsRefusedForWhatItIs() {
        String json = "[{\"environment\": \"sandbox\", \"id\": \"" + UUID.randomUUID() + "\", \"note\": \"a\\u0000b\"},"
                + " {\"environment\": \"sandbox\", \"id\": \"" + UUID.randomUUID() + "\", \"label\": [\"list\"]}]";
        try (Workspace workspace = open()) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(json), SharedUserList.Format.JSON, null, "nul.json");

            assertEquals("line 1: note holds a NUL character (\\u0000), which cannot be saved", report.rejected().get(0).toString());
            assertEquals("line 1: label must be text, not a list or object", report.rejected().get(1).toString());
        }
    }

    @Test
    void aLargeImportCommitsInBatchesEachAuditedWithItsLines() {
        StringBuilder csv = new StringBuilder("environment,id\n");
        for (int i = 0; i < SharedUserList.BATCH * 2 + 7; i++) {
            csv.append("sandbox,").append(UUID.randomUUID()).append('\n');
        }
        try (Workspace workspace = open()) {
            ImportReport report = new SharedUserList(workspace)
                    .importFrom(new StringReader(csv.toString()), SharedUserList.Format.CSV, null, "big.csv");

            assertEquals(SharedUserList.BATCH * 2 + 7, report.added());
            List<String> details = workspace.audit().find(AuditQuery.EVERYTHING).stream().map(AuditEntry::detail).toList();
            assertEquals(List.of(
                    "part 3 of 3, lines 1002–1008: 7 added, 0 updated, 0 rejected from big.csv",
                    "part 2 of 3, lines 502–1001: 500 added, 0 updated from big.csv",
                    "part 1 of 3, lines 2–501: 500 added, 0 updated from big.csv"), details);
        }
    }

    @Test
    void readersOpenAndReadWhileAnotherProcessHoldsTheWriteLock() throws Exception {
        Path database = folder.resolve("workspace.db");
        try (Workspace first = open()) {
            first.users().save(Environment.SANDBOX, UUID.randomUUID().toString(), UserDetails.label("saved"), UserOrigin.IMPORTED);
        }
        // Another process in the middle of a long import: its write transaction is open.
        try (Connection importer = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = importer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("INSERT INTO settings (scope, name, value) VALUES ('test', 'importing', 'yes')");

            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
                try (Workspace reader = open()) {
                    assertEquals(1, reader.users().count(Environment.SANDBOX));
                    assertEquals(1, reader.audit().find(AuditQuery.EVERYTHING).size());
                }
            });
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void aHugeNoteIsRefusedForItsLengthBeforeAnyScan() {
        String note = "aaaaaaaaaaaa.".repeat(10_000); // 130 kB of almost-token: the old scrubber took a minute
        IllegalArgumentException refused = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> org.junit.jupiter.api.Assertions
                .assertThrows(IllegalArgumentException.class, () -> new UserDetails(null, note, null)));

        assertTrue(refused.getMessage().startsWith("The note is 130000 characters long"), refused.getMessage());
        String scrubbed = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new UserDetails(null, "x " + "aaaaaaaaaaaa.".repeat(300) + " y", null)).note();
        assertTrue(scrubbed.startsWith("x [token removed]") && scrubbed.endsWith(" y") && scrubbed.length() < 3_000, scrubbed);
    }
}
