package io.tokenconsole.link;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenconsole.argyle.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Writes the page that initialises Link for one user token: {@code Argyle.create({userToken,
 * sandbox, …})} with every callback wired, then {@code open()}. Every value the page needs sits in
 * one JSON block ({@code <script type="application/json">}, escaped by {@link ScriptJson}); the
 * page's code reads it with {@code JSON.parse}, so no value is ever pasted into code or markup.
 *
 * <p>Two forms: the page the {@link LinkHost} serves (its code is a script of the host, so the
 * Content-Security-Policy can forbid inline scripts; callbacks are posted back to the console),
 * and a standalone page to save and hand on (code inline, callbacks listed on the page only).
 */
public final class LinkPageBuilder {

    /** Argyle's Link 5 web script. */
    public static final String ARGYLE_SCRIPT = "https://plugin.argyle.com/argyle.web.v5.js";
    /** The origin of {@link #ARGYLE_SCRIPT}, for the Content-Security-Policy. */
    public static final String ARGYLE_SCRIPT_ORIGIN = "https://plugin.argyle.com";
    /** The label the local sandbox's stand-in shows, so nobody takes it for Argyle's Link. */
    public static final String STAND_IN_LABEL = "Local sandbox \u2014 Link stand-in";

    static final String PAGE_SCRIPT_RESOURCE = "/link/link-page.js";
    static final String STAND_IN_SCRIPT_RESOURCE = "/link/link-stand-in.js";

    private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    /** Where the hosted page's script, callbacks and token requests go, and the nonce that proves the page. */
    record HostWiring(String pageScript, String linkScript, String events, String token, String nonce,
                      String standInVerify, long standInTokenWaitMillis) {
    }

    /**
     * The standalone page: saved to a file and opened anywhere, with the token inside. Only for
     * Argyle's sandbox and production; the local sandbox's Link is the console's stand-in, which
     * lives only in the console's host.
     *
     * @param issuedAt when the token was issued: the page says it expires one hour later
     */
    public String standalonePage(Environment environment, String userId, String userToken, LinkOptions options,
                                 Instant issuedAt) {
        if (environment == Environment.LOCAL) {
            throw new IllegalArgumentException("A saved Link page works only for Argyle's sandbox or production:"
                    + " the local sandbox's Link stand-in runs only inside the console. Open Link instead.");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        ObjectNode config = config(environment, userId, userToken, options);
        config.put("scriptUrl", ARGYLE_SCRIPT);
        Instant expires = issuedAt.truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.HOURS);
        String notice = "The user token in this page was issued at " + UTC_MINUTES.format(issuedAt)
                + " and expires one hour after issue, at " + UTC_MINUTES.format(expires)
                + ". After that Link reports an expired token: make a new page in Token Console.";
        String code = "\n" + resource(PAGE_SCRIPT_RESOURCE) + "\n";
        // A file has no response headers: the policy rides in a meta element, naming the one inline script by its hash.
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'sha256-" + sha256(code) + "' "
                + ARGYLE_SCRIPT_ORIGIN + "; object-src 'none'; base-uri 'none'\">";
        return page(environment, config, notice, policy, "<script>" + code + "</script>");
    }

    /** The page the host serves for one session; its code comes from the host ({@code script-src 'self'}). */
    String hostedPage(Environment environment, String userId, String userToken, LinkOptions options, HostWiring host) {
        ObjectNode config = config(environment, userId, userToken, options);
        config.put("scriptUrl", host.linkScript());
        ObjectNode wiring = config.putObject("host");
        wiring.put("events", host.events()).put("token", host.token()).put("nonce", host.nonce());
        if (host.standInVerify() != null) {
            config.putObject("standIn").put("verify", host.standInVerify())
                    .put("tokenWaitMillis", host.standInTokenWaitMillis());
        }
        String notice = "This page is served by Token Console on this computer; every callback appears in the console as it"
                + " happens. It works while the console keeps the session open.";
        return page(environment, config, notice, "", "<script src=\"" + host.pageScript() + "\"></script>");
    }

    private static ObjectNode config(Environment environment, String userId, String userToken, LinkOptions options) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(userToken, "userToken");
        Objects.requireNonNull(options, "options");
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("environment", environment.id());
        config.put("environmentName", environment.displayName());
        config.put("userId", userId);
        config.put("standInLabel", STAND_IN_LABEL);
        ObjectNode link = config.putObject("link");
        link.put("userToken", userToken);
        link.put("sandbox", environment.linkSandboxFlag());
        options.flowId().ifPresent(flowId -> link.put("flowId", flowId));
        if (!options.items().isEmpty()) {
            options.items().forEach(link.putArray("items")::add);
        }
        options.linkKey().ifPresent(linkKey -> link.put("linkKey", linkKey));
        return config;
    }

    private static String page(Environment environment, ObjectNode config, String notice, String policy, String code) {
        // Only fixed text and ScriptJson's output reach the markup; the notice holds only our own words and times.
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">%s
                <meta name="referrer" content="no-referrer">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Link \u2014 %s \u2014 Token Console</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
                header { padding: 12px 20px; color: #fff; background: #0969da; }
                header.production { background: #cf222e; }
                header.local { background: #1a7f37; }
                header h1 { margin: 0; font-size: 18px; }
                main { padding: 16px 20px; max-width: 960px; }
                #status { font-weight: 600; }
                #notice { color: #57606a; font-size: 13px; }
                #timeline { list-style: none; padding: 0; font-family: ui-monospace, monospace; font-size: 12px; }
                #timeline li { padding: 4px 0; border-bottom: 1px solid #d0d7de; white-space: pre-wrap; word-break: break-all; }
                button { font-size: 14px; padding: 6px 14px; }
                </style>
                </head>
                <body>
                <header class="%s"><h1 id="title">Link \u2014 %s</h1><div id="user"></div></header>
                <main>
                <p id="status">Loading Link\u2026</p>
                <p id="notice">%s</p>
                <p><button id="open-link" type="button" disabled>Open Link</button></p>
                <h2>Callbacks</h2>
                <ol id="timeline"></ol>
                </main>
                <script id="link-config" type="application/json">%s</script>
                %s
                </body>
                </html>
                """.formatted(policy.isEmpty() ? "" : "\n" + policy, environment.displayName(), environment.id(), environment.displayName(), notice,
                ScriptJson.embed(config), code);
    }

    static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String resource(String name) {
        try (InputStream in = LinkPageBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
