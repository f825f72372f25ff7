package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.PostgresAddress;
import io.tokenconsole.store.PostgresPasswords;
import io.tokenconsole.store.SessionCredentialStore;
import io.tokenconsole.store.TestPostgres;
import io.tokenconsole.store.WorkspaceChoice;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.store.WorkspaceLocation;
import io.tokenconsole.store.WorkspaceWatcher;
import io.tokenconsole.testing.TcpRelay;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The window's hold on its workspace: chosen like the commands, kept through a failed switch, retried while away. */
@Timeout(120)
class WorkspaceConnectionTest {

    @TempDir
    Path dir;

    private DataFolder folder() {
        return new DataFolder(dir, DataFolder.Source.DATA_DIR_OPTION);
    }

    private WorkspaceConnection open(Map<String, String> variables) {
        return WorkspaceConnection.open(folder(), Clock.systemUTC(), variables,
                () -> new SessionCredentialStore("this test"));
    }

    @Test
    void withNothingChosenItIsTheWorkspaceOnThisComputerAndAFailedSwitchChangesNothing() throws Exception {
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        try (WorkspaceConnection connection = open(Map.of())) {
            assertEquals(Optional.of(connection.thisComputer()), connection.location());
            assertTrue(connection.workspace().isPresent());
            assertEquals("", connection.problem());

            WorkspaceLocation away = new WorkspaceLocation.Team(new PostgresAddress("127.0.0.1", closed, "tc", "support"));
            WorkspaceException refused = assertThrows(WorkspaceException.class,
                    () -> connection.use(away, Optional.empty(), Optional.empty()));
            assertTrue(refused.getMessage().contains("127.0.0.1:" + closed), refused.getMessage());
            assertEquals(Optional.of(connection.thisComputer()), connection.location(), "still on this computer");
            assertTrue(connection.workspace().orElseThrow().location() instanceof WorkspaceLocation.ThisComputer);
            assertFalse(Files.exists(dir.resolve(WorkspaceChoice.FILE_NAME)), "nothing remembered");
        }
    }

    @Test
    void aTeamWorkspaceAwayAtStartIsOpenedWhenItsServerAnswersAndTheWatcherHearsIt() throws Exception {
        try (TestPostgres.Database database = TestPostgres.freshDatabase();
                TcpRelay relay = new TcpRelay(database.app().port())) {
            relay.cut();
            PostgresAddress throughRelay = new PostgresAddress(database.app().host(), relay.port(),
                    database.app().database(), database.app().user());
            try (WorkspaceConnection connection = open(Map.of(WorkspaceChoice.VARIABLE, throughRelay.uri(),
                    PostgresPasswords.PASSWORD_VARIABLE, database.appPassword().reveal()))) {
                assertTrue(connection.workspace().isEmpty());
                assertTrue(connection.problem().contains("cannot be reached"), connection.problem());
                assertTrue(connection.problem().contains("The inspector works meanwhile"), connection.problem());
                assertFalse(connection.problem().contains("Nothing was done"), "no action was refused: " + connection.problem());
                assertFalse(connection.problem().contains(database.appPassword().reveal()));
                List<Boolean> heard = new CopyOnWriteArrayList<>();
                connection.watch(new WorkspaceWatcher() {
                    @Override
                    public void reachabilityChanged(boolean reachable, String plainWords) {
                        heard.add(reachable);
                    }
                });

                relay.restore();

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (connection.workspace().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(connection.workspace().isPresent(), "opened once the server answered");
                assertEquals("", connection.problem());
                while (heard.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(List.of(true), heard);
                assertEquals(0, connection.workspace().orElseThrow().users().count(io.tokenconsole.argyle.Environment.LOCAL));
            }
        }
    }
}
