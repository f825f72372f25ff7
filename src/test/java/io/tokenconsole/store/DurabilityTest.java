package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    private static final int KILL_AFTER = 300;

    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void aProcessKilledMidWriteLeavesEveryCommittedUserAndAHealthyDatabase() throws Exception {
        Path database = folder.resolve("workspace.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), database.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), "the child opened the workspace");
            String line;
            while ((line = out.readLine()) != null) {
                committed.add(line);
                if (committed.size() == KILL_AFTER) {
                    // kill -9 (SIGKILL): no shutdown hooks, no close(), the WAL left as it is mid-transaction.
                    // Through the handle, because Process.destroyForcibly() also closes our end of the
                    // pipe and the ids already printed but not yet read would be lost to the test.
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
            // Ids printed between our last read and the kill are committed too: read what is buffered.
            while ((line = out.readLine()) != null) {
                committed.add(line);
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(committed.size() >= KILL_AFTER, "the child wrote before it was killed");
        assertTrue(Files.exists(folder.resolve("workspace.db-wal")), "killed with the write-ahead log still open");

        try (Workspace workspace = Workspace.open(database, TestClock.at("2026-11-25T10:00:00Z"), new Operator("test"))) {
            assertEquals("ok", workspace.read(connection -> WorkspaceTest.single(connection, "PRAGMA integrity_check")));
            for (String id : committed) {
                assertTrue(workspace.users().find(Environment.SANDBOX, id).isPresent(), "committed " + id + " is missing");
            }
            long saved = workspace.users().count(Environment.SANDBOX);
            assertTrue(saved >= committed.size() && saved <= committed.size() + 1,
                    "at most the one in flight may also have committed: " + saved + " vs " + committed.size());
            assertEquals(saved, workspace.audit().find(AuditQuery.EVERYTHING).size(), "each user and its audit row together");
            assertFalse(workspace.users().search(Environment.SANDBOX, "row 1", 5, 0).users().isEmpty(),
                    "the search index survived too");
        }
    }

    @Test
    @Timeout(120)
    void aCommandCanWriteWhileTheWindowIsWritingToTheSameWorkspace() throws Exception {
        Path database = folder.resolve("workspace.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The child plays the window: a second process saving users as fast as it can.
        Process window = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), database.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> mine = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(window.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            out.readLine();
            try (Workspace command = Workspace.open(database, TestClock.at("2026-11-25T10:00:00Z"), new Operator("cli"))) {
                for (int i = 0; i < 40; i++) {
                    String id = UUID.randomUUID().toString();
                    command.users().save(Environment.PRODUCTION, id, UserDetails.label("from the command"), UserOrigin.IMPORTED);
                    command.users().search(Environment.SANDBOX, "row", 10, 0);
                    mine.add(id);
                }
            }
            assertTrue(window.isAlive(), "the window kept working meanwhile");
        } finally {
            window.toHandle().destroyForcibly();
            assertTrue(window.waitFor(30, TimeUnit.SECONDS));
        }
        try (Workspace workspace = Workspace.open(database, TestClock.at("2026-11-25T10:00:00Z"), new Operator("test"))) {
            assertEquals(mine.size(), workspace.users().count(Environment.PRODUCTION));
            assertTrue(workspace.users().count(Environment.SANDBOX) > 0);
            assertEquals("ok", workspace.read(connection -> WorkspaceTest.single(connection, "PRAGMA integrity_check")));
        }
    }
}
