package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.testing.Sandboxes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the local sandbox over real HTTP: the paths support walks every day. */
class ArgyleClientContractTest {

    private LocalSandbox sandbox;
    private ArgyleClient client;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
        client = Sandboxes.clientFor(sandbox);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void creatingANewUserGivesAnIdAndATokenForThatUser() {
        CreatedUser created = client.createUser(NewUser.blank().withExternalId("customer-42"));

        assertDoesNotThrowUuid(created.id());
        DecodedJWT token = JWT.decode(created.userToken());
        assertEquals(created.id(), token.getSubject());
        assertEquals(created.id(), token.getClaim("user_id").asString());
        assertEquals(1, sandbox.userCount());
    }

    @Test
    void aReturningUserGetsAFreshTokenWithADifferentJti() {
        CreatedUser created = client.createUser(NewUser.blank());

        IssuedToken first = client.issueToken(created.id());
        IssuedToken second = client.issueToken(created.id());

        DecodedJWT firstToken = JWT.decode(first.userToken());
        DecodedJWT secondToken = JWT.decode(second.userToken());
        assertEquals(created.id(), firstToken.getClaim("user_id").asString());
        assertNotEquals(firstToken.getId(), secondToken.getId());
        assertNotEquals(JWT.decode(created.userToken()).getId(), firstToken.getId());
    }

    @Test
    void aUserReadBackHasWhatSupportEnteredAndNullsForTheRest() {
        var metadata = JsonNodeFactory.instance.objectNode().put("ticket", "SUP-1234");
        CreatedUser created = client.createUser(NewUser.blank()
                .withExternalId("customer-7").withExternalMetadata(metadata).withName("Ada", "Lovelace")
                .withEmail("ada@example.com"));

        User user = client.getUser(created.id());

        assertEquals(created.id(), user.id());
        assertEquals("customer-7", user.externalId());
        assertEquals("SUP-1234", user.externalMetadata().get("ticket").asText());
        assertEquals("Ada", user.firstName());
        assertEquals("ada@example.com", user.email());
        assertNull(user.phoneNumber());
        assertTrue(user.itemsConnected().isEmpty());
        assertNotNull(user.createdAt());
        assertTrue(user.createdAt().endsWith("Z"), "created_at is ISO 8601 UTC: " + user.createdAt());
    }

    @Test
    void listingPagesThroughEveryUserOnceFollowingNextCursors() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            created.add(client.createUser(NewUser.blank()).id());
        }

        List<String> seen = new ArrayList<>();
        UserListRequest request = UserListRequest.firstPage(10);
        int pages = 0;
        while (true) {
            UserPage page = client.listUsers(request);
            pages++;
            page.results().forEach(user -> seen.add(user.id()));
            if (!page.hasNext()) {
                break;
            }
            assertTrue(page.next().toString().startsWith(sandbox.baseUrl() + "/users?"), "next is a full URL");
            request = request.after(page.nextCursor().orElseThrow());
        }

        assertEquals(3, pages);
        assertEquals(25, seen.size());
        assertEquals(created, new HashSet<>(seen));
    }

    @Test
    void theSecondPageLeadsBackToTheFirstWithPrevious() {
        for (int i = 0; i < 5; i++) {
            client.createUser(NewUser.blank());
        }
        UserPage first = client.listUsers(UserListRequest.firstPage(2));
        assertNull(first.previous());

        UserPage second = client.listUsers(UserListRequest.firstPage(2).after(first.nextCursor().orElseThrow()));
        UserPage backAgain = client.listUsers(UserListRequest.firstPage(2).after(second.previousCursor().orElseThrow()));

        assertEquals(first.results(), backAgain.results());
    }

    @Test
    void listingByExternalIdFindsOnlyThoseUsersEvenWhenSeveralShareIt() {
        client.createUser(NewUser.blank().withExternalId("shared"));
        client.createUser(NewUser.blank().withExternalId("other"));
        client.createUser(NewUser.blank().withExternalId("shared"));

        UserPage page = client.listUsers(new UserListRequest(10, null, "shared"));

        assertEquals(2, page.results().size());
        page.results().forEach(user -> assertEquals("shared", user.externalId()));
        assertFalse(page.hasNext());
    }

    @Test
    void aDeletedUserCanNoLongerGetATokenAndIsNotListed() {
        CreatedUser created = client.createUser(NewUser.blank());

        client.deleteUser(created.id());

        var refused = assertThrows(ArgyleApiException.NotFound.class, () -> client.issueToken(created.id()));
        assertEquals(created.id(), refused.userId().orElseThrow());
        assertTrue(client.listUsers(UserListRequest.firstPage(10)).results().isEmpty());
        assertThrows(ArgyleApiException.NotFound.class, () -> client.getUser(created.id()));
    }

    private static void assertDoesNotThrowUuid(String id) {
        assertEquals(id, UUID.fromString(id).toString(), "user ids are UUIDs");
    }
}
