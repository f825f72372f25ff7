package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasteCleanerTest {

    private static final String TOKEN = TestTokens.argyleToken(Instant.parse("2026-11-25T10:00:00Z"),
            "argyle-core-auth-dev");
    private final PasteCleaner cleaner = new PasteCleaner(TokenInspector.defaultJson());

    @Test
    void aRawTokenIsTakenAsItIsWithoutNotes() {
        CleanedInput input = cleaner.clean(TOKEN);
        assertEquals(TOKEN, input.candidate());
        assertFalse(input.cleaned());
    }

    @Test
    void bearerPrefixIsRemovedAndSaid() {
        CleanedInput input = cleaner.clean("Bearer " + TOKEN);
        assertEquals(TOKEN, input.candidate());
        assertEquals(java.util.List.of("removed 'Bearer ' prefix"), input.notes());
    }

    @Test
    void aWholeAuthorizationHeaderIsUnderstood() {
        CleanedInput input = cleaner.clean("  authorization: bearer   " + TOKEN + "\n");
        assertEquals(TOKEN, input.candidate());
        assertTrue(input.notes().contains("removed 'Authorization:' header name"));
        assertTrue(input.notes().contains("removed 'Bearer ' prefix"));
    }

    @Test
    void quotesOfAnyKindAreRemoved() {
        assertEquals(TOKEN, cleaner.clean("\"" + TOKEN + "\"").candidate());
        assertEquals(TOKEN, cleaner.clean("'" + TOKEN + "'").candidate());
        assertEquals(TOKEN, cleaner.clean("`" + TOKEN + "`").candidate());
        assertEquals(TOKEN, cleaner.clean("\"" + TOKEN + "\",").candidate());
        assertTrue(cleaner.clean("'" + TOKEN + "'").notes().contains("removed surrounding quotes"));
    }

    @Test
    void quotedBearerHeaderIsPeeledInEitherOrder() {
        assertEquals(TOKEN, cleaner.clean("\"Bearer " + TOKEN + "\"").candidate());
        assertEquals(TOKEN, cleaner.clean("Authorization: \"Bearer " + TOKEN + "\"").candidate());
    }

    @Test
    void proseThatHoldsNoTokenIsLeftAsItIsWithoutACleanUpNote() {
        for (String prose : new String[] {"hello world", "please check this one", "see you. bye. ok"}) {
            CleanedInput input = cleaner.clean(prose);
            assertEquals(prose, input.candidate());
            assertEquals(java.util.List.of(), input.notes(), prose);
        }
        CleanedInput spaced = cleaner.clean(TOKEN.substring(0, 40) + " " + TOKEN.substring(40));
        assertEquals(java.util.List.of("removed spaces inside the token"), spaced.notes());
    }

    @Test
    void aTokenWrappedAcrossIndentedLinesIsJoined() {
        String wrapped = "    " + TOKEN.substring(0, 50) + "\n        " + TOKEN.substring(50, 120) + "\r\n\t"
                + TOKEN.substring(120);
        CleanedInput input = cleaner.clean(wrapped);
        assertEquals(TOKEN, input.candidate());
        assertEquals(java.util.List.of("joined 3 lines and removed the indentation"), input.notes());
    }

    @Test
    void aShellLineContinuationIsJoinedToo() {
        assertEquals(TOKEN, cleaner.clean(TOKEN.substring(0, 40) + "\\\n" + TOKEN.substring(40)).candidate());
    }

    @Test
    void theTokenIsTakenFromAPastedJsonAnswer() {
        CleanedInput input = cleaner.clean("{\n  \"id\": \"" + TestTokens.USER_ID + "\",\n  \"user_token\": \""
                + TOKEN + "\"\n}");
        assertEquals(TOKEN, input.candidate());
        assertEquals(java.util.List.of("took the token from the JSON field 'user_token'"), input.notes());
    }

    @Test
    void theTokenIsFoundInNestedJson() {
        assertEquals(TOKEN, cleaner.clean("{\"data\": [{\"user_token\": \"" + TOKEN + "\"}]}").candidate());
    }

    @Test
    void theTokenIsTakenFromALinkInitialisationSnippet() {
        String snippet = "const linkInstance = Argyle.create({\n  userToken: '" + TOKEN + "',\n  sandbox: true,\n"
                + "  onAccountConnected: (payload) => console.log(payload),\n});\nlinkInstance.open();";
        CleanedInput input = cleaner.clean(snippet);
        assertEquals(TOKEN, input.candidate());
        assertEquals(java.util.List.of("took the userToken from a Link initialisation snippet"), input.notes());
    }

    @Test
    void aTokenInALogLineIsPickedOut() {
        CleanedInput input = cleaner.clean("2026-11-25 10:00:01 INFO request token=" + TOKEN + " status=401");
        assertEquals(TOKEN, input.candidate());
        assertTrue(input.notes().contains("picked the token out of the surrounding text"));
    }

    @Test
    void invisibleCharactersFromChatToolsAreDropped() {
        assertEquals(TOKEN, cleaner.clean("\uFEFF" + TOKEN + "\u200B").candidate());
    }

    @Test
    void textWithoutATokenIsLeftForTheDecoderToJudge() {
        assertEquals("hello world, no token here", cleaner.clean("hello world, no token here").candidate());
    }

    @Test
    void aMillionTrailingCommasAreTakenOffInOnePass() {
        String paste = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." + ",".repeat(1_000_000) + ";";
        CleanedInput cleaned = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> new PasteCleaner(new com.fasterxml.jackson.databind.ObjectMapper())
                        .clean(paste), "the clean-up must be linear in the paste (it was quadratic)");
        org.junit.jupiter.api.Assertions.assertEquals("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", cleaned.candidate());
    }
}
