package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.link.LinkPages;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token-console link}: the page address first, then a line per callback; {@code --save} for a page to hand on. */
class LinkCommandTest {

    private static LocalSandbox sandbox;
    private static String user;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandboxes.start();
        user = Sandboxes.clientFor(sandbox).createUser(new NewUser(null, null, null, null, null, null)).id();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** The emulator stands in for the environment's API: --env decides the Link page, the base URL where tokens come from. */
    private String[] against(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString(), "--base-url", sandbox.baseUrl().toString(),
                "--api-key-id", sandbox.apiKey().id()));
        return all.toArray(String[]::new);
    }

    private static Map<String, String> secret() {
        return Map.of(ApiOptions.SECRET_VARIABLE, sandbox.apiKey().secret());
    }

    @Test
    void savingWritesAStandalonePageForTheSandboxThatSaysWhenItsTokenExpires() throws Exception {
        Path file = dataDir.resolve("link.html");
        CommandRun run = CommandRun.of(secret(), against("link", "--env", "sandbox", "--user", user, "--save",
                file.toString(), "--flow-id", "flow_9", "--items", "item_a, item_b"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Saved the Link page for user " + user), run.out());
        String page = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode link = LinkPages.config(page).get("link");
        assertTrue(link.get("sandbox").asBoolean());
        assertEquals("flow_9", link.get("flowId").asText());
        assertEquals(2, link.get("items").size());
        assertTrue(page.contains("expires one hour after issue"), "the page says so");
        assertTrue(page.contains("https://plugin.argyle.com/argyle.web.v5.js"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the file holds a token: its owner alone reads it");
        assertFalse(run.out().contains(link.get("userToken").asText()), "the token is in the file, not on the screen");
        try (Workspace workspace = workspace()) {
            assertEquals(1, workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED).user(user)).size());
        }
    }

    @Test
    void anExistingFileIsNeverReplacedAndNothingIsIssuedForIt() throws Exception {
        Path file = Files.writeString(dataDir.resolve("keep.html"), "someone's page");
        CommandRun run = CommandRun.of(secret(), against("link", "--env", "sandbox", "--user", user,
                "--save", file.toString()));
        assertEquals(1, run.exitCode());
        assertTrue(run.lastErrorLine().contains("already exists"), run.err());
        assertEquals("someone's page", Files.readString(file));
        try (Workspace workspace = workspace()) {
            assertEquals(0, workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED).user(user)).size());
        }
    }

    @Test
    void productionNeedsConfirmationAndThenGetsSandboxFalse() throws Exception {
        Path file = dataDir.resolve("prod.html");
        CommandRun refused = CommandRun.of(secret(), against("link", "--env", "production", "--user", user,
                "--save", file.toString()));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.lastErrorLine().contains("--confirm-production"), refused.err());
        assertFalse(Files.exists(file), "nothing was issued or written");

        CommandRun confirmed = CommandRun.of(secret(), against("link", "--env", "production", "--confirm-production",
                "--user", user, "--save", file.toString()));
        assertEquals(0, confirmed.exitCode(), confirmed.err());
        assertFalse(LinkPages.config(Files.readString(file)).get("link").get("sandbox").asBoolean());
    }

    @Test
    void theLocalSandboxCannotBeSavedAndKnowsOnlyItsOwnUsers() {
        CommandRun save = CommandRun.of(secret(), against("link", "--env", "local", "--user", user, "--save", "x.html"));
        assertEquals(2, save.exitCode());
        assertTrue(save.err().contains("--save works for --env sandbox or production"), save.err());

        // The user was made by another emulator: the data folder's own local sandbox never heard of it.
        CommandRun own = CommandRun.of("link", "--env", "local", "--user", user, "--data-dir", dataDir.toString());
        assertEquals(1, own.exitCode());
        assertTrue(own.lastErrorLine().contains("does not know the user " + user), own.err());
    }

    @Test
    void anUnknownUserIsReportedAndNoPageIsServed() {
        CommandRun run = CommandRun.of(secret(), against("link", "--env", "local", "--user",
                "00000000-0000-4000-8000-000000000000"));
        assertEquals(1, run.exitCode());
        assertEquals("", run.out(), "no address printed");
    }

    @Test
    void printsTheAddressThenEachCallbackUntilLinkCloses() throws Exception {
        LiveRun link = LiveRun.start(secret(), against("link", "--env", "local", "--user", user));
        try {
            URI page = URI.create(link.awaitLine(line -> true, Duration.ofSeconds(20)));
            String html = Sandboxes.http().send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
            String nonce = LinkPages.config(html).get("host").get("nonce").asText();
            String origin = "http://" + page.getAuthority();
            postEvent(page, origin, nonce, "{\"name\":\"onError\",\"payload\":{\"userId\":\"" + user
                    + "\",\"errorType\":\"expired_user_token\",\"errorMessage\":\"The user token has expired.\"}}");
            String line = link.awaitLine(text -> text.contains("onError"), Duration.ofSeconds(10));
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} UTC  onError  \\{.*expired_user_token.*"), line);
            postEvent(page, origin, nonce, "{\"name\":\"onClose\"}");
            assertEquals(0, link.awaitExit(Duration.ofSeconds(10)), "onClose ends the command");
            assertThrows(java.io.IOException.class, () -> Sandboxes.http().send(HttpRequest.newBuilder(page).build(),
                    HttpResponse.BodyHandlers.ofString()), "the host is gone with the command");
        } finally {
            link.stop();
        }
        try (Workspace workspace = workspace()) {
            var errors = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.LINK_ERROR).user(user));
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).error().orElseThrow().contains("errorType: expired_user_token"));
        }
    }

    private static void postEvent(URI page, String origin, String nonce, String body) throws Exception {
        HttpResponse<String> answer = Sandboxes.http().send(HttpRequest.newBuilder(page.resolve("events"))
                .header("Origin", origin).header("X-Link-Nonce", nonce)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode());
    }

    private Workspace workspace() {
        return Workspace.open(dataDir.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem());
    }
}
