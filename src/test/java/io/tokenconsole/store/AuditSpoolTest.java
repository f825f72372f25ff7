package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on its own, against a real workspace (SQLite here; the team workspace's own tests and the
 * fault test run it against PostgreSQL): what a line holds, where and how the file is kept, and that a
 * flush writes each waiting row once — also when it is flushed again, or a row was written before the
 * connection broke.
 */
class AuditSpoolTest {

    private static final String JANE = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final String OMAR = "0180a2b3-1111-4c4c-8d8d-000000000002";
    private static final WorkspaceLocation TEAM = new WorkspaceLocation.Team(
            PostgresAddress.parse("postgresql://support@db.example.com:5432/tokenconsole"));

    @TempDir
    Path dataDir;

    private DataFolder folder;
    private final TestClock clock = TestClock.at("2026-11-25T10:00:00Z");

    @BeforeEach
    void folder() {
        folder = new DataFolder(dataDir, DataFolder.Source.DATA_DIR_OPTION);
    }

    private Workspace workspace() {
        return Workspace.open(folder, clock, new Operator("omar"));
    }

    private AuditSpool.Waiting created(AuditStamp stamp) {
        return new AuditSpool.Waiting.UserCreated(stamp, "omar", Environment.SANDBOX, JANE,
                new UserDetails(null, null, "ticket-4711"), TokenFacts.of("jti-1", Instant.parse("2026-11-25T11:00:00Z")));
    }

    @Test
    void waitingRowsAreWrittenOnceWithTheirOwnTimeAndIdAndTheFileGoes() throws Exception {
        AuditSpool spool = AuditSpool.in(folder, TEAM);
        AuditStamp first = new AuditStamp(UUID.randomUUID(), Instant.parse("2026-11-25T09:00:00Z"));
        AuditStamp second = new AuditStamp(UUID.randomUUID(), Instant.parse("2026-11-25T09:05:00Z"));
        AuditStamp failed = new AuditStamp(UUID.randomUUID(), Instant.parse("2026-11-25T09:06:00Z"));
        spool.add(created(first));
        spool.add(new AuditSpool.Waiting.TokenIssued(second, "omar", Environment.SANDBOX, JANE, TokenFacts.of("jti-2", null)));
        spool.add(new AuditSpool.Waiting.Row(new AuditEntry(-1, failed.at(), "omar", Environment.PRODUCTION,
                AuditAction.TOKEN_ISSUED, OMAR, null, new Outcome.Failed("Argyle does not know the user"), null, failed.uid()),
                false));
        assertEquals(3, spool.pending());
        clock.advance(Duration.ofHours(1));

        AuditSpool.FlushReport report;
        AuditSpool.FlushReport again;
        try (Workspace workspace = workspace()) {
            report = spool.flush(workspace);
            again = spool.flush(workspace);

            List<AuditEntry> log = workspace.audit().find(AuditQuery.EVERYTHING);
            assertEquals(3, log.size(), "one row per recording");
            AuditEntry createdRow = log.stream().filter(e -> e.uid().equals(first.uid())).findFirst().orElseThrow();
            assertEquals(Instant.parse("2026-11-25T09:00:00Z"), createdRow.at(), "the time of the action, not of the flush");
            assertEquals("jti-1", createdRow.token().jti());
            SavedUser jane = workspace.users().find(Environment.SANDBOX, JANE).orElseThrow();
            assertEquals(UserOrigin.CREATED_HERE, jane.origin());
            assertEquals("ticket-4711", jane.externalId());
            assertTrue(jane.lastTokenIssued().isPresent());
            AuditEntry failedRow = log.stream().filter(e -> e.uid().equals(failed.uid())).findFirst().orElseThrow();
            assertEquals("Argyle does not know the user", failedRow.error().orElseThrow());
        }
        assertEquals(new AuditSpool.FlushReport(3, 0, 0, List.of()), report);
        assertEquals(AuditSpool.FlushReport.NOTHING, again);
        assertFalse(Files.exists(spool.file()), "nothing waits, so no file is left");
    }

    @Test
    void aRowWrittenBeforeTheConnectionBrokeIsNotWrittenAgain() {
        AuditStamp stamp = AuditStamp.now(clock);
        AuditSpool spool = AuditSpool.in(folder, TEAM);
        try (Workspace workspace = workspace()) {
            // The server committed, the answer never came back: the recorder spooled it all the same.
            workspace.users().recordUserCreated(Environment.SANDBOX, JANE, UserDetails.NONE, null, stamp);
            spool.add(created(stamp));

            AuditSpool.FlushReport report = spool.flush(workspace);

            assertEquals(new AuditSpool.FlushReport(0, 1, 0, List.of()), report);
            assertEquals(1, workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.USER_CREATED)).size());
        }
    }

    @Test
    void theFileIsOwnerOnlyAndHoldsWhatAnAuditRowHoldsNoMore() throws Exception {
        AuditSpool spool = AuditSpool.in(folder, TEAM);
        spool.add(created(AuditStamp.now(clock)));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.file().getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.file())));
        assertEquals(folder.path().resolve(AuditSpool.FOLDER), spool.file().getParent());
        String line = Files.readString(spool.file()).strip();
        assertEquals(1, line.lines().count());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("format", "workspace", "uid", "at", "kind", "operator", "environment", "user_id", "label",
                "note", "external_id", "token_jti", "token_exp"), fields);
        assertEquals("postgresql://support@db.example.com:5432/tokenconsole", json.get("workspace").asText());
    }

    @Test
    void eachWorkspaceHasItsOwnSpoolAndALineOfAnotherIsKeptNotWrittenHere() throws Exception {
        AuditSpool team = AuditSpool.in(folder, TEAM);
        AuditSpool other = AuditSpool.in(folder, new WorkspaceLocation.Team(
                PostgresAddress.parse("postgresql://support@other.example.com/tokenconsole")));
        team.add(created(AuditStamp.now(clock)));
        assertEquals(0, other.pending(), "a different server: a different file");
        // A line moved into the wrong file by hand is not written into the wrong workspace.
        Files.createDirectories(other.file().getParent());
        Files.copy(team.file(), other.file());
        Files.writeString(other.file(), "{not json\n", StandardOpenOption.APPEND);

        try (Workspace workspace = workspace()) {
            AuditSpool.FlushReport report = other.flush(workspace);

            assertEquals(0, report.written());
            assertEquals(2, report.waiting());
            assertEquals(2, report.problems().size(), report.problems().toString());
            assertTrue(report.problems().get(0).contains("belongs to the workspace postgresql://support@db.example.com"),
                    report.problems().toString());
            assertTrue(workspace.audit().find(AuditQuery.EVERYTHING).isEmpty());
        }
        assertEquals(2, other.pending(), "kept, nothing lost");
    }

    @Test
    void aLineCutShortByACrashDoesNotSpoilTheNextOne() throws Exception {
        AuditSpool spool = AuditSpool.in(folder, TEAM);
        spool.add(created(AuditStamp.now(clock)));
        // The process died in the middle of the next append.
        Files.writeString(spool.file(), "{\"format\":1,\"workspace\":\"postgr", StandardOpenOption.APPEND);
        AuditStamp later = new AuditStamp(UUID.randomUUID(), Instant.parse("2026-11-25T10:30:00Z"));
        spool.add(new AuditSpool.Waiting.TokenIssued(later, "omar", Environment.SANDBOX, JANE, null));

        try (Workspace workspace = workspace()) {
            AuditSpool.FlushReport report = spool.flush(workspace);

            assertEquals(2, report.written(), report.problems().toString());
            assertEquals(1, report.waiting(), "the broken half line stays, and is named");
            assertTrue(workspace.audit().contains(later.uid()));
        }
    }
}
