package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services of a long-running console, started the way the window starts them. */
class ConsoleBackendTest {

    @TempDir
    Path folder;

    private final List<String> progress = new ArrayList<>();

    private ConsoleBackend start() {
        return ConsoleBackend.start(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC(),
                Map.of(), progress::add);
    }

    @Test
    void theLocalSandboxSignsWithTheWorkspacesKeySoItsTokensVerifyAcrossRestarts() {
        String firstKid;
        try (ConsoleBackend backend = start()) {
            assertEquals(List.of(), backend.problems());
            assertEquals(List.of("Opening the workspace…", "Starting the local sandbox…", "Starting the Link host…"), progress);
            assertTrue(backend.linkHost().orElseThrow().servesLocalSandbox(), "the host checks the local sandbox's tokens");
            LocalSandbox sandbox = backend.localSandbox().orElseThrow();
            String token = createUserOn(sandbox).userToken();
            firstKid = kidOf(token);
            VerificationKey key = new VerificationKey.Public(sandbox.signingKey().publicKey(),
                    Optional.of(sandbox.signingKey().keyId()));
            assertEquals(SignatureStatus.VALID, assertInstanceOf(Inspection.Decoded.class, new TokenInspector()
                    .inspect(token, InspectionContext.at(Instant.now()).verifyingWith(key))).report().signature().status());
        }
        try (ConsoleBackend again = start()) {
            assertEquals(firstKid, kidOf(createUserOn(again.localSandbox().orElseThrow()).userToken()));
            assertEquals(LocalSandboxMaterial.loadOrCreate(folder).kid(), firstKid);
        }
    }

    @Test
    void aUserCreatedInTheLocalSandboxIsStillKnownAfterARestart() throws Exception {
        String id;
        try (ConsoleBackend backend = start()) {
            id = backend.actions().createUser(Environment.LOCAL, NewUser.blank(),
                    new io.tokenconsole.store.UserDetails("ticket 4711", null, null)).id();
        }
        try (ConsoleBackend again = start()) {
            String token = again.actions().issueToken(Environment.LOCAL, id).userToken();
            assertEquals(id, assertInstanceOf(Inspection.Decoded.class, new TokenInspector()
                    .inspect(token, InspectionContext.at(Instant.now()))).report().userId().orElseThrow());
            assertEquals("ticket 4711", again.requireWorkspace().users().find(Environment.LOCAL, id).orElseThrow().label());
        }
        assertTrue(Files.readString(folder.resolve(LocalSandboxes.USERS_FILE)).contains(id));
    }

    @Test
    void aWorkspaceFromANewerVersionIsReportedAndTheSandboxStillRuns() throws Exception {
        try (Workspace workspace = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem())) {
            workspace.settings().setTheme("dark");
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
                var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        try (ConsoleBackend backend = start()) {
            assertEquals(1, backend.problems().size());
            assertTrue(backend.problems().get(0).contains("newer Token Console"), backend.problems().get(0));
            assertTrue(backend.localSandbox().isPresent());
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    backend::actions);
            assertTrue(refused.getMessage().contains("newer Token Console")
                    && refused.getMessage().contains("Nothing is saved in this session"), refused.getMessage());
        }
    }

    static CreatedUser createUserOn(LocalSandbox sandbox) {
        ArgyleClient client = new ArgyleClient(ArgyleClient.newHttpClient(Duration.ofSeconds(2)),
                new ApiTarget(Environment.LOCAL, sandbox.baseUrl()),
                new Credentials(sandbox.apiKey().id(), sandbox.apiKey().secret()), ClientSettings.DEFAULT);
        return client.createUser(NewUser.blank());
    }

    private static String kidOf(String token) {
        return assertInstanceOf(Inspection.Decoded.class,
                new TokenInspector().inspect(token, InspectionContext.at(Instant.now()))).report().header().get("kid").asText();
    }
}
