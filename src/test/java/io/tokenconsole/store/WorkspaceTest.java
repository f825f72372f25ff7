package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokenconsole.argyle.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    private static final Operator SUPPORT = new Operator("jane");

    @TempDir
    Path folder;

    private Workspace open() {
        return Workspace.open(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION),
                TestClock.at("2026-11-25T10:00:00Z"), SUPPORT);
    }

    @Test
    void anEmptyFolderGetsAWorkspaceAtTheLatestSchemaInWalMode() throws Exception {
        try (Workspace workspace = open()) {
            assertEquals(Workspace.SCHEMA_VERSION, workspace.schemaVersion());
            assertEquals(3, Workspace.SCHEMA_VERSION);
            assertEquals("wal", workspace.read(connection -> single(connection, "PRAGMA journal_mode")));
            assertEquals("1", workspace.read(connection -> single(connection, "PRAGMA foreign_keys")));
            assertEquals("0", workspace.users().count(Environment.SANDBOX) + "");
        }
        assertTrue(Files.exists(folder.resolve("workspace.db")));
    }

    @Test
    void aWorkspaceLeftAtSchemaOneIsMigratedAndItsUsersBecomeSearchable() throws Exception {
        Path file = folder.resolve("workspace.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (String sql : Migrations.ALL.get(0).statements()) {
                statement.execute(sql);
            }
            statement.execute("PRAGMA user_version = 1");
            statement.execute("""
                    INSERT INTO saved_users (environment, id, label, created_at, origin)
                    VALUES ('sandbox', '018051aa-f7a9-a0db-2f38-6cfa325e9d69', 'Payroll escalation', 0, 'CREATED_HERE')""");
        }
        try (Workspace workspace = open()) {
            assertEquals(Workspace.SCHEMA_VERSION, workspace.schemaVersion());
            UserPage page = workspace.users().search(Environment.SANDBOX, "escalat", 10, 0);
            assertEquals(List.of("018051aa-f7a9-a0db-2f38-6cfa325e9d69"), ids(page));
        }
    }

    @Test
    void aWorkspaceFromANewerConsoleIsRefusedAndLeftByteForByte() throws Exception {
        Path file = folder.resolve("workspace.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE saved_users (something_new TEXT)");
            statement.execute("INSERT INTO saved_users VALUES ('from the future')");
            statement.execute("PRAGMA user_version = 7");
        }
        byte[] before = Files.readAllBytes(file);
        long modifiedBefore = Files.getLastModifiedTime(file).toMillis();

        NewerWorkspaceException refused = assertThrows(NewerWorkspaceException.class, this::open);

        assertEquals("This workspace was written by a newer Token Console (schema 7; this version knows "
                + Workspace.SCHEMA_VERSION + "). Update Token Console or point --data-dir elsewhere.", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(modifiedBefore, Files.getLastModifiedTime(file).toMillis());
        assertFalse(Files.exists(folder.resolve("workspace.db-wal")), "no WAL file was left behind");
    }

    @Test
    void aWorkspaceFromANewerConsoleInWalModeIsAlsoLeftUntouched() throws Exception {
        try (Workspace workspace = open()) {
            workspace.users().save(Environment.SANDBOX, UUID.randomUUID().toString(), UserDetails.NONE, UserOrigin.IMPORTED);
        }
        Path file = folder.resolve("workspace.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 9");
        }
        byte[] before = Files.readAllBytes(file);

        assertThrows(NewerWorkspaceException.class, this::open);

        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInPlainWords() throws Exception {
        Path file = folder.resolve("workspace.db");
        Files.writeString(file, "these are my notes, not a database ".repeat(50), StandardCharsets.UTF_8);

        WorkspaceException refused = assertThrows(WorkspaceException.class, this::open);

        assertTrue(refused.getMessage().contains("is not a Token Console workspace"), refused.getMessage());
    }

    @Test
    void whatWasSavedIsThereAfterReopening() {
        String id = UUID.randomUUID().toString();
        try (Workspace workspace = open()) {
            workspace.users().save(Environment.PRODUCTION, id, UserDetails.label("Acme payroll"), UserOrigin.CREATED_HERE);
        }
        try (Workspace workspace = open()) {
            assertEquals("Acme payroll", workspace.users().find(Environment.PRODUCTION, id).orElseThrow().label());
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNothingBehind() {
        try (Workspace workspace = open()) {
            String id = UUID.randomUUID().toString();
            assertThrows(IllegalStateException.class, () -> workspace.write(connection -> {
                workspace.users().upsert(connection, new SavedUser(Environment.SANDBOX, id, null, null, null,
                        java.time.Instant.EPOCH, null, UserOrigin.IMPORTED), UserDetails.NONE);
                throw new IllegalStateException("the network went away");
            }));
            assertTrue(workspace.users().find(Environment.SANDBOX, id).isEmpty());
            assertTrue(workspace.audit().find(AuditQuery.EVERYTHING).isEmpty());
        }
    }

    @Test
    void manyThreadsCanSaveAtOnceWithoutLosingAWrite() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Workspace workspace = open()) {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String id = UUID.randomUUID().toString();
                        workspace.users().save(Environment.LOCAL, id, UserDetails.NONE, UserOrigin.CREATED_HERE);
                        workspace.users().search(Environment.LOCAL, id.substring(0, 4), 5, 0);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            assertEquals(200, workspace.users().count(Environment.LOCAL));
            assertEquals(200, workspace.audit().find(AuditQuery.EVERYTHING).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(DataFolder.supportsPosix());
        try (Workspace workspace = open()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace.databaseFile())));
            Path wal = folder.resolve("workspace.db-wal");
            assertTrue(Files.exists(wal), "open in WAL mode");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)));
        }
    }

    @Test
    void aClosedWorkspaceSaysSoInsteadOfFailingObscurely() {
        Workspace workspace = open();
        workspace.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> workspace.users().count(Environment.SANDBOX));
        assertTrue(closed.getMessage().contains("is closed"));
    }

    static String single(Connection connection, String sql) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    static List<String> ids(UserPage page) {
        return page.users().stream().map(SavedUser::id).toList();
    }
}
