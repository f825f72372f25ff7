package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.io.StringWriter;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Part of the workspace contract suite: runs on SQLite and on PostgreSQL. */
class AuditLogTest extends WorkspaceContract {

    static final String JANE = UserDirectoryTest.JANE;
    static final String OMAR = UserDirectoryTest.OMAR;

    private final TestClock clock = TestClock.at("2026-11-25T09:00:00Z");
    private Workspace workspace;
    private AuditLog audit;

    @BeforeEach
    void open() {
        workspace = workspaces.open("workspace.db", clock, new Operator("jane.support"));
        audit = workspace.audit();
    }

    @Test
    void anEntryRecordsWhenWhoWhereWhatAndTheTokenFacts() {
        Instant exp = Instant.parse("2026-11-25T10:00:00Z");
        audit.record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_ISSUED, JANE.toUpperCase())
                .withToken(TokenFacts.of("a1b2c3", exp)));

        AuditEntry entry = audit.find(AuditQuery.EVERYTHING).get(0);
        assertEquals(Instant.parse("2026-11-25T09:00:00Z"), entry.at());
        assertEquals("jane.support", entry.operator());
        assertEquals(Environment.SANDBOX, entry.environment());
        assertEquals(AuditAction.TOKEN_ISSUED, entry.action());
        assertEquals(JANE, entry.userId());
        assertEquals(TokenFacts.of("a1b2c3", exp), entry.token());
        assertEquals(Outcome.OK, entry.outcome());
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrRemoveAnEntry() {
        audit.record(AuditEvent.ok(Environment.SANDBOX, AuditAction.USER_CREATED, JANE));

        WorkspaceException update = assertThrows(WorkspaceException.class, () -> workspace.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("UPDATE audit_log SET operator = 'someone else'");
            }
        }));
        WorkspaceException delete = assertThrows(WorkspaceException.class, () -> workspace.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM audit_log");
            }
        }));

        // SQLite: the trigger. PostgreSQL: the app role has no UPDATE or DELETE grant on the table (and the
        // owner meets the trigger: PostgresWorkspaceTest).
        String refusal = backend == TestBackend.SQLITE ? "append-only" : "permission denied for table audit_log";
        assertTrue(update.getMessage().contains(refusal), update.getMessage());
        assertTrue(delete.getMessage().contains(refusal), delete.getMessage());
        assertEquals("jane.support", audit.find(AuditQuery.EVERYTHING).get(0).operator());
    }

    @Test
    void aWholeTokenCannotBeHandedToTheLogAsAJti() {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        assertThrows(IllegalArgumentException.class, () -> TokenFacts.of(token, null));
    }

    @Test
    void aTokenQuotedInAnErrorMessageIsRemovedBeforeItIsStored() {
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        audit.record(AuditEvent.failed(Environment.PRODUCTION, AuditAction.TOKEN_INSPECTED, null,
                "could not decode " + token + " (bad signature)"));

        String error = audit.find(AuditQuery.EVERYTHING).get(0).error().orElseThrow();
        assertEquals("could not decode [token removed] (bad signature)", error);
    }

    @Test
    void entriesCanBeFilteredByTimeEnvironmentUserAndAction() {
        Instant start = clock.instant();
        audit.record(AuditEvent.ok(Environment.SANDBOX, AuditAction.USER_CREATED, JANE));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_ISSUED, JANE));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.failed(Environment.PRODUCTION, AuditAction.TOKEN_ISSUED, OMAR, "401 Unauthorized"));
        clock.advance(Duration.ofHours(1));
        audit.record(AuditEvent.ok(null, AuditAction.SETTINGS_CHANGED, null).withDetail("theme: dark"));

        assertEquals(4, audit.find(AuditQuery.EVERYTHING).size());
        assertEquals(List.of(AuditAction.TOKEN_ISSUED, AuditAction.USER_CREATED),
                actions(AuditQuery.EVERYTHING.in(Environment.SANDBOX)));
        assertEquals(List.of(AuditAction.TOKEN_ISSUED, AuditAction.USER_CREATED),
                actions(AuditQuery.EVERYTHING.user(JANE.toUpperCase())));
        assertEquals(List.of(AuditAction.TOKEN_ISSUED, AuditAction.TOKEN_ISSUED),
                actions(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED)));
        assertEquals(List.of(AuditAction.TOKEN_ISSUED, AuditAction.TOKEN_ISSUED),
                actions(AuditQuery.EVERYTHING.since(start.plus(Duration.ofHours(1))).until(start.plus(Duration.ofHours(3)))),
                "since is inclusive, until exclusive");
        assertEquals(List.of(AuditAction.TOKEN_ISSUED),
                actions(AuditQuery.EVERYTHING.in(Environment.PRODUCTION).action(AuditAction.TOKEN_ISSUED).user(OMAR)));
        assertEquals(1, audit.find(AuditQuery.EVERYTHING.limit(1)).size());
        assertEquals("401 Unauthorized",
                audit.find(AuditQuery.EVERYTHING.in(Environment.PRODUCTION)).get(0).error().orElseThrow());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        Instant now = clock.instant();
        assertThrows(IllegalArgumentException.class, () -> AuditQuery.EVERYTHING.since(now).until(now.minusSeconds(1)));
    }

    @Test
    void csvExportQuotesWhatNeedsQuotingAndDefusesFormulas() {
        audit.record(AuditEvent.failed(Environment.SANDBOX, AuditAction.TOKEN_ISSUED, JANE,
                "=HYPERLINK(\"http://evil\",\"click\")"));
        clock.advance(Duration.ofSeconds(1));
        audit.record(AuditEvent.ok(null, AuditAction.SETTINGS_CHANGED, null).withDetail("note, with \"quotes\"\nand a newline"));
        clock.advance(Duration.ofSeconds(1));
        audit.record(AuditEvent.failed(Environment.SANDBOX, AuditAction.USER_CREATED, null, "@SUM(1+1)"));
        audit.record(AuditEvent.failed(Environment.SANDBOX, AuditAction.USER_CREATED, null, "+1 and -1"));

        StringWriter out = new StringWriter();
        int rows = audit.exportCsv(AuditQuery.EVERYTHING, out);

        assertEquals(4, rows);
        String[] lines = out.toString().split("\r\n", -1);
        assertEquals("at,operator,environment,action,user_id,token_jti,token_exp,outcome,error,detail", lines[0]);
        assertEquals("2026-11-25T09:00:00Z,jane.support,sandbox,token-issued," + JANE
                + ",,,failed,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",", lines[1], "oldest first");
        assertEquals("2026-11-25T09:00:01Z,jane.support,,settings-changed,,,,ok,,\"note, with \"\"quotes\"\"\nand a newline\"",
                lines[2], "a quoted cell keeps its newline inside the quotes");
        assertTrue(out.toString().contains(",failed,'@SUM(1+1),"), out.toString());
        assertTrue(out.toString().contains(",failed,'+1 and -1,"), out.toString());
        assertFalse(out.toString().contains(",=") || out.toString().contains(",@") || out.toString().contains(",+"));
    }

    private List<AuditAction> actions(AuditQuery query) {
        return audit.find(query).stream().map(AuditEntry::action).toList();
    }
}
