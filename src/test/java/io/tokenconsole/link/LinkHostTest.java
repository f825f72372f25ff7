package io.tokenconsole.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.TokenMint;
import io.tokenconsole.testing.Sandboxes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Link host over real HTTP, with a local sandbox issuing the fresh tokens. */
class LinkHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVIL_ORIGIN = "http://evil.example";

    private static LocalSandbox sandbox;
    private static ArgyleClient client;
    private static String user;
    private static String otherUser;

    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger issueCalls = new AtomicInteger();
    private volatile RuntimeException issueFailure;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage() + " " + record.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private LinkHost host;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandboxes.start();
        client = Sandboxes.clientFor(sandbox);
        user = client.createUser(new NewUser(null, null, null, null, null, null)).id();
        otherUser = client.createUser(new NewUser(null, null, null, null, null, null)).id();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void startHost() throws IOException {
        Logger.getLogger("").addHandler(logCapture);
        host = LinkHost.start(LinkHost.Settings.DEFAULT, this::issue, localCheck());
    }

    @AfterEach
    void stopHost() {
        host.close();
        Logger.getLogger("").removeHandler(logCapture);
    }

    private IssuedToken issue(Environment environment, String userId) {
        issueCalls.incrementAndGet();
        if (issueFailure != null) {
            throw issueFailure;
        }
        IssuedToken token = client.issueToken(userId);
        issuedTokens.add(token.userToken());
        return token;
    }

    private static StandInTokenCheck localCheck() {
        return SandboxKeyTokenCheck.of(sandbox.signingKey().publicKey(), sandbox.signingKey().keyId(), Clock.systemUTC());
    }

    private LinkSession openLocal() {
        String token = client.issueToken(user).userToken();
        issuedTokens.add(token);
        return host.open(Environment.LOCAL, user, token, LinkOptions.NONE);
    }

    // ---- addresses and pages ----------------------------------------------------------------------

    @Test
    void anUnknownSessionIsNotFound() {
        LinkSession session = openLocal();
        String nonce = nonceOf(session);
        URI unknown = host.origin().resolve("/s/" + "A".repeat(43) + "/");
        assertEquals(404, get(unknown).statusCode());
        assertEquals(404, post(unknown.resolve("events"), host.origin().toString(), nonce, callback("onClose")).statusCode());
        assertEquals(404, get(host.origin().resolve("/")).statusCode());
        assertEquals(404, get(session.pageAddress().resolve("no-such-thing")).statusCode());
        HttpResponse<String> answer = get(unknown);
        assertTrue(answer.body().contains("Open Link again"), "says what to do: " + answer.body());
    }

    @Test
    void eachSessionHasItsOwnUnguessablePath() {
        LinkSession first = openLocal();
        LinkSession second = openLocal();
        assertNotEquals(first.pageAddress(), second.pageAddress());
        String segment = first.pageAddress().getPath().split("/")[2];
        assertTrue(Base64.getUrlDecoder().decode(segment).length * 8 >= 128, "at least 128 random bits: " + segment);
        assertEquals("127.0.0.1", first.pageAddress().getHost());
        assertNotEquals(nonceOf(first), nonceOf(second), "each page has its own nonce");
    }

    @Test
    void thePageIsNeverCachedAndAllowsScriptsOnlyFromTheHostAndArgyle() {
        HttpResponse<String> local = get(openLocal().pageAddress());
        assertEquals(200, local.statusCode());
        assertEquals("no-store", local.headers().firstValue("Cache-Control").orElse(""));
        String localPolicy = local.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(localPolicy.contains("script-src 'self';"), localPolicy);

        LinkSession sandboxSession = host.open(Environment.SANDBOX, user, "a.b.c", LinkOptions.NONE);
        HttpResponse<String> argyle = get(sandboxSession.pageAddress());
        String policy = argyle.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self' https://plugin.argyle.com;"), policy);
        assertFalse(policy.contains("unsafe-inline';") && policy.contains("script-src 'unsafe-inline"), policy);
        assertEquals("no-store", get(sandboxSession.pageAddress().resolve("page.js")).headers()
                .firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theStandInIsNeverServedForArgylesSandboxOrProduction() {
        for (Environment environment : List.of(Environment.SANDBOX, Environment.PRODUCTION)) {
            LinkSession session = host.open(environment, user, "a.b.c", LinkOptions.NONE);
            assertEquals(404, get(session.pageAddress().resolve("stand-in.js")).statusCode());
            assertEquals(404, post(session.pageAddress().resolve("stand-in/verify"), host.origin().toString(),
                    nonceOf(session), "{\"userToken\":\"a.b.c\"}").statusCode());
            assertEquals(LinkPageBuilder.ARGYLE_SCRIPT, LinkPages.config(get(session.pageAddress()).body())
                    .get("scriptUrl").asText());
        }
        assertEquals(200, get(openLocal().pageAddress().resolve("stand-in.js")).statusCode());
    }

    @Test
    void aPageAskedForUnderAnotherHostNameIsRefused() throws IOException {
        // DNS rebinding: a site whose name now points at 127.0.0.1 sends its own name as Host.
        LinkSession session = openLocal();
        try (Socket socket = new Socket("127.0.0.1", host.origin().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + session.pageAddress().getPath() + " HTTP/1.1\r\nHost: evil.example:"
                    + host.origin().getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertFalse(answer.contains("eyJ"), "no token in the refusal");
        }
    }

    // ---- callbacks --------------------------------------------------------------------------------

    @Test
    void callbacksFromItsOwnPageReachEveryListenerInOrder() {
        LinkSession session = openLocal();
        List<LinkEvent> seen = new CopyOnWriteArrayList<>();
        session.subscribe((from, event) -> seen.add(event));
        String nonce = nonceOf(session);
        String connected = "{\"name\":\"onAccountConnected\",\"at\":\"2026-11-25T10:00:01.250Z\",\"payload\":"
                + "{\"accountId\":\"acc-1\",\"userId\":\"" + user + "\",\"itemId\":\"item_1\"}}";
        assertEquals(204, post(session.pageAddress().resolve("events"), host.origin().toString(), nonce, connected).statusCode());
        assertEquals(204, post(session.pageAddress().resolve("events"), host.origin().toString(), nonce,
                "{\"name\":\"onCantFindItemClicked\",\"payload\":\"my employer\"}").statusCode());

        assertEquals(List.of("onAccountConnected", "onCantFindItemClicked"), seen.stream().map(LinkEvent::name).toList());
        LinkEvent first = seen.get(0);
        assertTrue(first.isCallback());
        assertEquals(user, first.payloadText("userId").orElseThrow());
        assertEquals("item_1", first.payloadText("itemId").orElseThrow());
        assertEquals(Instant.parse("2026-11-25T10:00:01.250Z"), first.pageTime().orElseThrow());
        assertEquals("my employer", seen.get(1).payload().asText());

        List<String> late = new ArrayList<>();
        session.subscribe((from, event) -> late.add(event.name()));
        assertEquals(List.of("onAccountConnected", "onCantFindItemClicked"), late, "a late listener gets the timeline so far");
    }

    @Test
    void anEventThatIsNoCallbackIsRejected() {
        LinkSession session = openLocal();
        String nonce = nonceOf(session);
        assertEquals(400, post(session.pageAddress().resolve("events"), host.origin().toString(), nonce,
                "{\"name\":\"sessionEnded\"}").statusCode(), "the page cannot speak for the console");
        assertEquals(400, post(session.pageAddress().resolve("events"), host.origin().toString(), nonce, "not json").statusCode());
        assertEquals(400, post(session.pageAddress().resolve("events"), host.origin().toString(), nonce,
                "{\"name\":\"onClose\",\"payload\":\"" + "x".repeat(70_000) + "\"}").statusCode(), "64 KiB at most");
        assertTrue(session.events().isEmpty());
    }

    @Test
    void onlyItsOwnPageMayPostAndEverythingElseGetsAnEmpty403() {
        LinkSession session = openLocal();
        LinkSession other = openLocal();
        String nonce = nonceOf(session);
        String origin = host.origin().toString();
        for (String route : List.of("events", "token", "stand-in/verify")) {
            URI address = session.pageAddress().resolve(route);
            String body = route.equals("events") ? callback("onClose") : "{\"userToken\":\"x\"}";
            List<HttpResponse<String>> refused = List.of(
                    post(address, EVIL_ORIGIN, nonce, body),
                    post(address, null, nonce, body),
                    post(address, "http://localhost:" + host.origin().getPort(), nonce, body),
                    post(address, origin, "wrong", body),
                    post(address, origin, null, body),
                    post(address, origin, nonceOf(other), body),
                    post(address, origin, nonce.substring(1), body),
                    get(address));
            for (HttpResponse<String> answer : refused) {
                assertEquals(403, answer.statusCode(), route + ": " + answer.request().headers().map());
                assertEquals("", answer.body(), "nothing in the body");
            }
        }
        assertEquals(0, issueCalls.get(), "no token was issued for a refused request");
        assertTrue(session.events().isEmpty());
    }

    // ---- fresh tokens -----------------------------------------------------------------------------

    @Test
    void aFreshTokenIsIssuedForTheSessionsOwnUserAndThePageThenHoldsIt() throws IOException {
        LinkSession session = openLocal();
        List<LinkEvent> seen = new CopyOnWriteArrayList<>();
        session.subscribe((from, event) -> seen.add(event));
        HttpResponse<String> answer = post(session.pageAddress().resolve("token"), host.origin().toString(),
                nonceOf(session), "{\"user\":\"" + otherUser + "\"}");
        assertEquals(200, answer.statusCode());
        String fresh = JSON.readTree(answer.body()).get("userToken").asText();
        assertEquals(user, userIdOf(fresh), "the session's user, whatever the request says");
        assertEquals(1, issueCalls.get());
        assertEquals(LinkEvent.FRESH_TOKEN_ISSUED, seen.get(0).name());
        assertEquals(user, seen.get(0).payloadText("userId").orElseThrow());
        assertFalse(seen.get(0).payload().toString().contains(fresh), "the timeline never holds a token");
        assertEquals(fresh, LinkPages.config(get(session.pageAddress()).body()).get("link").get("userToken").asText(),
                "a reload starts Link with the new token");
    }

    @Test
    void whenNoFreshTokenCanBeIssuedThePageGetsNothingAndTheTimelineSaysWhy() {
        issueFailure = new IllegalStateException("Refusing to issue a token in Production without --confirm-production");
        LinkSession session = openLocal();
        HttpResponse<String> answer = post(session.pageAddress().resolve("token"), host.origin().toString(),
                nonceOf(session), "{}");
        assertEquals(503, answer.statusCode());
        assertEquals("", answer.body());
        LinkEvent failed = session.events().get(0);
        assertEquals(LinkEvent.FRESH_TOKEN_FAILED, failed.name());
        assertTrue(failed.payloadText("reason").orElseThrow().contains("--confirm-production"));
    }

    // ---- the stand-in's token check ---------------------------------------------------------------

    @Test
    void theStandInLearnsWhetherTheTokenIsValidExpiredOrNotThisSandboxs() {
        LinkSession session = openLocal();
        assertEquals("valid", verify(session, issuedTokens.get(0)).get("status").asText());
        assertEquals(user, verify(session, issuedTokens.get(0)).get("userId").asText());

        TokenMint hourAgo = new TokenMint(sandbox.signingKey(), sandbox.apiKey().id(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertEquals("expired", verify(session, hourAgo.issueFor(user)).get("status").asText());

        assertEquals("invalid", verify(session, client.issueToken(otherUser).userToken()).get("status").asText(),
                "a token of another user is not this session's");
        TokenMint otherKey = new TokenMint(smallKey(), "x", Clock.systemUTC());
        assertEquals("invalid", verify(session, otherKey.issueFor(user)).get("status").asText(), "signed by another key");
        assertEquals("invalid", verify(session, "not a token").get("status").asText());
    }

    @Test
    void expireThisTokenNowMakesTheCurrentTokenExpiredUntilAFreshOneComes() throws IOException {
        LinkSession session = openLocal();
        String first = issuedTokens.get(0);
        session.expireTokenNow();
        assertEquals("expired", verify(session, first).get("status").asText());
        assertEquals(LinkEvent.TOKEN_EXPIRED_BY_CONSOLE, session.events().get(0).name());
        String fresh = JSON.readTree(post(session.pageAddress().resolve("token"), host.origin().toString(),
                nonceOf(session), "{}").body()).get("userToken").asText();
        assertEquals("valid", verify(session, fresh).get("status").asText());
        assertEquals("expired", verify(session, first).get("status").asText(), "the expired one stays expired");
    }

    @Test
    void onlyALocalSessionsTokenCanBeExpiredFromTheConsole() {
        LinkSession session = host.open(Environment.SANDBOX, user, "a.b.c", LinkOptions.NONE);
        assertFalse(session.canExpireToken());
        IllegalStateException refused = assertThrows(IllegalStateException.class, session::expireTokenNow);
        assertTrue(refused.getMessage().contains("Argyle decides"), refused.getMessage());
    }

    @Test
    void aLocalSessionNeedsTheSandboxsKey() throws IOException {
        try (LinkHost keyless = LinkHost.start(LinkHost.Settings.DEFAULT, this::issue, null)) {
            assertFalse(keyless.servesLocalSandbox());
            assertThrows(IllegalStateException.class, () -> keyless.open(Environment.LOCAL, user, "a.b.c", LinkOptions.NONE));
        }
    }

    // ---- the end of a session ---------------------------------------------------------------------

    @Test
    void aClosedSessionEndsItsTimelineAndItsPageIsGone() {
        LinkSession session = openLocal();
        URI page = session.pageAddress();
        assertEquals(200, get(page).statusCode());
        session.close();
        assertFalse(session.isOpen());
        assertEquals(LinkEvent.SESSION_ENDED, session.events().get(session.events().size() - 1).name());
        assertEquals(404, get(page).statusCode());
        assertTrue(host.sessions().isEmpty());
    }

    @Test
    void anIdleSessionEndsByItself() throws Exception {
        try (LinkHost quick = LinkHost.start(LinkHost.Settings.DEFAULT.withIdleTimeout(Duration.ofMillis(300)),
                this::issue, localCheck())) {
            LinkSession session = quick.open(Environment.LOCAL, user, client.issueToken(user).userToken(), LinkOptions.NONE);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (session.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(session.isOpen(), "ended after its idle time");
            LinkEvent last = session.events().get(session.events().size() - 1);
            assertTrue(last.payloadText("reason").orElseThrow().startsWith("idle"), last.toLine());
            assertEquals(404, get(session.pageAddress()).statusCode());
        }
    }

    // ---- secrets ----------------------------------------------------------------------------------

    @Test
    void noTokenReachesTheTimelineTheLogOrAnError() throws IOException {
        LinkSession session = openLocal();
        String token = issuedTokens.get(0);
        session.subscribe((from, event) -> {
            throw new IllegalStateException("listener broke on " + token);
        });
        String nonce = nonceOf(session);
        post(session.pageAddress().resolve("events"), host.origin().toString(), nonce,
                "{\"name\":\"onError\",\"payload\":{\"errorType\":\"x\",\"errorMessage\":\"bad token " + token + "\"}}");
        String fresh = JSON.readTree(post(session.pageAddress().resolve("token"), host.origin().toString(), nonce, "{}")
                .body()).get("userToken").asText();
        post(session.pageAddress().resolve("events"), host.origin().toString(), nonce,
                "{\"name\":\"onUIEvent\",\"payload\":{\"properties\":{\"t\":\"" + fresh + "\"}}}");
        get(host.origin().resolve("/s/unknown/"));
        session.close();

        assertTrue(session.events().get(0).payloadText("errorMessage").orElseThrow().contains("(token removed)"));
        assertFalse(logged.isEmpty(), "the broken listener was logged");
        for (String text : allText(session)) {
            for (String secret : issuedTokens) {
                assertFalse(text.contains(secret), "a token leaked into: " + text);
            }
        }
        assertFalse(session.toString().contains(token));
    }

    private List<String> allText(LinkSession session) {
        List<String> texts = new ArrayList<>(logged);
        session.events().forEach(event -> {
            texts.add(event.toLine());
            texts.add(event.toJson().toString());
        });
        return texts;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Another sandbox's key; 1024 bits is plenty to be "not this sandbox's" and quick to make. */
    private static io.tokenconsole.emulator.SigningKey smallKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return io.tokenconsole.emulator.SigningKey.of(generator.generateKeyPair());
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String callback(String name) {
        return "{\"name\":\"" + name + "\",\"payload\":null}";
    }

    private JsonNode verify(LinkSession session, String token) {
        HttpResponse<String> answer = post(session.pageAddress().resolve("stand-in/verify"), host.origin().toString(),
                nonceOf(session), JSON.createObjectNode().put("userToken", token).toString());
        assertEquals(200, answer.statusCode());
        try {
            return JSON.readTree(answer.body());
        } catch (IOException notJson) {
            throw new AssertionError(answer.body(), notJson);
        }
    }

    private static String userIdOf(String token) throws IOException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).get("user_id").asText();
    }

    private String nonceOf(LinkSession session) {
        return LinkPages.config(get(session.pageAddress()).body()).get("host").get("nonce").asText();
    }

    private static HttpResponse<String> get(URI address) {
        return send(HttpRequest.newBuilder(address).GET());
    }

    private static HttpResponse<String> post(URI address, String origin, String nonce, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (nonce != null) {
            request.header(LinkHost.NONCE_HEADER, nonce);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return Sandboxes.http().send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
