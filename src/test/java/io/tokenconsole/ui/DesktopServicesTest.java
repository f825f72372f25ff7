package io.tokenconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.Credentials;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditQuery;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's disk and sandbox, opened the way the application opens them. */
class DesktopServicesTest {

    @TempDir
    Path folder;

    private DesktopServices open() {
        return DesktopServices.open(new DataFolder(folder, DataFolder.Source.DATA_DIR_OPTION), Clock.systemUTC());
    }

    @Test
    void theLocalSandboxRunsWithTheWorkspacesKeysSoItsTokensVerifyAcrossRestarts() {
        String firstKid;
        try (DesktopServices services = open()) {
            assertEquals(List.of(), services.problems());
            LocalSandbox sandbox = services.localSandbox().orElseThrow();
            assertTrue(services.localSandboxDescription().contains(sandbox.baseUrl().toString()));
            String token = createUserOn(sandbox).userToken();
            firstKid = kidOf(token);
            TokenReport report = assertInstanceOf(Inspection.Decoded.class, new TokenInspector().inspect(token,
                    InspectionContext.at(Instant.now()).verifyingWith(services.inspectionDefaults().localSandboxKey()
                            .orElseThrow()))).report();
            assertEquals(io.tokenconsole.inspect.SignatureStatus.VALID, report.signature().status());
        }
        try (DesktopServices again = open()) {
            assertEquals(firstKid, kidOf(createUserOn(again.localSandbox().orElseThrow()).userToken()));
            assertEquals(LocalSandboxMaterial.loadOrCreate(folder).kid(), firstKid);
        }
    }

    @Test
    void theThemeChoiceIsSavedInTheWorkspaceAndReadAtTheNextStart() throws Exception {
        try (DesktopServices services = open()) {
            assertFalse(services.theme(Runnable::run).dark());
            services.theme(Runnable::run).setDark(true);
        }
        try (DesktopServices again = open()) {
            assertTrue(again.theme(Runnable::run).dark());
        }
    }

    @Test
    void aPastedTokenLeavesItsJtiInTheAuditLogButNeverTheToken() throws Exception {
        String token;
        try (DesktopServices services = open()) {
            token = createUserOn(services.localSandbox().orElseThrow()).userToken();
            TokenReport report = assertInstanceOf(Inspection.Decoded.class,
                    new TokenInspector().inspect(token, InspectionContext.at(Instant.now()))).report();
            services.inspectionLog(Runnable::run).tokenInspected(Environment.LOCAL, report);

            try (Workspace workspace = Workspace.open(folder.resolve("workspace.db"), Clock.systemUTC(), Operator.fromSystem())) {
                AuditEntry entry = workspace.audit().find(AuditQuery.EVERYTHING.action(AuditAction.TOKEN_INSPECTED)).get(0);
                assertEquals(report.tokenId().orElseThrow(), entry.token().jti());
                assertEquals(report.userId().orElseThrow(), entry.userId());
            }
        }
        String payload = token.split("\\.")[1];
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(payload), "a token's payload was written to " + file);
            }
        }
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
        try (DesktopServices services = open()) {
            assertEquals(1, services.problems().size());
            assertTrue(services.problems().get(0).contains("newer Token Console"), services.problems().get(0));
            assertTrue(services.localSandbox().isPresent());
            assertFalse(services.theme(Runnable::run).dark(), "without a workspace the theme is the default");
        }
    }

    private static CreatedUser createUserOn(LocalSandbox sandbox) {
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
