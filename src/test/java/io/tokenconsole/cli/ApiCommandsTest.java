package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.testing.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API commands run in-process against a local sandbox, as a support engineer types them. */
class ApiCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void usersCreateWithJsonPrintsTheApisAnswer() throws Exception {
        CommandRun run = CommandRun.of(withKey("users", "create", "--external-id", "ticket-99", "--json"));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        String id = answer.get("id").asText();
        assertEquals(id, JWT.decode(answer.get("user_token").asText()).getClaim("user_id").asString());
        assertEquals("ticket-99", Sandboxes.clientFor(sandbox).getUser(id).externalId());
    }

    @Test
    void aUserCreatedOnTheLocalSandboxIsKnownToTheNextCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        CommandRun create = CommandRun.of("users", "create", "--first-name", "Ada", "--data-dir", home.toString());

        assertEquals(0, create.exitCode(), create.err());
        assertTrue(create.out().startsWith("Created user "), create.out());
        assertTrue(create.out().contains("\nuser_token: eyJ"), create.out());
        assertEquals("", create.err());
        String id = create.out().lines().filter(line -> line.startsWith("id: ")).findFirst().orElseThrow().substring(4);

        CommandRun issue = CommandRun.of("tokens", "issue", "--user", id, "--data-dir", home.toString());
        assertEquals(0, issue.exitCode(), issue.err());
        assertEquals(id, JWT.decode(issue.out().strip()).getClaim("user_id").asString());
    }

    @Test
    void tokensIssuePrintsOnlyTheTokenSoItCanBePiped() {
        String userId = Sandboxes.clientFor(sandbox).createUser(NewUser.blank()).id();

        CommandRun run = CommandRun.of(withKey("tokens", "issue", "--user", userId));

        assertEquals(0, run.exitCode(), run.err());
        String token = run.out().strip();
        assertEquals(userId, JWT.decode(token).getSubject());
        assertEquals(1, run.out().lines().count());
    }

    @Test
    void issuingTokenForUnknownUserSaysTheUserIsNotKnownOnOneLine() {
        String unknown = UUID.randomUUID().toString();

        CommandRun run = CommandRun.of(withKey("tokens", "issue", "--user", unknown));

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("does not know the user " + unknown), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @Test
    void issuingATokenOnTheLocalSandboxForAnIdItNeverMadeSaysSoOnOneLine() {
        CommandRun run = CommandRun.of("tokens", "issue", "--user", "8a6f5f7e-1111-4222-8333-944445555666");

        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("does not know the user 8a6f5f7e-1111-4222-8333-944445555666"), run.err());
    }

    @Test
    void usersListWithJsonPrintsAPageInTheApisShape() throws Exception {
        for (int i = 0; i < 3; i++) {
            Sandboxes.clientFor(sandbox).createUser(NewUser.blank().withExternalId("batch"));
        }

        CommandRun run = CommandRun.of(withKey("users", "list", "--remote", "--limit", "2", "--json"));

        assertEquals(0, run.exitCode(), run.err());
        JsonNode page = JSON.readTree(run.out());
        assertEquals(2, page.get("results").size());
        assertTrue(page.get("next").asText().contains("cursor="));
        assertTrue(page.get("previous").isNull());
    }

    @Test
    void usersListAllFollowsEveryPage() throws Exception {
        for (int i = 0; i < 5; i++) {
            Sandboxes.clientFor(sandbox).createUser(NewUser.blank());
        }

        CommandRun run = CommandRun.of(withKey("users", "list", "--remote", "--all", "--limit", "2", "--json"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(5, JSON.readTree(run.out()).get("results").size());
    }

    @Test
    void usersListShowsTheNextCursorToContinueFrom() {
        for (int i = 0; i < 3; i++) {
            Sandboxes.clientFor(sandbox).createUser(NewUser.blank());
        }

        CommandRun first = CommandRun.of(withKey("users", "list", "--remote", "--limit", "2"));
        String cursor = first.out().lines().filter(line -> line.startsWith("next cursor: ")).findFirst()
                .orElseThrow().substring("next cursor: ".length());
        CommandRun second = CommandRun.of(withKey("users", "list", "--remote", "--limit", "2", "--cursor", cursor));

        assertEquals(3, first.out().lines().count());
        assertEquals(1, second.out().lines().count(), second.out());
    }

    @Test
    void productionRefusesToCreateAUserWithoutConfirmationAndSendsNothing() {
        Map<String, String> env = keyVariables();

        CommandRun run = CommandRun.of(env, "users", "create", "--env", "production", "--base-url", sandbox.baseUrl().toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.lastErrorLine().contains("--confirm-production"), run.err());
        assertEquals(0, sandbox.requestCount("POST /v2/users"));
    }

    @Test
    void productionRefusesToIssueATokenWithoutConfirmation() {
        CommandRun run = CommandRun.of(keyVariables(), "tokens", "issue", "--user", "someone", "--env", "production",
                "--base-url", sandbox.baseUrl().toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.lastErrorLine().contains("Refusing to issue a token in Production without --confirm-production"),
                run.err());
        assertEquals(0, sandbox.requestCount("POST /v2/user-tokens"));
    }

    @Test
    void productionActsWhenConfirmed() {
        CommandRun run = CommandRun.of(keyVariables(), "users", "create", "--env", "production", "--confirm-production",
                "--base-url", sandbox.baseUrl().toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("in Production."), run.out());
        assertEquals(1, sandbox.userCount());
    }

    @Test
    void missingCredentialsForSandboxNameTheEnvironmentVariables() {
        CommandRun run = CommandRun.of("users", "list", "--remote", "--env", "sandbox");

        assertEquals(1, run.exitCode());
        assertEquals("token-console: No API key for Sandbox: save one in Settings, or set ARGYLE_API_KEY_ID and"
                + " ARGYLE_API_KEY_SECRET. Or pass --api-key-id and --api-key-secret.", run.err().strip());
    }

    @Test
    void aWrongSecretIsExplainedWithoutPrintingIt() {
        String wrong = "wrong-" + UUID.randomUUID();
        CommandRun run = CommandRun.of(Map.of("ARGYLE_API_KEY_ID", sandbox.apiKey().id(), "ARGYLE_API_KEY_SECRET", wrong),
                "users", "list", "--remote", "--base-url", sandbox.baseUrl().toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("did not accept the API key (HTTP 401)"), run.err());
        assertFalse(run.err().contains(wrong));
    }

    @Test
    void anUnknownEnvironmentIsAUsageError() {
        CommandRun run = CommandRun.of("users", "list", "--env", "staging");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'staging' is not an environment"), run.err());
    }

    @Test
    void anInvalidEmailShowsTheFieldProblem() {
        CommandRun run = CommandRun.of(withKey("users", "create", "--email", "nope"));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("email: Enter a valid email address."), run.err());
    }

    private String[] withKey(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "local", "--base-url", sandbox.baseUrl().toString(),
                "--api-key-id", sandbox.apiKey().id(), "--api-key-secret", sandbox.apiKey().secret()));
        return all.toArray(String[]::new);
    }

    private Map<String, String> keyVariables() {
        return Map.of("ARGYLE_API_KEY_ID", sandbox.apiKey().id(), "ARGYLE_API_KEY_SECRET", sandbox.apiKey().secret());
    }
}
