package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceUnavailableException;
import io.tokenconsole.testing.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's fault test: the test PostgreSQL is stopped in the middle of a session and started again.
 * A console (one workspace, watched, as the window holds it) saves users and appends audit rows; the
 * server stops; actions go on — their API calls against the emulator succeed and their rows are spooled
 * on this computer, and an action that has not started is refused; the server starts again and the
 * watch flushes the spool. Afterwards every row acknowledged before and every spooled row is there
 * exactly once, and every issued token's {@code jti} appears once.
 *
 * <p>It stops the shared test cluster for about ten seconds, and always starts it again (and waits until
 * it takes connections) before it returns, even when it fails. Tests in this build run one class at a
 * time, so no other test sees the outage; another build using the same cluster at that moment would.
 */
@Timeout(180)
class TeamWorkspaceOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final TokenInspector inspector = new TokenInspector();
    private final List<String> jtis = new ArrayList<>();

    @Test
    void everyRowAcknowledgedBeforeAndEverySpooledRowAfterIsThereOnce() throws Exception {
        TestPostgres.assumeAvailable();
        List<String> notices = new CopyOnWriteArrayList<>();
        try (TestPostgres.Database database = TestPostgres.freshDatabase();
                LocalSandbox sandbox = Sandboxes.start();
                Workspace workspace = database.open(Clock.systemUTC(), new Operator("omar"))) {
            ArgyleClient client = Sandboxes.clientFor(sandbox);
            AuditSpool spool = AuditSpool.in(new DataFolder(dataDir, DataFolder.Source.DATA_DIR_OPTION), workspace.location());
            ActionRecorder recorder = new ActionRecorder(workspace, Clock.systemUTC(), spool, notices::add);

            try (AutoCloseable watching = workspace.watch(recorder.flushWhenReachable())) {
                List<String> before = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    before.add(act(recorder, client, "before-" + i, ActionRecorder.Recorded.WRITTEN));
                }
                List<UUID> acknowledged = workspace.audit().find(AuditQuery.EVERYTHING).stream().map(AuditEntry::uid).toList();
                assertEquals(6, acknowledged.size(), "a user-created and a token-issued row per action");

                List<UUID> spooled;
                String during;
                TestPostgres.stop();
                try {
                    // Under way when the server went: its write fails (after the pool's connection timeout), it waits here.
                    during = act(recorder, client, "during", ActionRecorder.Recorded.SPOOLED);

                    Instant asked = Instant.now();
                    WorkspaceUnavailableException refused = assertThrows(WorkspaceUnavailableException.class,
                            recorder::checkCanRecord, "an action that has not started is refused before its API call");
                    assertTrue(refused.getMessage().contains("cannot be reached"), refused.getMessage());
                    assertTrue(Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0);

                    // Known to be away now: the next recording waits here at once, without the timeout.
                    IssuedToken again = client.issueToken(before.get(0));
                    jtis.add(jti(again.userToken()));
                    assertEquals(ActionRecorder.Recorded.SPOOLED, recorder.tokenIssued(Environment.LOCAL, before.get(0),
                            again.userToken()));
                    // A Link session's callback, as the link command and the window record it.
                    assertEquals(ActionRecorder.Recorded.SPOOLED, recorder.record(AuditEvent.ok(Environment.LOCAL,
                            AuditAction.LINK_ACCOUNT_CONNECTED, during).withDetail("itemId: item_a, accountId: -")));
                    spooled = spooledUids(spool);
                    assertEquals(3, spooled.size());
                } finally {
                    TestPostgres.start();
                }
                assertEquals(3, notices.stream().filter(notice -> notice.contains("waits on this computer")).count(),
                        notices.toString());
                assertTrue(notices.get(0).equals("The local sandbox created the user " + during + "; the team workspace is"
                        + " unreachable, so the audit row waits on this computer and is written when the server is back."),
                        notices.get(0));

                // The watch hears the server is back (it asks every ~2 s) and writes what waited.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (spool.pending() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(0, spool.pending(), "the spool was flushed when the server came back: " + notices);
                assertEquals(AuditSpool.FlushReport.NOTHING, recorder.flushSpool(), "nothing is written twice");
                assertTrue(notices.contains("3 audit rows that waited on this computer are now in the team workspace."),
                        notices.toString());

                List<AuditEntry> log = workspace.audit().find(AuditQuery.EVERYTHING);
                Map<UUID, Long> perUid = log.stream().collect(Collectors.groupingBy(AuditEntry::uid, Collectors.counting()));
                for (UUID uid : acknowledged) {
                    assertEquals(1L, perUid.getOrDefault(uid, 0L), "acknowledged before the outage: " + uid);
                }
                for (UUID uid : spooled) {
                    assertEquals(1L, perUid.getOrDefault(uid, 0L), "spooled during the outage: " + uid);
                }
                assertEquals(acknowledged.size() + spooled.size(), log.size(), "nothing else, nothing twice");
                Map<String, Long> perJti = log.stream().filter(entry -> entry.token() != null && entry.token().jti() != null)
                        .collect(Collectors.groupingBy(entry -> entry.token().jti(), Collectors.counting()));
                for (String jti : jtis) {
                    assertEquals(1L, perJti.getOrDefault(jti, 0L), "token " + jti);
                }
                assertEquals("during", workspace.users().find(Environment.LOCAL, during).orElseThrow().externalId(),
                        "the user created during the outage is saved with what it was created with");
                assertTrue(workspace.users().find(Environment.LOCAL, before.get(0)).orElseThrow().lastTokenIssued().isPresent());
            }
        }
    }

    /** Creates a user and issues it a token, recording both; the user's id. */
    private String act(ActionRecorder recorder, ArgyleClient client, String externalId, ActionRecorder.Recorded expected) {
        CreatedUser created = client.createUser(NewUser.blank().withExternalId(externalId));
        jtis.add(jti(created.userToken()));
        assertEquals(expected, recorder.userCreated(Environment.LOCAL, created.id(),
                new io.tokenconsole.store.UserDetails(null, null, externalId), created.userToken()));
        if (expected == ActionRecorder.Recorded.WRITTEN) {
            IssuedToken token = client.issueToken(created.id());
            jtis.add(jti(token.userToken()));
            assertEquals(expected, recorder.tokenIssued(Environment.LOCAL, created.id(), token.userToken()));
        }
        return created.id();
    }

    private String jti(String token) {
        return ActionRecorder.factsOf(inspector, token, Instant.now()).jti();
    }

    private static List<UUID> spooledUids(AuditSpool spool) throws Exception {
        List<UUID> uids = new ArrayList<>();
        for (String line : Files.readAllLines(spool.file())) {
            uids.add(UUID.fromString(JSON.readTree(line).get("uid").asText()));
        }
        return uids;
    }
}
