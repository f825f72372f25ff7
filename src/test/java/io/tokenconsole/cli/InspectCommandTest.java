package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.inspect.TokenEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDecodedTokenPrintsItsStoryAndExitsZero() {
        CommandRun run = CommandRun.run("inspect", "Bearer " + TestTokens.argyleToken(NOW.minusSeconds(60), "argyle-core-auth-dev"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Status:      VALID (expires in 59 min)"), run.out());
        assertTrue(run.out().contains("removed 'Bearer ' prefix"));
        assertTrue(run.out().contains("Don't rely on the expiry"), "the vendor's advice stands next to the expiry");
        assertTrue(run.out().contains(TestTokens.USER_ID));
    }

    @Test
    void jsonOutputFollowsTheContractAndTheClockCanBeFixed() throws Exception {
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-prod");
        CommandRun run = CommandRun.run("inspect", token, "--json", "--now", String.valueOf(NOW.getEpochSecond() + 7200));
        assertEquals(0, run.exitCode());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("expired", out.get("status").asText());
        assertEquals(-3600, out.get("expires_in_seconds").asLong());
        assertEquals("production", out.get("environment").asText());
    }

    @Test
    void standardInputIsReadWithADash() throws Exception {
        String answer = "{\"id\":\"" + TestTokens.USER_ID + "\",\"user_token\":\"" + TestTokens.argyleToken(NOW, "argyle-core-auth-dev") + "\"}";
        CommandRun run = CommandRun.run(answer, Map.of(), "inspect", "-", "--json");
        assertEquals(0, run.exitCode());
        assertEquals("took the token from the JSON field 'user_token'", JSON.readTree(run.out()).at("/input/notes/0").asText());
    }

    @Test
    void junkExitsOneWithTheCodeAndNoStackTrace() throws Exception {
        CommandRun text = CommandRun.run("inspect", "not a token");
        assertEquals(1, text.exitCode());
        assertTrue(text.err().startsWith("No token: "), text.err());
        assertTrue(text.err().contains("[NOT_A_JWT]"));
        assertFalse(text.err().contains("Exception"));

        CommandRun json = CommandRun.run("inspect", "--json", "a.b.c.d");
        assertEquals(1, json.exitCode());
        assertEquals("NOT_A_JWT", JSON.readTree(json.out()).at("/error/code").asText());
    }

    @Test
    void tooLargeStandardInputIsRefused() throws Exception {
        CommandRun run = CommandRun.run("x".repeat(1_100_000), Map.of(), "inspect", "-", "--json");
        assertEquals(1, run.exitCode());
        assertEquals("TOO_LARGE", JSON.readTree(run.out()).at("/error/code").asText());
    }

    @Test
    void aJwksFileVerifiesTheSignature(@TempDir Path folder) throws Exception {
        KeyPair keys = TestTokens.rsaKeys();
        Path jwks = folder.resolve("jwks.json");
        Files.writeString(jwks, TestTokens.jwks("local-1", (RSAPublicKey) keys.getPublic()), StandardCharsets.UTF_8);
        String token = TestTokens.signed("RS256", "local-1", TestTokens.argylePayload(NOW, TokenEnvironment.LOCAL_ISSUER),
                keys.getPrivate());
        CommandRun run = CommandRun.run("inspect", token, "--json", "--verify-key", jwks.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("valid", JSON.readTree(run.out()).get("signature").asText());
    }

    @Test
    void anHmacSecretIsTakenFromTheEnvironmentNotTheCommandLine() throws Exception {
        String token = TestTokens.hs256(TestTokens.argylePayload(NOW, "argyle-core-auth-dev"),
                "shh".getBytes(StandardCharsets.UTF_8));
        CommandRun run = CommandRun.run("", Map.of("MY_SECRET", "shh"), "inspect", token, "--json",
                "--hmac-secret-env", "MY_SECRET");
        assertEquals("valid", JSON.readTree(run.out()).get("signature").asText());
    }

    @Test
    void usageErrorsExitTwoWithAMessage(@TempDir Path folder) throws Exception {
        CommandRun noToken = CommandRun.run("inspect");
        assertEquals(2, noToken.exitCode());
        assertTrue(noToken.err().contains("'-' to read it from standard input"));

        Path notAKey = folder.resolve("key.txt");
        Files.writeString(notAKey, "hello");
        CommandRun badKey = CommandRun.run("inspect", TestTokens.RFC7519_EXAMPLE, "--verify-key", notAKey.toString());
        assertEquals(2, badKey.exitCode());
        assertTrue(badKey.err().contains("neither a PEM public key"), badKey.err());

        CommandRun badEnv = CommandRun.run("inspect", TestTokens.RFC7519_EXAMPLE, "--env", "staging");
        assertEquals(2, badEnv.exitCode());
        assertTrue(badEnv.err().contains("use one of: local, sandbox, production"));
    }

    @Test
    void environmentAndClientChecksComeFromOptions() throws Exception {
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-prod");
        JsonNode out = JSON.readTree(CommandRun.run("inspect", token, "--json", "--env", "sandbox",
                "--expect-client-id", "mine").out());
        assertTrue(out.get("findings").findValuesAsText("code").containsAll(
                java.util.List.of("ENVIRONMENT_MISMATCH", "CLIENT_MISMATCH")));
    }

    @Test
    void helpAndVersionWork() {
        CommandRun version = CommandRun.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("token-console "));
        CommandRun help = CommandRun.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("inspect"));
    }
}
