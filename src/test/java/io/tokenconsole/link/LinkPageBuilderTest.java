package io.tokenconsole.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.argyle.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkPageBuilderTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoidSJ9.c2lnbmF0dXJl";
    private static final String USER = "0186b2a8-0000-4000-8000-000000000001";
    private static final Instant ISSUED = Instant.parse("2026-11-25T10:00:00Z");
    private static final LinkPageBuilder.HostWiring LOCAL_WIRING = new LinkPageBuilder.HostWiring("/s/x/page.js",
            "/s/x/stand-in.js", "/s/x/events", "/s/x/token", "nonce-1", "/s/x/stand-in/verify", 10_000);

    private final LinkPageBuilder builder = new LinkPageBuilder();

    @ParameterizedTest
    @EnumSource(value = Environment.class, names = {"SANDBOX", "PRODUCTION"})
    void theSandboxFlagIsTrueForArgylesSandboxAndFalseForProduction(Environment environment) {
        JsonNode link = LinkPages.config(builder.standalonePage(environment, USER, TOKEN, LinkOptions.NONE, ISSUED)).get("link");
        assertEquals(environment == Environment.SANDBOX, link.get("sandbox").asBoolean());
        assertTrue(link.get("sandbox").isBoolean(), "a real boolean, not the text \"false\" (which JavaScript reads as true)");
        assertEquals(TOKEN, link.get("userToken").asText());
    }

    @Test
    void theLocalSandboxPageLoadsTheStandInWithTheSandboxFlagSet() {
        String page = builder.hostedPage(Environment.LOCAL, USER, TOKEN, LinkOptions.NONE, LOCAL_WIRING);
        JsonNode config = LinkPages.config(page);
        assertTrue(config.get("link").get("sandbox").asBoolean());
        assertEquals("/s/x/stand-in.js", config.get("scriptUrl").asText());
        assertEquals("/s/x/stand-in/verify", config.get("standIn").get("verify").asText());
        assertEquals("nonce-1", config.get("host").get("nonce").asText());
        assertFalse(page.contains(LinkPageBuilder.ARGYLE_SCRIPT), "the stand-in page never loads Argyle's script");
    }

    @Test
    void argylesPagesLoadArgylesLinkFiveScript() {
        String hosted = builder.hostedPage(Environment.SANDBOX, USER, TOKEN, LinkOptions.NONE,
                new LinkPageBuilder.HostWiring("/s/x/page.js", LinkPageBuilder.ARGYLE_SCRIPT, "/s/x/events", "/s/x/token",
                        "n", null, 0));
        assertEquals("https://plugin.argyle.com/argyle.web.v5.js", LinkPages.config(hosted).get("scriptUrl").asText());
        assertFalse(LinkPages.config(hosted).has("standIn"));
        assertTrue(hosted.contains("<script src=\"/s/x/page.js\"></script>"), "the hosted page's code is the host's script");
        assertEquals(2, LinkPages.count(hosted, "<script"), "no inline code: the config block and the host's script");
    }

    @Test
    void theLocalSandboxCannotBeSavedAsAStandalonePage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> builder.standalonePage(Environment.LOCAL, USER, TOKEN, LinkOptions.NONE, ISSUED));
        assertTrue(refused.getMessage().contains("Argyle's sandbox or production"), refused.getMessage());
    }

    @Test
    void optionalValuesAreSentOnlyWhenSet() {
        JsonNode bare = LinkPages.config(builder.standalonePage(Environment.SANDBOX, USER, TOKEN,
                LinkOptions.of("  ", List.of(" ", ""), null), ISSUED)).get("link");
        assertFalse(bare.has("flowId"));
        assertFalse(bare.has("items"));
        assertFalse(bare.has("linkKey"), "Link 5 needs no linkKey: it is left out unless the settings hold one");

        JsonNode full = LinkPages.config(builder.standalonePage(Environment.SANDBOX, USER, TOKEN,
                LinkOptions.of("flow_123", List.of("item_1", " item_2 ", "item_1"), "legacy-key"), ISSUED)).get("link");
        assertEquals("flow_123", full.get("flowId").asText());
        assertEquals(List.of("item_1", "item_2"), List.of(full.get("items").get(0).asText(), full.get("items").get(1).asText()));
        assertEquals(2, full.get("items").size(), "blank and repeated items are dropped");
        assertEquals("legacy-key", full.get("linkKey").asText());
    }

    @Test
    void everyCallbackIsWiredInThePagesCode() {
        String code = LinkPageBuilder.resource(LinkPageBuilder.PAGE_SCRIPT_RESOURCE);
        for (String callback : LinkEvent.CALLBACKS) {
            assertTrue(code.contains(callback + ":"), callback + " is passed to Argyle.create");
        }
        assertTrue(code.contains("updateToken(fresh.userToken)"), "onTokenExpired hands Link the new token");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "</script><script>alert(1)</script>",
        "</SCRIPT ><img src=x onerror=alert(1)>",
        "<!--<script>",
        "\"quotes\" and 'single' and \\backslash\\",
        "line\nbreak\r\nand\ttab",
        "separators\u2028and\u2029here",
        "]]> & &amp; ${x} `tick`"})
    void noValueCanBreakOutOfTheScript(String hostile) {
        LinkOptions options = LinkOptions.of(hostile, List.of(hostile), hostile);
        for (String page : List.of(
                builder.standalonePage(Environment.PRODUCTION, hostile, hostile, options, ISSUED),
                builder.hostedPage(Environment.LOCAL, hostile, hostile, options, LOCAL_WIRING))) {
            JsonNode config = LinkPages.config(page);
            assertEquals(hostile.strip(), config.get("link").get("flowId").asText(), "the value arrives unchanged");
            assertEquals(hostile, config.get("link").get("userToken").asText());
            assertEquals(hostile, config.get("userId").asText());
            String block = page.substring(page.indexOf("<script id=\"link-config\""));
            block = block.substring(0, block.indexOf("</script>"));
            String lower = block.toLowerCase(Locale.ROOT);
            assertFalse(lower.substring(1).contains("<"), "no '<' inside the config block: " + block);
            assertFalse(lower.contains("\u2028") || lower.contains("\u2029"));
            assertFalse(block.contains("\n") || block.contains("\r"), "line breaks stay escaped");
        }
    }

    @Test
    void theSavedPageSaysTheTokenExpiresAnHourAfterIssue() {
        String page = builder.standalonePage(Environment.SANDBOX, USER, TOKEN, LinkOptions.NONE, ISSUED);
        assertTrue(page.contains("expires one hour after issue, at 2026-11-25 11:00 UTC"), page);
        assertTrue(page.contains("issued at 2026-11-25 10:00 UTC"));
        assertFalse(LinkPages.config(page).has("host"), "a saved page has no console to report to");
    }

    @Test
    void theSavedPageRunsOnlyItsOwnInlineScriptAndArgyles() {
        String page = builder.standalonePage(Environment.SANDBOX, USER, TOKEN, LinkOptions.NONE, ISSUED);
        int start = page.indexOf("<script>") + "<script>".length();
        String inline = page.substring(start, page.indexOf("</script>", start));
        assertTrue(page.contains("content=\"script-src 'sha256-" + LinkPageBuilder.sha256(inline) + "' https://plugin.argyle.com;"),
                "the meta policy names exactly the page's own code");
        assertEquals(2, LinkPages.count(page, "<script"), "the config block and the page's code, nothing else");
    }

    @Test
    void productionIsShownInItsOwnColourAndName() {
        String page = builder.standalonePage(Environment.PRODUCTION, USER, TOKEN, LinkOptions.NONE, ISSUED);
        assertTrue(page.contains("<header class=\"production\">"));
        assertTrue(page.contains("<title>Link \u2014 Production \u2014 Token Console</title>"));
    }
}
