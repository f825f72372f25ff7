package io.tokenconsole.store;

import static io.tokenconsole.store.UserDirectoryTest.JANE;
import static io.tokenconsole.store.UserDirectoryTest.OMAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Part of the workspace contract suite: what two engineers (two consoles, two processes) sharing one workspace
 * need — no silently lost edit, each other's audit rows within a second, a replayed or copied row kept once.
 */
class WorkspaceSharingTest extends WorkspaceContract {

    private final TestClock clock = TestClock.at("2026-11-25T10:00:00Z");
    private Workspace jane;
    private Workspace bob;

    @BeforeEach
    void open() {
        jane = workspaces.open("team.db", clock, new Operator("jane"));
        bob = workspaces.open("team.db", clock, new Operator("bob"));
    }

    @Test
    void anEditStartedBeforeSomeoneElsesChangeIsRefusedWithWhoAndWhen() {
        SavedUser saved = jane.users().save(Environment.SANDBOX, JANE, UserDetails.label("Jane"), UserOrigin.CREATED_HERE).user();
        assertEquals(1, saved.version());
        assertEquals("jane", saved.changedBy());

        clock.advance(Duration.ofMinutes(5));
        SaveResult bobs = bob.users().edit(Environment.SANDBOX, JANE, new UserDetails("Jane D.", "called back", null), 1);
        assertEquals(2, bobs.user().version());

        UserChangedException refused = assertThrows(UserChangedException.class,
                () -> jane.users().edit(Environment.SANDBOX, JANE, UserDetails.label("Jane Doe"), saved.version()));

        assertEquals("Changed by bob at 2026-11-25 10:05:00 UTC while you were editing. Reload to see their change,"
                + " then edit again.", refused.getMessage());
        assertEquals("Jane D.", refused.current().orElseThrow().label());
        assertEquals(Instant.parse("2026-11-25T10:05:00Z"), refused.changedAt().orElseThrow());
        SavedUser now = jane.users().find(Environment.SANDBOX, JANE).orElseThrow();
        assertEquals("Jane D.", now.label(), "nothing was written");
        assertEquals("called back", now.note());
        assertEquals(2, now.version());

        SaveResult again = jane.users().edit(Environment.SANDBOX, JANE, UserDetails.label("Jane Doe"), now.version());
        assertEquals("Jane Doe", again.user().label());
        assertEquals("called back", again.user().note(), "the reloaded edit keeps bob's note");
        assertEquals(3, jane.users().find(Environment.SANDBOX, JANE).orElseThrow().version());
        assertEquals(List.of("edited", "edited", "added"), jane.audit().find(AuditQuery.EVERYTHING.user(JANE)).stream()
                .map(AuditEntry::detail).toList());
    }

    @Test
    void anEditOfAUserSomeoneForgotSaysWhoForgotIt() {
        jane.users().save(Environment.SANDBOX, JANE, UserDetails.label("Jane"), UserOrigin.CREATED_HERE);
        clock.advance(Duration.ofMinutes(2));
        bob.users().forget(Environment.SANDBOX, JANE);

        UserChangedException refused = assertThrows(UserChangedException.class,
                () -> jane.users().edit(Environment.SANDBOX, JANE, UserDetails.label("Jane Doe"), 1));

        assertEquals("Forgotten by bob at 2026-11-25 10:02:00 UTC while you were editing. Save the user again if it"
                + " should stay.", refused.getMessage());
        assertTrue(refused.current().isEmpty());
        assertTrue(jane.users().find(Environment.SANDBOX, JANE).isEmpty());
    }

    @Test
    void aTokenIssuedMeanwhileIsNoConflictForAnEdit() {
        SavedUser saved = jane.users().save(Environment.SANDBOX, JANE, UserDetails.label("Jane"), UserOrigin.CREATED_HERE).user();
        clock.advance(Duration.ofMinutes(1));
        bob.users().recordTokenIssued(Environment.SANDBOX, JANE, TokenFacts.of("jti-1", null));

        SavedUser edited = jane.users().edit(Environment.SANDBOX, JANE, new UserDetails(null, "asked about W-2", null), saved.version()).user();

        assertEquals("asked about W-2", edited.note());
        assertEquals(Instant.parse("2026-11-25T10:01:00Z"), edited.lastTokenIssuedAt(), "bob's token time is kept");
    }

    @Test
    void anotherConsolesAuditRowsAndUserChangesArriveWithinASecond() throws Exception {
        BlockingQueue<String> heard = new ArrayBlockingQueue<>(100);
        try (AutoCloseable watching = jane.watch(new WorkspaceWatcher() {
            @Override
            public void auditAppended() {
                heard.add("audit");
            }

            @Override
            public void usersChanged() {
                heard.add("users");
            }
        })) {
            Thread.sleep(300); // the watch has started listening
            heard.clear();

            long start = System.nanoTime();
            bob.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null));
            assertEquals("audit", heard.poll(1, TimeUnit.SECONDS), "bob's audit row within a second");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1_000, millis + " ms");

            heard.clear();
            bob.users().save(Environment.SANDBOX, OMAR, UserDetails.label("Omar"), UserOrigin.CREATED_HERE);
            Set<String> both = new java.util.HashSet<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (both.size() < 2 && System.nanoTime() < deadline) {
                String next = heard.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null) {
                    both.add(next);
                }
            }
            assertEquals(Set.of("audit", "users"), both, "a saved user changes the list and writes an audit row");
            assertEquals(List.of(OMAR), jane.users().search(Environment.SANDBOX, "", 10, 0).users().stream()
                    .map(SavedUser::id).toList());
        }
        heard.clear();
        bob.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null));
        assertEquals(null, heard.poll(700, TimeUnit.MILLISECONDS), "a closed watch delivers nothing more");
    }

    @Test
    void theSameStampWrittenTwiceKeepsOneRowAndTheUserAsTheFirstWriteLeftIt() {
        AuditStamp created = AuditStamp.now(clock);
        TokenFacts first = TokenFacts.of("jti-first", Instant.parse("2026-11-25T11:00:00Z"));
        SaveResult once = jane.users().recordUserCreated(Environment.SANDBOX, JANE, UserDetails.label("Jane"), first, created);
        clock.advance(Duration.ofMinutes(10));
        bob.users().edit(Environment.SANDBOX, JANE, UserDetails.label("Jane (bob)"), once.user().version());

        SaveResult replayed = jane.users().recordUserCreated(Environment.SANDBOX, JANE, UserDetails.label("Jane"), first, created);

        assertFalse(replayed.added());
        assertEquals("Jane (bob)", replayed.user().label(), "the replay does not undo a later change");
        AuditStamp issued = AuditStamp.now(clock);
        jane.users().recordTokenIssued(Environment.SANDBOX, JANE, TokenFacts.of("jti-second", null), issued);
        clock.advance(Duration.ofMinutes(10));
        jane.users().recordTokenIssued(Environment.SANDBOX, JANE, TokenFacts.of("jti-second", null), issued);

        List<AuditEntry> rows = jane.audit().find(AuditQuery.EVERYTHING.user(JANE));
        assertEquals(List.of(AuditAction.TOKEN_ISSUED, AuditAction.USER_SAVED, AuditAction.USER_CREATED),
                rows.stream().map(AuditEntry::action).toList());
        assertEquals(created, rows.get(2).stamp());
        assertEquals(issued, rows.get(0).stamp());
        assertEquals(Instant.parse("2026-11-25T10:10:00Z"),
                jane.users().find(Environment.SANDBOX, JANE).orElseThrow().lastTokenIssuedAt(), "the first write's time");
        AuditEvent event = AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null).stamped(AuditStamp.now(clock));
        AuditEntry written = jane.audit().record(event);
        assertEquals(written, bob.audit().record(event), "the row that is there comes back");
        assertEquals(4, jane.audit().find(AuditQuery.EVERYTHING).size());
    }

    @Test
    void aRestoredRowKeepsItsIdTimeAndOperatorAndIsWrittenOnce() {
        try (Workspace laptop = Workspace.open(folder.resolve("laptop.db"), TestClock.at("2026-01-02T03:04:05.678Z"),
                new Operator("omar"))) {
            AuditEntry original = laptop.audit().record(AuditEvent.failed(Environment.PRODUCTION, AuditAction.TOKEN_ISSUED,
                    JANE, "401 Unauthorized").withToken(TokenFacts.of("jti-x", Instant.parse("2026-01-02T04:00:00Z"))));

            assertTrue(jane.audit().restore(original));
            assertFalse(jane.audit().restore(original));

            AuditEntry restored = jane.audit().find(AuditQuery.EVERYTHING).get(0);
            assertEquals(original.uid(), restored.uid());
            assertEquals(Instant.parse("2026-01-02T03:04:05.678Z"), restored.at());
            assertEquals("omar", restored.operator());
            assertEquals(original.token(), restored.token());
            assertEquals("401 Unauthorized", restored.error().orElseThrow());
            assertTrue(jane.audit().contains(original.uid()));
        }
    }

    @Test
    void copyingAPersonalWorkspaceInTwiceAddsNothingTheSecondTime() {
        TestClock laptopClock = TestClock.at("2026-11-20T08:00:00Z");
        try (Workspace laptop = Workspace.open(folder.resolve("laptop.db"), laptopClock, new Operator("omar"))) {
            laptop.users().save(Environment.SANDBOX, JANE, new UserDetails("Jane", "from the laptop", "CRM-1"), UserOrigin.CREATED_HERE);
            laptopClock.advance(Duration.ofMinutes(1));
            laptop.users().recordUserCreated(Environment.PRODUCTION, OMAR, TokenFacts.of("jti-o", null));
            laptop.settings().setTheme("dark");
            // A row written before rows had ids (schema 2): its id is derived from what it says, the same every time.
            laptop.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO audit_log (at, operator, action, outcome)"
                            + " VALUES (1000, 'old-omar', 'USERS_EXPORTED', 'ok')");
                }
            });
            jane.users().save(Environment.SANDBOX, JANE, UserDetails.label("Jane (team)"), UserOrigin.IMPORTED);

            WorkspaceCopy.CopyReport first = WorkspaceCopy.copy(laptop, jane);
            WorkspaceCopy.CopyReport second = WorkspaceCopy.copy(laptop, jane);

            assertEquals(new WorkspaceCopy.CopyReport(1, 1, 0, 4, 0), first);
            assertEquals(new WorkspaceCopy.CopyReport(0, 0, 2, 0, 4), second);
            assertEquals("0 users added, 0 updated, 2 unchanged; 0 audit rows copied, 4 already there", second.summary());
            SavedUser merged = jane.users().find(Environment.SANDBOX, JANE).orElseThrow();
            assertEquals("Jane", merged.label(), "the copied details fill in as an import does");
            assertEquals("from the laptop", merged.note());
            SavedUser omar = jane.users().find(Environment.PRODUCTION, OMAR).orElseThrow();
            assertEquals(UserOrigin.CREATED_HERE, omar.origin());
            assertEquals(Instant.parse("2026-11-20T08:01:00Z"), omar.createdAt());
            assertEquals("omar", omar.changedBy());

            Set<UUID> laptopRows = laptop.audit().find(AuditQuery.EVERYTHING).stream().map(AuditEntry::uid).collect(Collectors.toSet());
            List<AuditEntry> teamRows = jane.audit().find(AuditQuery.EVERYTHING);
            assertEquals(laptopRows.size() + 2, teamRows.size(), "the laptop's rows, the team's own save, one copy row");
            assertTrue(teamRows.stream().map(AuditEntry::uid).collect(Collectors.toSet()).containsAll(laptopRows));
            assertEquals(1, teamRows.stream().filter(row -> row.action() == AuditAction.WORKSPACE_COPIED).count());
            assertTrue(teamRows.stream().anyMatch(row -> row.operator().equals("old-omar")));
        }
    }

    @Test
    void aWorkspaceCannotBeCopiedIntoItself() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> WorkspaceCopy.copy(jane, bob));
        assertTrue(refused.getMessage().startsWith("A workspace cannot be copied into itself"), refused.getMessage());
    }
}
