package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's load test: 20 consoles (each its own {@link Workspace}, so its own pool) save users and append
 * audit rows against one PostgreSQL workspace for 30 seconds — new users, users all of them save at once,
 * tokens issued and rows replayed with the same stamp — and afterwards every acknowledged row is there, once:
 * the number of audit rows is exactly what the acknowledged calls wrote.
 */
class PostgresLoadTest {

    static final int CLIENTS = 20;
    static final Duration RUN = Duration.ofSeconds(30);
    private static final int SHARED_USERS = 40;

    /** What one console's calls acknowledged. */
    private static final class Acknowledged {
        final Set<String> users = new HashSet<>();
        final Set<UUID> stamps = new HashSet<>();
        int auditRowsWritten;
        int replays;
    }

    @Test
    @Timeout(180)
    void twentyConsolesForThirtySecondsLoseNothingAndWriteNothingTwice() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase()) {
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < SHARED_USERS; i++) {
                shared.add(UUID.randomUUID().toString());
            }
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            ExecutorService consoles = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Acknowledged>> results = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Operator operator = new Operator("console-" + c);
                results.add(consoles.submit(() -> {
                    Acknowledged acknowledged = new Acknowledged();
                    try (Workspace workspace = database.open(Clock.systemUTC(), operator)) {
                        ready.countDown();
                        ready.await();
                        long end = System.nanoTime() + RUN.toNanos();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            try {
                                work(workspace, operator, shared, random, acknowledged);
                                calls.incrementAndGet();
                            } catch (RuntimeException | Error failed) {
                                failures.add(failed);
                            }
                        }
                    }
                    return acknowledged;
                }));
            }
            Acknowledged all = new Acknowledged();
            for (Future<Acknowledged> result : results) {
                Acknowledged one = result.get(RUN.toSeconds() + 60, TimeUnit.SECONDS);
                all.users.addAll(one.users);
                all.stamps.addAll(one.stamps);
                all.auditRowsWritten += one.auditRowsWritten;
                all.replays += one.replays;
            }
            consoles.shutdownNow();

            assertTrue(failures.isEmpty(), failures.size() + " calls failed; the first: " + failures.peek());
            assertTrue(calls.get() > CLIENTS * 10, "the consoles got work done: " + calls.get() + " calls");
            assertTrue(all.replays > 0, "some rows were written twice with the same stamp");
            try (Connection admin = TestPostgres.admin(database.name()); Statement statement = admin.createStatement()) {
                Set<String> users = strings(statement, "SELECT id FROM saved_users");
                assertTrue(users.containsAll(all.users), "every acknowledged user is there");
                assertTrue(users.containsAll(shared), "every shared user is there");
                assertEquals(users.size(), count(statement, "SELECT count(*) FROM saved_users"), "no user twice");
                Set<String> stamps = strings(statement, "SELECT uid FROM audit_log");
                for (UUID stamp : all.stamps) {
                    assertTrue(stamps.contains(stamp.toString()), "every acknowledged audit row is there");
                }
                assertEquals(all.auditRowsWritten, count(statement, "SELECT count(*) FROM audit_log"),
                        "exactly the acknowledged audit rows, none twice");
                assertEquals(stamps.size(), count(statement, "SELECT count(*) FROM audit_log"), "no row id twice");
            }
        }
    }

    /** One call of a console: what it did goes into {@code acknowledged} only once the call returned. */
    private static void work(Workspace workspace, Operator operator, List<String> shared, ThreadLocalRandom random,
            Acknowledged acknowledged) {
        int choice = random.nextInt(10);
        if (choice < 3) {
            String id = UUID.randomUUID().toString();
            workspace.users().save(Environment.SANDBOX, id, UserDetails.label(operator.name()), UserOrigin.CREATED_HERE);
            acknowledged.users.add(id);
            acknowledged.auditRowsWritten++;
        } else if (choice < 6) {
            // Everyone saves the same few users at once: inserts race, updates queue on the row lock.
            String id = shared.get(random.nextInt(shared.size()));
            workspace.users().save(Environment.SANDBOX, id, UserDetails.label(operator.name() + " " + random.nextInt(1000)),
                    UserOrigin.IMPORTED);
            acknowledged.auditRowsWritten++;
        } else if (choice < 8) {
            AuditStamp stamp = AuditStamp.now(Clock.systemUTC());
            workspace.users().recordTokenIssued(Environment.SANDBOX, shared.get(random.nextInt(shared.size())),
                    TokenFacts.of(UUID.randomUUID().toString(), null), stamp);
            acknowledged.stamps.add(stamp.uid());
            acknowledged.auditRowsWritten++;
        } else {
            AuditEvent event = AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null)
                    .stamped(AuditStamp.now(Clock.systemUTC()));
            AuditEntry written = workspace.audit().record(event);
            acknowledged.stamps.add(written.uid());
            acknowledged.auditRowsWritten++;
            if (choice == 9) {
                // A spool replaying the same row: it comes back as it is, and is not written again.
                AuditEntry again = workspace.audit().record(event);
                if (!again.equals(written)) {
                    throw new AssertionError("a replayed row came back different: " + written + " / " + again);
                }
                acknowledged.replays++;
            }
        }
    }

    private static Set<String> strings(Statement statement, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
