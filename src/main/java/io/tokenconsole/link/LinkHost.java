package io.tokenconsole.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's Link host: a small HTTP server on 127.0.0.1 (a free port) serving one page per
 * {@link LinkSession} at {@code /s/<256 random bits>/}. The page posts every callback back here;
 * on {@code onTokenExpired} it asks here for a new token, which the {@link FreshTokenSource} issues
 * for the session's own user. For the local sandbox the host also serves the Link stand-in and
 * checks its tokens.
 *
 * <p>What the page may call answers only to its own page: the request's {@code Origin} must be this
 * host and it must carry the session's nonce (from the page), else 403 with an empty body. An
 * unknown or ended session is 404. Every answer says {@code Cache-Control: no-store}; pages carry a
 * Content-Security-Policy that allows scripts only from this host and Argyle's script origin.
 */
public final class LinkHost implements AutoCloseable {

    static final String NONCE_HEADER = "X-Link-Nonce";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String SESSION_PREFIX = "/s/";
    private static final System.Logger LOG = System.getLogger(LinkHost.class.getName());

    /**
     * @param idleTimeout a session nobody has used for this long ends by itself
     * @param standInTokenWait how long the stand-in waits for a new token after {@code onTokenExpired}
     *        before it reports {@code expired_user_token}
     */
    public record Settings(Duration idleTimeout, Duration standInTokenWait, Clock clock) {

        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(30), Duration.ofSeconds(10), Clock.systemUTC());

        public Settings {
            Objects.requireNonNull(clock, "clock");
            if (idleTimeout.isNegative() || idleTimeout.isZero() || standInTokenWait.isNegative()) {
                throw new IllegalArgumentException("The idle time must be positive and the token wait not negative");
            }
        }

        public Settings withIdleTimeout(Duration value) {
            return new Settings(value, standInTokenWait, clock);
        }

        public Settings withClock(Clock value) {
            return new Settings(idleTimeout, standInTokenWait, value);
        }

        public Settings withStandInTokenWait(Duration value) {
            return new Settings(idleTimeout, value, clock);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final Settings settings;
    private final FreshTokenSource tokens;
    private final StandInTokenCheck standInCheck;
    private final Map<String, LinkSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();
    private final LinkPageBuilder pages = new LinkPageBuilder();
    private final String origin;
    private final String hostHeader;

    private LinkHost(HttpServer server, ExecutorService workers, ScheduledExecutorService sweeper, Settings settings,
                     FreshTokenSource tokens, StandInTokenCheck standInCheck) {
        this.server = server;
        this.workers = workers;
        this.sweeper = sweeper;
        this.settings = settings;
        this.tokens = tokens;
        this.standInCheck = standInCheck;
        this.hostHeader = "127.0.0.1:" + server.getAddress().getPort();
        this.origin = "http://" + hostHeader;
    }

    /**
     * Starts serving on 127.0.0.1 at a free port.
     *
     * @param standInCheck how the local sandbox's stand-in checks tokens; {@code null} when no local
     *        sandbox is known (then local sessions cannot be opened)
     */
    public static LinkHost start(Settings settings, FreshTokenSource tokens, StandInTokenCheck standInCheck)
            throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tokens, "tokens");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, task -> daemon(task, "link-host-" + count.incrementAndGet()));
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "link-host-idle"));
        server.setExecutor(workers);
        LinkHost host = new LinkHost(server, workers, sweeper, settings, tokens, standInCheck);
        server.createContext("/", host::handle);
        server.start();
        long sweepMillis = Math.max(50, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(host::endIdleSessions, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        return host;
    }

    /** {@code http://127.0.0.1:PORT}: the origin every page of this host has. */
    public URI origin() {
        return URI.create(origin);
    }

    public List<LinkSession> sessions() {
        return List.copyOf(sessions.values());
    }

    /** True when this host can open local-sandbox sessions (it knows how to check the sandbox's tokens). */
    public boolean servesLocalSandbox() {
        return standInCheck != null;
    }

    /**
     * Opens a session for a token just issued to {@code userId}. The page's address is
     * {@link LinkSession#pageAddress()}; nothing is sent anywhere until a browser opens it.
     *
     * @throws IllegalStateException for the local sandbox when this host has no way to check its tokens
     */
    public LinkSession open(Environment environment, String userId, String userToken, LinkOptions options) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(userToken, "userToken");
        Objects.requireNonNull(options, "options");
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("A Link session needs the user's id");
        }
        if (environment == Environment.LOCAL && standInCheck == null) {
            throw new IllegalStateException("Link for the local sandbox needs the sandbox's public key, and none was given.");
        }
        String id = secret();
        URI page = URI.create(origin + SESSION_PREFIX + id + "/");
        LinkSession session = new LinkSession(this, id, secret(), environment, userId.strip(), userToken, options, page, now());
        sessions.put(id, session);
        return session;
    }

    @Override
    public void close() {
        for (LinkSession session : sessions()) {
            end(session, "the console stopped its Link host");
        }
        sweeper.shutdownNow();
        // Lets an answer in flight go out (the page's onClose that ended a command, say): at most a second.
        server.stop(1);
        workers.shutdownNow();
    }

    // ---- sessions ---------------------------------------------------------------------------------

    Instant now() {
        return settings.clock().instant();
    }

    void end(LinkSession session, String reason) {
        if (sessions.remove(session.id(), session)) {
            session.record(LinkEvent.console(now(), LinkEvent.SESSION_ENDED,
                    JsonNodeFactory.instance.objectNode().put("reason", reason)));
        }
    }

    private void endIdleSessions() {
        Instant cutoff = now().minus(settings.idleTimeout());
        for (LinkSession session : sessions()) {
            if (session.lastSeen().isBefore(cutoff)) {
                end(session, "idle for " + settings.idleTimeout().toMinutes() + " min");
            }
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- HTTP -------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            // A page of another site that resolves its name to 127.0.0.1 (DNS rebinding) sends its own Host.
            if (!hostHeader.equals(exchange.getRequestHeaders().getFirst("Host"))) {
                refuse(exchange);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (!path.startsWith(SESSION_PREFIX)) {
                notFound(exchange);
                return;
            }
            String rest = path.substring(SESSION_PREFIX.length());
            int slash = rest.indexOf('/');
            LinkSession session = slash < 0 ? null : sessions.get(rest.substring(0, slash));
            if (session == null) {
                notFound(exchange);
                return;
            }
            session.touch(now());
            route(exchange, session, rest.substring(slash + 1));
        } catch (RuntimeException bug) {
            // Say nothing of it to the browser; the message is ours and holds no token.
            LOG.log(System.Logger.Level.WARNING, "Link host request failed: " + bug.getClass().getName());
        }
    }

    private void route(HttpExchange exchange, LinkSession session, String route) throws IOException {
        boolean local = session.environment() == Environment.LOCAL;
        String method = exchange.getRequestMethod();
        switch (route) {
            case "" -> {
                if (get(exchange)) {
                    page(exchange, session);
                }
            }
            case "page.js" -> {
                if (get(exchange)) {
                    script(exchange, LinkPageBuilder.PAGE_SCRIPT_RESOURCE);
                }
            }
            case "stand-in.js" -> {
                if (!local) {
                    notFound(exchange);
                } else if (get(exchange)) {
                    script(exchange, LinkPageBuilder.STAND_IN_SCRIPT_RESOURCE);
                }
            }
            case "events" -> {
                if (fromOwnPage(exchange, session, method)) {
                    event(exchange, session);
                }
            }
            case "token" -> {
                if (fromOwnPage(exchange, session, method)) {
                    freshToken(exchange, session);
                }
            }
            case "stand-in/verify" -> {
                if (!local) {
                    notFound(exchange);
                } else if (fromOwnPage(exchange, session, method)) {
                    verify(exchange, session);
                }
            }
            default -> notFound(exchange);
        }
    }

    private boolean get(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            exchange.sendResponseHeaders(405, -1);
            return false;
        }
        return true;
    }

    /** A POST from the session's own page: this host's origin and the session's nonce. Anything else: 403, empty. */
    private boolean fromOwnPage(HttpExchange exchange, LinkSession session, String method) throws IOException {
        if (!"POST".equals(method)
                || !origin.equals(exchange.getRequestHeaders().getFirst("Origin"))
                || !session.nonceMatches(exchange.getRequestHeaders().getFirst(NONCE_HEADER))) {
            refuse(exchange);
            return false;
        }
        return true;
    }

    private void page(HttpExchange exchange, LinkSession session) throws IOException {
        String base = SESSION_PREFIX + session.id() + "/";
        boolean local = session.environment() == Environment.LOCAL;
        LinkPageBuilder.HostWiring wiring = new LinkPageBuilder.HostWiring(
                base + "page.js",
                local ? base + "stand-in.js" : LinkPageBuilder.ARGYLE_SCRIPT,
                base + "events", base + "token", session.nonce(),
                local ? base + "stand-in/verify" : null, settings.standInTokenWait().toMillis());
        String html = pages.hostedPage(session.environment(), session.userId(), session.currentToken(),
                session.options(), wiring);
        exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy(local));
        send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Scripts only from this host, and for Argyle's Link from Argyle's script origin; Link's own frames from Argyle. */
    static String contentSecurityPolicy(boolean localSandbox) {
        if (localSandbox) {
            return "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline';"
                    + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        }
        return "default-src 'self'; script-src 'self' " + LinkPageBuilder.ARGYLE_SCRIPT_ORIGIN + ";"
                + " connect-src 'self' https://*.argyle.com; frame-src https://*.argyle.com;"
                + " img-src 'self' data: https:; style-src 'self' 'unsafe-inline' https:; font-src 'self' data: https:;"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private void script(HttpExchange exchange, String resource) throws IOException {
        send(exchange, 200, "text/javascript; charset=utf-8",
                LinkPageBuilder.resource(resource).getBytes(StandardCharsets.UTF_8));
    }

    private void event(HttpExchange exchange, LinkSession session) throws IOException {
        Optional<JsonNode> body = readJson(exchange);
        String name = body.map(node -> node.path("name").asText("")).orElse("");
        boolean callback = LinkEvent.CALLBACKS.contains(name);
        if (!callback && !LinkEvent.SCRIPT_LOAD_FAILED.equals(name)) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        JsonNode payload = session.withoutTokens(body.get().path("payload"), json);
        session.record(new LinkEvent(now(), pageTime(body.get().path("at").asText(null)),
                callback ? LinkEvent.Source.LINK : LinkEvent.Source.PAGE, name,
                payload.isMissingNode() ? null : payload));
        exchange.sendResponseHeaders(204, -1);
    }

    private static Optional<Instant> pageTime(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    private void freshToken(HttpExchange exchange, LinkSession session) throws IOException {
        IssuedToken fresh;
        try {
            fresh = tokens.issue(session.environment(), session.userId());
        } catch (RuntimeException failure) {
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            session.record(LinkEvent.console(now(), LinkEvent.FRESH_TOKEN_FAILED, JsonNodeFactory.instance.objectNode()
                    .put("userId", session.userId()).put("reason", reason)));
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        session.tokenReplaced(fresh.userToken());
        session.record(LinkEvent.console(now(), LinkEvent.FRESH_TOKEN_ISSUED,
                JsonNodeFactory.instance.objectNode().put("userId", session.userId())));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("userToken", fresh.userToken());
        send(exchange, 200, "application/json", json.writeValueAsBytes(answer));
    }

    private void verify(HttpExchange exchange, LinkSession session) throws IOException {
        String token = readJson(exchange).map(node -> node.path("userToken").asText("")).orElse("");
        StandInTokenCheck.Verdict verdict = standInCheck.check(token);
        boolean sameUser = verdict.userId().map(id -> id.equalsIgnoreCase(session.userId())).orElse(false);
        String status;
        if (verdict.status() == StandInTokenCheck.Status.INVALID || !sameUser) {
            status = "invalid";
        } else if (verdict.status() == StandInTokenCheck.Status.EXPIRED || session.expiredByConsole(token)) {
            status = "expired";
        } else {
            status = "valid";
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("status", status);
        if (sameUser) {
            answer.put("userId", session.userId());
        }
        send(exchange, 200, "application/json", json.writeValueAsBytes(answer));
    }

    private Optional<JsonNode> readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return Optional.empty();
            }
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (com.fasterxml.jackson.core.JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(403, -1);
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "text/plain; charset=utf-8",
                "No such Link session: it has ended or never existed. Open Link again from Token Console.\n"
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
