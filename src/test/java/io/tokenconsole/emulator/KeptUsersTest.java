package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ArgyleApiException;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.testing.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local sandbox that keeps its users in a file: what was created stays, and two sandboxes share it. */
class KeptUsersTest {

    @TempDir
    Path folder;

    private LocalSandbox start() {
        return Sandboxes.start(EmulatorConfig.defaults().withSigningKey(Sandboxes.signingKey())
                .withApiKey(new ApiKey("local", "local-secret")).withUsersFile(folder.resolve("users.json")));
    }

    @Test
    void usersOutliveTheSandboxAndKeepTheirOrderAndFields() {
        String first;
        String second;
        try (LocalSandbox sandbox = start()) {
            ArgyleClient client = Sandboxes.clientFor(sandbox);
            first = client.createUser(new NewUser("ticket-1", null, "Ada", null, null, null)).id();
            second = client.createUser(new NewUser("ticket-2", null, null, null, null, null)).id();
            client.deleteUser(client.createUser(NewUser.blank()).id());
        }
        try (LocalSandbox again = start()) {
            ArgyleClient client = Sandboxes.clientFor(again);
            assertEquals(2, again.userCount());
            assertEquals("Ada", client.getUser(first).firstName());
            assertEquals(List.of(second, first), client.listUsers(UserListRequest.firstPage(10)).results().stream()
                    .map(io.tokenconsole.argyle.User::id).toList(), "newest first, as before the restart");
            assertEquals(first, client.listUsers(new UserListRequest(10, null, "ticket-1")).results().get(0).id());
            String third = client.createUser(NewUser.blank()).id();
            assertEquals(third, client.listUsers(UserListRequest.firstPage(1)).results().get(0).id(),
                    "a user made after the restart is the newest");
            assertFalse(client.issueToken(third).userToken().isEmpty());
        }
    }

    @Test
    void twoSandboxesOnOneFileSeeEachOthersUsers() {
        try (LocalSandbox window = start(); LocalSandbox command = start()) {
            String made = Sandboxes.clientFor(command).createUser(NewUser.blank()).id();
            assertFalse(Sandboxes.clientFor(window).issueToken(made).userToken().isEmpty());
            Sandboxes.clientFor(window).deleteUser(made);
            assertThrows(ArgyleApiException.NotFound.class, () -> Sandboxes.clientFor(command).issueToken(made));
        }
    }

    @Test
    void anUnreadableFileIsMovedAsideAndTheSandboxStartsEmpty() throws Exception {
        Files.writeString(folder.resolve("users.json"), "{ this is not json");
        try (LocalSandbox sandbox = start()) {
            assertEquals(0, sandbox.userCount());
            Sandboxes.clientFor(sandbox).createUser(NewUser.blank());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith("users.json.unreadable-")));
        }
        try (LocalSandbox again = start()) {
            assertEquals(1, again.userCount());
        }
    }
}
