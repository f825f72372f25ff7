package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Outcome;
import io.tokenconsole.store.SavedUser;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.testing.Sandboxes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** users create and tokens issue leave the user saved in its environment and a row in the audit log. */
class ApiCommandsRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private LocalSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private String[] against(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString(), "--base-url", sandbox.baseUrl().toString(),
                "--api-key-id", sandbox.apiKey().id(), "--api-key-secret", sandbox.apiKey().secret()));
        return all.toArray(String[]::new);
    }

    private Workspace workspace() {
        return Workspace.open(dataDir.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem());
    }

    @Test
    void creatingAUserSavesItAndAuditsTheFirstTokensJtiNotTheToken() throws Exception {
        CommandRun run = CommandRun.of(against("users", "create", "--external-id", "ticket-7", "--json"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        String id = answer.get("id").asText();
        String token = answer.get("user_token").asText();
        TokenReport report = report(token);

        try (Workspace workspace = workspace()) {
            SavedUser saved = workspace.users().find(Environment.LOCAL, id).orElseThrow();
            assertEquals(UserOrigin.CREATED_HERE, saved.origin());
            assertEquals("ticket-7", saved.externalId(), "what the user was created with is kept");
            assertTrue(workspace.users().find(Environment.SANDBOX, id).isEmpty(), "saved in its own environment only");
            AuditEntry created = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.USER_CREATED)).get(0);
            assertEquals(id, created.userId());
            assertEquals(report.tokenId().orElseThrow(), created.token().jti());
            assertEquals(report.expiresAt().orElseThrow().instant().orElseThrow(), created.token().expiresAt());
            assertInstanceOf(Outcome.Ok.class, created.outcome());
        }
    }

    @Test
    void issuingATokenRecordsWhenAndWhichToken() throws Exception {
        String id = JSON.readTree(CommandRun.of(against("users", "create", "--json")).out()).get("id").asText();
        CommandRun issue = CommandRun.of(against("tokens", "issue", "--user", id));
        assertEquals(0, issue.exitCode(), issue.err());
        TokenReport report = report(issue.out().strip());

        try (Workspace workspace = workspace()) {
            assertTrue(workspace.users().find(Environment.LOCAL, id).orElseThrow().lastTokenIssued().isPresent());
            AuditEntry issued = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED)).get(0);
            assertEquals(report.tokenId().orElseThrow(), issued.token().jti());
        }
    }

    @Test
    void aFailedIssueIsAuditedWithTheReasonAndSavesNothing() {
        String unknown = "3f1e6c8b-9a01-4b8e-9d2a-7c4f1a0e5b7d";
        CommandRun issue = CommandRun.of(against("tokens", "issue", "--user", unknown));
        assertEquals(1, issue.exitCode());
        try (Workspace workspace = workspace()) {
            assertTrue(workspace.users().find(Environment.LOCAL, unknown).isEmpty());
            AuditEntry failed = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_ISSUED)).get(0);
            Outcome.Failed outcome = assertInstanceOf(Outcome.Failed.class, failed.outcome());
            assertTrue(outcome.error().contains("does not know the user"), outcome.error());
        }
    }

    @Test
    void aSandboxStartedForOneCommandSignsWithTheWorkspacesLocalKeyAndItsUserIsSaved() throws Exception {
        CommandRun run = CommandRun.of("users", "create", "--json", "--data-dir", dataDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode answer = JSON.readTree(run.out());
        String kid = report(answer.get("user_token").asText()).header().get("kid").asText();

        assertEquals(LocalSandboxMaterial.loadOrCreate(dataDir).kid(), kid,
                "tokens of every local sandbox run verify against the same key");
        try (Workspace workspace = workspace()) {
            assertTrue(workspace.users().find(Environment.LOCAL, answer.get("id").asText()).isPresent(),
                    "the local sandbox keeps its users, so the user is saved like any other");
            AuditEntry created = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.USER_CREATED)).get(0);
            assertEquals(answer.get("id").asText(), created.userId());
        }
    }

    @Test
    void aWorkspaceThatCanNotBeOpenedStopsTheCommandBeforeItActs() throws Exception {
        java.nio.file.Files.writeString(dataDir.resolve("workspace.db"), "this is not a database");
        CommandRun run = CommandRun.of(against("users", "create"));
        assertEquals(1, run.exitCode());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(0, sandbox.userCount(), "no user may be created when it can't be recorded");
    }

    @Test
    void theBaseUrlSavedInSettingsIsUsedWhenNoneIsGiven() throws Exception {
        try (Workspace workspace = workspace()) {
            workspace.settings().setBaseUrlOverride(Environment.SANDBOX, sandbox.baseUrl());
        }
        java.util.Map<String, String> env = java.util.Map.of(
                "ARGYLE_API_KEY_ID", sandbox.apiKey().id(), "ARGYLE_API_KEY_SECRET", sandbox.apiKey().secret());
        CommandRun run = CommandRun.of(env, "users", "create", "--env", "sandbox", "--json", "--data-dir", dataDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, sandbox.userCount(), "the user went to the URL from the settings");
        try (Workspace workspace = workspace()) {
            assertTrue(workspace.users().find(Environment.SANDBOX, JSON.readTree(run.out()).get("id").asText()).isPresent());
        }
    }

    @Test
    void withoutAnyKeyTheMessageNamesEveryWayToGiveOne() {
        CommandRun run = CommandRun.of(java.util.Map.of(), "tokens", "issue", "--env", "sandbox", "--user",
                "3f1e6c8b-9a01-4b8e-9d2a-7c4f1a0e5b7d", "--data-dir", dataDir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.lastErrorLine().contains("ARGYLE_API_KEY_ID") && run.lastErrorLine().contains("Settings"),
                run.lastErrorLine());
    }

    private static TokenReport report(String token) {
        Inspection inspection = new TokenInspector().inspect(token, InspectionContext.at(Instant.now()));
        return assertInstanceOf(Inspection.Decoded.class, inspection).report();
    }
}
