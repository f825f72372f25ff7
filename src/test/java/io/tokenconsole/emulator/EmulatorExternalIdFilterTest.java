package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.argyle.UserPage;
import io.tokenconsole.testing.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /users?external_id=…} as Argyle documents it ("Exact matches only"): no prefix, no
 * substring, no case folding, and the filter carries through {@code next}.
 */
class EmulatorExternalIdFilterTest {

    @Test
    void theExternalIdFilterMatchesExactlyAndFollowsNext() {
        try (LocalSandbox sandbox = Sandboxes.start()) {
            ArgyleClient client = Sandboxes.clientFor(sandbox);
            for (String externalId : List.of("ticket-7", "ticket-7", "ticket-70", "TICKET-7", "my-ticket-7", "ticket-7")) {
                client.createUser(NewUser.blank().withExternalId(externalId));
            }
            client.createUser(NewUser.blank());

            List<User> found = new ArrayList<>();
            UserPage page = client.listUsers(new UserListRequest(2, null, "ticket-7"));
            found.addAll(page.results());
            assertTrue(page.next().toString().contains("external_id=ticket-7"), page.next().toString());
            while (page.hasNext()) {
                page = client.listUsers(new UserListRequest(2, null, "ticket-7").after(page.nextCursor().orElseThrow()));
                found.addAll(page.results());
            }

            assertEquals(List.of("ticket-7", "ticket-7", "ticket-7"), found.stream().map(User::externalId).toList());
            assertEquals(3, found.stream().map(User::id).distinct().count());
            assertEquals(List.of(), client.listUsers(new UserListRequest(10, null, "ticket")).results(), "no prefix match");
            assertEquals(7, client.listUsers(new UserListRequest(10, null, null)).results().size());
        }
    }
}
