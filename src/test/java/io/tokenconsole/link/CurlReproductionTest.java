package io.tokenconsole.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurlReproductionTest {

    private static final URI SANDBOX = URI.create("https://api-sandbox.argyle.com/v2");

    @Test
    void theTokenCallReadsKeyAndSecretFromTheEnvironment() {
        assertEquals("""
                curl -sS -X POST 'https://api-sandbox.argyle.com/v2/user-tokens' \\
                  -u "$ARGYLE_API_KEY_ID:$ARGYLE_API_KEY_SECRET" \\
                  -H 'Content-Type: application/json' \\
                  -d '{"user":"0186b2a8-0000-4000-8000-000000000001"}'""",
                CurlReproduction.tokenCall(SANDBOX, Optional.empty(), " 0186b2a8-0000-4000-8000-000000000001 "));
    }

    @Test
    void aKeyIdIsWrittenOutButTheSecretNever() {
        String curl = CurlReproduction.tokenCall(URI.create("https://api.argyle.com/v2/"), Optional.of("key_123"), "u-1");
        assertTrue(curl.contains("-u \"key_123:$ARGYLE_API_KEY_SECRET\""), curl);
        assertTrue(curl.contains("'https://api.argyle.com/v2/user-tokens'"), "no double slash: " + curl);
    }

    @Test
    void oddCharactersCannotEscapeTheirQuotes() {
        String curl = CurlReproduction.tokenCall(SANDBOX, Optional.of("k\"$(rm -rf ~)`x`"), "it's'; rm -rf ~");
        assertTrue(curl.contains("-u \"k\\\"\\$(rm -rf ~)\\`x\\`:$ARGYLE_API_KEY_SECRET\""), curl);
        assertTrue(curl.contains("-d '{\"user\":\"it'\\''s'\\''; rm -rf ~\"}'"), curl);
        assertFalse(curl.contains("$(rm") && !curl.contains("\\$(rm"), curl);
    }
}
