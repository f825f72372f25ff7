package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.tokenconsole.argyle.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part of the workspace contract suite: the store-side of the leak scan (the whole scripted session through
 * the CLI and the window is {@code FullSessionLeavesNoSecretTest}). Everything a session hands the workspace
 * — tokens issued and inspected, tokens pasted into labels, notes and error messages, an API key saved, a
 * personal workspace copied in — and then the workspace's whole content and everything logged meanwhile (every
 * logger at every level: the JDBC drivers, the pool) are searched for the API secret, any token (or its payload
 * or signature alone) and the team workspace's password: on SQLite every byte of the files, on PostgreSQL a
 * {@code pg_dump} of the database.
 */
class WorkspaceLeakTest extends WorkspaceContract {

    @TempDir
    Path laptopFolder;

    @Test
    void neitherTheSecretNorATokenNorThePasswordReachesTheWorkspace() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        List<String> tokens = new ArrayList<>();
        // The test's own database is made first: its CREATE ROLE … PASSWORD is the fixture's, not the console's.
        workspaces.open("workspace.db", TestClock.at("2026-11-25T10:00:00Z"), new Operator("jane")).close();
        // Everything the JDBC driver, the pool and the console log at any level, as a log file would keep it.
        StringBuilder logged = new StringBuilder();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                logged.append(new SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            session(secret, tokens);
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }

        String content = content();
        assertTrue(content.contains(UserDirectoryTest.JANE) && content.contains("jane"), "the scan reads the rows");
        List<String> secrets = new ArrayList<>(List.of(secret));
        for (String token : tokens) {
            secrets.add(token);
            // The payload or the signature alone would be a leak too.
            secrets.add(token.split("\\.")[1]);
            secrets.add(token.split("\\.")[2]);
        }
        if (backend == TestBackend.POSTGRESQL) {
            secrets.add(workspaces.database("workspace.db").appPassword().reveal());
            assertTrue(logged.length() > 0, "the driver logged something to scan");
        }
        for (String value : secrets) {
            assertFalse(content.contains(value), "found a secret, a token or the password in the workspace");
            int at = logged.indexOf(value);
            assertFalse(at >= 0, "found a secret, a token or the password in the log: "
                    + (at < 0 ? "" : logged.substring(Math.max(0, at - 300), Math.min(logged.length(), at + 50))));
        }
    }

    private void session(String secret, List<String> tokens) {
        SessionCredentialStore store = new SessionCredentialStore("test");
        TestClock clock = TestClock.at("2026-11-25T10:00:00Z");
        try (Workspace laptop = Workspace.open(laptopFolder.resolve("workspace.db"), clock, new Operator("omar"))) {
            String token = token(secret);
            tokens.add(token);
            laptop.users().save(Environment.SANDBOX, UserDirectoryTest.LENA, new UserDetails("pasted " + token, null, null),
                    UserOrigin.CREATED_HERE);
            laptop.audit().record(AuditEvent.failed(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, null,
                    "could not decode " + token));
        }
        try (Workspace workspace = workspaces.open("workspace.db", clock, new Operator("jane"))) {
            ApiKeys keys = new ApiKeys(workspace.settings(), store, Map.of(), () -> {
                throw new AssertionError("the local sandbox is not used here");
            });
            keys.save(Environment.SANDBOX, "support", Secret.of(secret));
            for (String userId : List.of(UserDirectoryTest.JANE, UserDirectoryTest.OMAR)) {
                String created = token(secret);
                String issued = token(secret);
                tokens.add(created);
                tokens.add(issued);
                workspace.users().recordUserCreated(Environment.SANDBOX, userId, new UserDetails(null, "note " + created,
                        "crm " + issued), facts(created));
                workspace.users().recordTokenIssued(Environment.SANDBOX, userId, facts(issued), AuditStamp.now(clock));
                workspace.audit().record(AuditEvent.ok(Environment.SANDBOX, AuditAction.TOKEN_INSPECTED, userId)
                        .withToken(facts(issued)).withDetail("inspected " + issued));
                workspace.audit().record(AuditEvent.failed(Environment.PRODUCTION, AuditAction.TOKEN_ISSUED, userId,
                        "401 for Authorization: Bearer " + created));
                workspace.users().edit(Environment.SANDBOX, userId, UserDetails.label("label " + issued),
                        workspace.users().find(Environment.SANDBOX, userId).orElseThrow().version());
            }
            workspace.settings().setExpectedClientId(Environment.SANDBOX, "support");
            try (Workspace laptop = Workspace.open(laptopFolder.resolve("workspace.db"), clock, new Operator("omar"))) {
                WorkspaceCopy.copy(laptop, workspace);
            }
            assertEquals(5, tokens.size());
            assertEquals(Secret.of(secret), store.secret(Environment.SANDBOX).orElseThrow(), "the secret is in the store");
            assertTrue(workspace.audit().find(AuditQuery.EVERYTHING).size() >= 12, "the session was written");
        }
    }

    /** SQLite: every byte of every file in the folder. PostgreSQL: a plain-text pg_dump, schema and rows. */
    private String content() throws IOException {
        if (backend == TestBackend.POSTGRESQL) {
            String dump = TestPostgres.dump(workspaces.database("workspace.db"));
            assertTrue(dump.contains("COPY public.audit_log"), "a dump with the rows");
            return dump;
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // ISO-8859-1 keeps every byte, so a secret in any corner of a binary file is still found.
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String token(String secret) {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        return JWT.create().withJWTId(UUID.randomUUID().toString()).withSubject(UUID.randomUUID().toString())
                .withClaim("client_id", "support").withIssuedAt(now).withExpiresAt(now.plusSeconds(3600))
                .sign(Algorithm.HMAC256(secret));
    }

    private static TokenFacts facts(String token) {
        return TokenFacts.of(JWT.decode(token).getId(), JWT.decode(token).getExpiresAtAsInstant());
    }
}
