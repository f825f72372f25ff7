package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What is left of an echoed request after the redaction: no form of the key, ordinary words intact. */
class RedactionTest {

    private static final Credentials KEY = new Credentials("support", "s3cr3t-Value/with+chars");
    private static final byte[] PAIR = ("support:" + KEY.secret()).getBytes(StandardCharsets.UTF_8);

    private final Redaction redaction = new Redaction(KEY);

    @Test
    void everyFormOfTheKeyPairIsRemovedWhereverItStands() {
        String standard = Base64.getEncoder().encodeToString(PAIR);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(PAIR);
        String echoed = "echo: authorization=" + standard + " ; pair " + urlSafe + " ; raw support:" + KEY.secret()
                + " ; query secret=" + java.net.URLEncoder.encode(KEY.secret(), StandardCharsets.UTF_8);

        String clean = redaction.scrub(echoed);

        for (String form : new String[] {standard, urlSafe, KEY.secret(), standard.replace("=", ""),
                java.net.URLEncoder.encode(KEY.secret(), StandardCharsets.UTF_8)}) {
            assertFalse(clean.contains(form), form + " survived in " + clean);
        }
        assertTrue(clean.contains("(secret hidden)"), clean);
    }

    @Test
    void anyAuthorizationHeaderLosesItsValueInTextAndInJson() {
        String headers = "Host: 127.0.0.1\nAuthorization: Bearer abc.def-ghi\nUser-Agent: token-console";
        String json = "{\"headers\": {\"authorization\": [\"Basic Zm9vOmJhcg==\"], \"accept\": [\"application/json\"]}}";

        assertEquals("Host: 127.0.0.1 Authorization: (secret hidden) User-Agent: token-console", redaction.scrub(headers));
        assertEquals("{\"headers\": {\"authorization\": [\"(secret hidden)\"], \"accept\": [\"application/json\"]}}",
                redaction.scrub(json));
        assertEquals("proxy said: Basic (secret hidden) was refused", redaction.scrub("proxy said: Basic dXNlcjpwYXNz was refused"));
    }

    @Test
    void aVeryShortSecretIsRemovedAsAWordButNotInsideOrdinaryWords() {
        Redaction shortSecret = new Redaction(new Credentials("k", "s"));

        assertEquals("A server error", shortSecret.scrub("A server error"));
        assertEquals("secret is (secret hidden) here", shortSecret.scrub("secret is s here"));
    }

    @Test
    void scrubbingIsLinearSoAHostileBodyCannotStallIt() {
        String[] hostile = {
            "eyJ".repeat(400_000) + "!",
            "a".repeat(1_000_000) + ".",
            ("aaaaaaaaaaaa.").repeat(80_000),
            "authorization".repeat(80_000),
            "Basic ".repeat(150_000),
        };
        for (String body : hostile) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> redaction.scrub(body), body.substring(0, 20));
        }
    }
}
