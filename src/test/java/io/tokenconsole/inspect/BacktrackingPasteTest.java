package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The pastes that froze the old regular expressions (17 s for "eyJ" x 33,333 and "!", over a minute
 * at 1 MiB) come back at once: every scan of a paste is linear in its length.
 */
class BacktrackingPasteTest {

    private final TokenInspector inspector = new TokenInspector();

    private Inspection inspect(String paste) {
        return assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> inspector.inspect(paste, InspectionContext.at(Instant.parse("2026-11-25T10:00:00Z"))));
    }

    @Test
    void repeatedJoseStartsWithNoDotsAreNotAToken() {
        for (String paste : new String[] {"eyJ".repeat(33_333) + "!", "eyJ".repeat(349_000) + "!", "eyJ.".repeat(260_000) + "!"}) {
            Inspection result = inspect(paste);
            assertTrue(result instanceof Inspection.Failed, paste.length() + " chars");
        }
    }

    @Test
    void unclosedLinkSnippetsAndPemBlocksAreFoundOrRefusedAtOnce() {
        inspect("userToken: '".repeat(80_000));
        inspect(("userToken = \"" + "a".repeat(100)).repeat(8_000));
        VerificationKeys keys = new VerificationKeys(TokenInspector.defaultJson());
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            try {
                keys.parsePublic("-----BEGIN A-----".repeat(60_000));
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().contains("incomplete"), refused.getMessage());
            }
        });
    }

    @Test
    void aTokenAfterALongLogLineIsStillPickedOut() {
        String token = TestTokens.argyleToken(Instant.parse("2026-11-25T09:00:00Z"), "argyle");
        Inspection result = inspect("eyJ".repeat(100_000) + " request failed for " + token + " at 10:00");

        assertTrue(result instanceof Inspection.Decoded, result.toString());
        assertEquals(token, ((Inspection.Decoded) result).report().input().candidate());
    }
}
