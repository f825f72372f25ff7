package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurlReproductionTest {

    private static final URI BASE = URI.create("https://api.argyle.com/v2");
    private static final String USER = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";

    @TempDir
    Path folder;

    @Test
    void theCommandIsTheCallThatIssuedTheTokenWithThePlaceholderForTheSecret() {
        String curl = CurlReproduction.issueToken(BASE, "key-123", USER);
        assertEquals("curl -sS -X POST 'https://api.argyle.com/v2/user-tokens' \\\n"
                + "  -u 'key-123:'\"$ARGYLE_API_KEY_SECRET\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -H 'Accept: application/json' \\\n"
                + "  -d '{\"user\":\"" + USER + "\"}'", curl);
    }

    @Test
    void aTrailingSlashOnTheBaseUrlDoesNotDoubleTheSlash() {
        assertTrue(CurlReproduction.issueToken(URI.create("http://127.0.0.1:8088/v2/"), "k", USER)
                .contains("'http://127.0.0.1:8088/v2/user-tokens'"));
    }

    @Test
    void theShellSeesExactlyTheValuesHoweverHostileTheyAre() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell at /bin/sh");
        Path marker = folder.resolve("pwned");
        String hostileUser = "x'; touch " + marker + "; echo '$(touch " + marker + ")`touch " + marker + "`\"\\\n";
        String hostileKey = "k'$(touch " + marker + ")'\"";
        String curl = CurlReproduction.issueToken(BASE, hostileKey, hostileUser);
        // The same words, handed to a stand-in for curl that prints each argument on its own line.
        List<String> argv = runAsShell(curl.replaceFirst("^curl", "printf '%s\\\\0'"), "s3cr3t");
        assertFalse(Files.exists(marker), "a value ran as a command");
        assertEquals(List.of("-sS", "-X", "POST", "https://api.argyle.com/v2/user-tokens",
                "-u", hostileKey + ":s3cr3t",
                "-H", "Content-Type: application/json", "-H", "Accept: application/json",
                "-d", "{\"user\":\"x'; touch " + marker + "; echo '$(touch " + marker + ")`touch " + marker
                        + "`\\\"\\\\\\n\"}"), argv);
    }

    @Test
    void theSecretIsNeverInTheCommand() {
        String curl = CurlReproduction.issueToken(BASE, "key-123", USER);
        assertTrue(curl.contains(CurlReproduction.SECRET_PLACEHOLDER));
        assertFalse(curl.contains("secret-value"));
    }

    @Test
    void anIssuedTokenNeverShowsInItsTextForm() {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        TokenIssue issue = new TokenIssue(io.tokenconsole.argyle.Environment.LOCAL, USER,
                new io.tokenconsole.argyle.IssuedToken(token), BASE, "key-123");
        assertFalse(issue.toString().contains(token));
        assertFalse(issue.curl().contains(token));
    }

    private List<String> runAsShell(String command, String secret) throws IOException, InterruptedException {
        Path script = folder.resolve("call.sh");
        Files.writeString(script, command + "\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString()).directory(folder.toFile());
        builder.environment().put("ARGYLE_API_KEY_SECRET", secret);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        String text = new String(out, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.length() - 1).split("\0", -1));
    }
}
