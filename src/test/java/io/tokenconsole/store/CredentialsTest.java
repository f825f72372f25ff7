package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.tokenconsole.argyle.Environment;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    private static final String SECRET = "sk_live_7Hq2r9ZxVbN4mK8pLw3cYt6u";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIwMTgwNTFhYS1mN2E5LWEwZGItMmYzOC02Y2ZhMzI1ZTlkNjkiLCJqdGkiOiJqdGktNDIifQ"
            + ".QmFkU2lnbmF0dXJlQmFkU2lnbmF0dXJlQmFkU2lnbmF0dXJl";

    @TempDir
    Path folder;

    @Test
    void withoutAnOsCredentialStoreTheSecretIsKeptForTheSessionAndTheConsoleSaysSo() {
        CredentialStore store = CredentialStore.detect();
        // This machine has no Secret Service; on a desktop that has one this test has nothing to say.
        assumeFalse(store.isPersistent(), "an OS credential store is reachable here");

        assertTrue(store instanceof SessionCredentialStore);
        assertEquals("Secret kept for this session only — no OS credential store found", store.description());
        store.storeSecret(Environment.SANDBOX, "key-1", Secret.of(SECRET));
        assertEquals(SECRET, store.secret(Environment.SANDBOX).orElseThrow().reveal());
        assertEquals(Optional.empty(), store.secret(Environment.PRODUCTION));
        store.forgetSecret(Environment.SANDBOX);
        assertEquals(Optional.empty(), store.secret(Environment.SANDBOX));
    }

    @Test
    void aSecretNeverShowsInPrintedForm() {
        Secret secret = Secret.of(SECRET);
        ApiCredentials credentials = new ApiCredentials(Environment.PRODUCTION, "key-1", secret,
                ApiCredentials.Source.SESSION_MEMORY);
        assertEquals("[secret]", secret.toString());
        assertFalse(credentials.toString().contains(SECRET), credentials.toString());
        assertTrue(credentials.toString().contains("key-1"));
    }

    @Test
    void theLocalSandboxSecretIsNotAcceptedIntoTheCredentialStore() {
        SessionCredentialStore store = new SessionCredentialStore("test");
        assertThrows(IllegalArgumentException.class, () -> store.storeSecret(Environment.LOCAL, "key-1", Secret.of("x")));
    }

    @Test
    void environmentVariablesOverrideTheSavedKeysForScriptedUse() {
        try (Workspace workspace = open()) {
            LocalSandboxMaterial local = LocalSandboxMaterial.loadOrCreate(folder);
            SessionCredentialStore store = new SessionCredentialStore("session");
            new ApiKeys(workspace.settings(), store, Map.of(), local)
                    .save(Environment.SANDBOX, "saved-key", Secret.of("saved-secret"));

            ApiKeys scripted = new ApiKeys(workspace.settings(), store,
                    Map.of("ARGYLE_API_KEY_ID", "env-key", "ARGYLE_API_KEY_SECRET", "env-secret"), local);
            ApiKeys interactive = new ApiKeys(workspace.settings(), store, Map.of(), local);

            ApiCredentials fromEnvironment = scripted.forEnvironment(Environment.SANDBOX).orElseThrow();
            assertEquals("env-key", fromEnvironment.keyId());
            assertEquals("env-secret", fromEnvironment.secret().reveal());
            assertEquals(ApiCredentials.Source.ENVIRONMENT_VARIABLES, fromEnvironment.source());
            assertEquals("Keys come from ARGYLE_API_KEY_ID / ARGYLE_API_KEY_SECRET", scripted.whereSecretsLive());

            ApiCredentials saved = interactive.forEnvironment(Environment.SANDBOX).orElseThrow();
            assertEquals("saved-key", saved.keyId());
            assertEquals("saved-secret", saved.secret().reveal());
            assertEquals(ApiCredentials.Source.SESSION_MEMORY, saved.source());
            assertEquals(Optional.empty(), interactive.forEnvironment(Environment.PRODUCTION), "nothing saved for production");

            ApiCredentials localKeys = scripted.forEnvironment(Environment.LOCAL).orElseThrow();
            assertEquals(local.apiKeyId(), localKeys.keyId(), "the local sandbox ignores the variables");
        }
    }

    @Test
    void halfAnOverrideIsRefusedRatherThanMixedWithTheSavedKeys() {
        try (Workspace workspace = open()) {
            LocalSandboxMaterial local = LocalSandboxMaterial.loadOrCreate(folder);
            SessionCredentialStore store = new SessionCredentialStore("session");
            new ApiKeys(workspace.settings(), store, Map.of(), local).save(Environment.SANDBOX, "saved-key", Secret.of("s"));
            ApiKeys half = new ApiKeys(workspace.settings(), store, Map.of("ARGYLE_API_KEY_ID", "env-key"), local);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> half.forEnvironment(Environment.SANDBOX));

            assertEquals("ARGYLE_API_KEY_ID is set but ARGYLE_API_KEY_SECRET is not; set both or neither",
                    refused.getMessage());
        }
    }

    @Test
    void aFullSessionLeavesNeitherTheSecretNorAnyTokenInTheDataFolder() throws IOException {
        String janeId = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
        try (Workspace workspace = open()) {
            LocalSandboxMaterial local = LocalSandboxMaterial.loadOrCreate(folder);
            ApiKeys keys = new ApiKeys(workspace.settings(), CredentialStore.detect(), Map.of(), local);
            assumeFalse(keys.store().isPersistent(), "would write into a real keyring");
            keys.save(Environment.PRODUCTION, "key-prod", Secret.of(SECRET));
            workspace.settings().setBaseUrlOverride(Environment.PRODUCTION, "https://proxy.internal/v2");
            workspace.settings().setTheme("dark");

            workspace.users().recordUserCreated(Environment.PRODUCTION, janeId,
                    TokenFacts.of("jti-42", Instant.now().plus(Duration.ofHours(1))));
            workspace.users().recordTokenIssued(Environment.PRODUCTION, janeId, TokenFacts.of("jti-43", null));
            workspace.audit().record(AuditEvent.ok(Environment.PRODUCTION, AuditAction.TOKEN_INSPECTED, janeId)
                    .withToken(TokenFacts.of("jti-42", null)));
            workspace.audit().record(AuditEvent.failed(Environment.PRODUCTION, AuditAction.TOKEN_ISSUED, janeId,
                    "401 for Authorization: Bearer " + TOKEN + " with secret hidden"));
            workspace.users().save(Environment.PRODUCTION, janeId, new UserDetails("pasted " + TOKEN, null, null),
                    UserOrigin.CREATED_HERE);
            new SharedUserList(workspace).export(null, SharedUserList.Format.JSON, new StringWriter());
            workspace.audit().exportCsv(AuditQuery.EVERYTHING, new StringWriter());

            assertEquals(SECRET, keys.forEnvironment(Environment.PRODUCTION).orElseThrow().secret().reveal());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 2, "the workspace and the local keys were written: " + files);
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains(SECRET), file + " holds the API secret");
            assertFalse(content.contains(TOKEN.substring(0, 40)), file + " holds a token");
            assertFalse(content.contains(TOKEN.substring(TOKEN.lastIndexOf('.'))), file + " holds a token's signature");
        }
    }

    private Workspace open() {
        return Workspace.open(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION),
                TestClock.at("2026-11-25T10:00:00Z"), new Operator("jane"));
    }
}
