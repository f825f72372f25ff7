package io.tokenconsole.emulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Argyle's API v2 under {@code /v2}: users and user tokens, with Argyle's shapes, statuses and
 * error texts. Every request is counted, then delayed and possibly answered by the fault plan,
 * then authenticated, then served.
 */
final class ApiRoutes implements HttpHandler {

    private static final int DEFAULT_PAGE = 10;
    private static final int LARGEST_PAGE = 200;
    /** What a malformed-body fault sends: JSON that stops in the middle, as from a cut proxy stream. */
    private static final byte[] CUT_OFF_JSON = "{\"id\": \"7c2f0e1a-".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json = new ObjectMapper();
    private final ApiKey apiKey;
    private final EmulatedUsers users;
    private final TokenMint mint;
    private final FaultSwitch faults;
    private final RequestCounts counts;

    ApiRoutes(ApiKey apiKey, EmulatedUsers users, TokenMint mint, FaultSwitch faults, RequestCounts counts) {
        this.apiKey = apiKey;
        this.users = users;
        this.mint = mint;
        this.faults = faults;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            ApiRoute route = ApiRoute.of(method, exchange.getRequestURI().getPath());
            if (route.known()) {
                counts.record(route.name());
            }
            if (!apiKey.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Replies.unauthorized(exchange);
                return;
            }
            // The whole request is read before the planned latency, so a delay never holds a half-read
            // request open; the JDK server's request timer stops once the body is in.
            Optional<byte[]> body = RequestBody.read(exchange, RequestBody.LARGEST_API_BODY);
            if (body.isEmpty()) {
                return;
            }
            if (!faults.awaitLatency()) {
                return;
            }
            Optional<FaultRule> fault = faults.pick(route.name());
            if (fault.isPresent()) {
                answerWithFault(exchange, fault.get());
                return;
            }
            serve(exchange, method, route, body.get());
        } catch (RuntimeException bug) {
            // The emulator's own mistake: answer like a server error rather than hang the client.
            Replies.detail(exchange, 500, "A server error occurred.");
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, String method, ApiRoute route, byte[] body) throws IOException {
        switch (route.kind()) {
            case USERS -> {
                switch (method) {
                    case "POST" -> createUser(exchange, body);
                    case "GET" -> listUsers(exchange);
                    default -> Replies.methodNotAllowed(exchange);
                }
            }
            case ONE_USER -> {
                switch (method) {
                    case "GET" -> getUser(exchange, route.userId());
                    case "PATCH" -> updateUser(exchange, route.userId(), body);
                    case "DELETE" -> deleteUser(exchange, route.userId());
                    default -> Replies.methodNotAllowed(exchange);
                }
            }
            case USER_TOKENS -> {
                if (method.equals("POST")) {
                    issueToken(exchange, body);
                } else {
                    Replies.methodNotAllowed(exchange);
                }
            }
            case UNKNOWN -> Replies.notFound(exchange);
        }
    }

    private void createUser(HttpExchange exchange, byte[] body) throws IOException {
        Optional<UserFields.Checked> checked = readUserFields(exchange, body);
        if (checked.isEmpty()) {
            return;
        }
        EmulatedUser user = users.create(checked.get().fields());
        ObjectNode answer = JsonNodeFactory.instance.objectNode()
                .put("id", user.id())
                .put("user_token", mint.issueFor(user.id()));
        Replies.json(exchange, 200, answer);
    }

    private void listUsers(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int limit = pageSize(query.get("limit"));
        EmulatedUsers.Cursor cursor = null;
        if (query.containsKey("cursor")) {
            Optional<EmulatedUsers.Cursor> decoded = EmulatedUsers.Cursor.decode(query.get("cursor"));
            if (decoded.isEmpty()) {
                Replies.detail(exchange, 404, "Invalid cursor");
                return;
            }
            cursor = decoded.get();
        }
        String externalId = query.get("external_id");
        EmulatedUsers.Page page = users.list(limit, cursor, externalId);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("next", page.next() == null ? null : pageUrl(exchange, limit, page.next(), externalId));
        answer.put("previous", page.previous() == null ? null : pageUrl(exchange, limit, page.previous(), externalId));
        var results = answer.putArray("results");
        page.users().forEach(user -> results.add(user.toJson()));
        Replies.json(exchange, 200, answer);
    }

    private void getUser(HttpExchange exchange, String id) throws IOException {
        Optional<EmulatedUser> user = users.find(id);
        if (user.isEmpty()) {
            Replies.notFound(exchange);
            return;
        }
        Replies.json(exchange, 200, user.get().toJson());
    }

    private void updateUser(HttpExchange exchange, String id, byte[] bytes) throws IOException {
        if (users.find(id).isEmpty()) {
            Replies.notFound(exchange);
            return;
        }
        Optional<UserFields.Checked> checked = readUserFields(exchange, bytes);
        if (checked.isEmpty()) {
            return;
        }
        Optional<EmulatedUser> updated = users.update(id, checked.get().fields());
        if (updated.isEmpty()) {
            Replies.notFound(exchange); // deleted while we read the body
            return;
        }
        Replies.json(exchange, 200, updated.get().toJson());
    }

    private void deleteUser(HttpExchange exchange, String id) throws IOException {
        if (users.delete(id)) {
            Replies.noContent(exchange);
        } else {
            Replies.notFound(exchange);
        }
    }

    private void issueToken(HttpExchange exchange, byte[] bytes) throws IOException {
        Optional<JsonNode> body = readObject(exchange, bytes);
        if (body.isEmpty()) {
            return;
        }
        JsonNode user = body.get().get("user");
        if (user == null || user.isNull() || user.isTextual() && user.asText().isBlank()) {
            Replies.fieldError(exchange, "user", "This field is required.");
            return;
        }
        if (!user.isTextual()) {
            Replies.fieldError(exchange, "user", "Not a valid string.");
            return;
        }
        if (users.find(user.asText()).isEmpty()) {
            Replies.notFound(exchange);
            return;
        }
        Replies.json(exchange, 200, JsonNodeFactory.instance.objectNode().put("user_token", mint.issueFor(user.asText())));
    }

    /** A user's fields from the body, checked; empty after answering 400 with the body's or the fields' problems. */
    private Optional<UserFields.Checked> readUserFields(HttpExchange exchange, byte[] bytes) throws IOException {
        Optional<JsonNode> body = readObject(exchange, bytes);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        UserFields.Checked checked = UserFields.check(body.get());
        if (!checked.isValid()) {
            Replies.fieldErrors(exchange, checked.problems());
            return Optional.empty();
        }
        return Optional.of(checked);
    }

    /** The body as a JSON object, or empty after answering 400 the way Argyle does. No body counts as {@code {}}. */
    private Optional<JsonNode> readObject(HttpExchange exchange, byte[] bytes) throws IOException {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Optional.of(JsonNodeFactory.instance.objectNode());
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JacksonException malformed) {
            Replies.detail(exchange, 400, "JSON parse error - " + malformed.getOriginalMessage());
            return Optional.empty();
        }
        if (!body.isObject()) {
            ObjectNode problem = JsonNodeFactory.instance.objectNode();
            problem.putArray("non_field_errors").add("Invalid data. Expected a dictionary, but got "
                    + body.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
            Replies.json(exchange, 400, problem);
            return Optional.empty();
        }
        return Optional.of(body);
    }

    private void answerWithFault(HttpExchange exchange, FaultRule rule) throws IOException {
        switch (rule.fault()) {
            case UNAUTHORIZED -> Replies.unauthorized(exchange);
            case RATE_LIMITED -> {
                int seconds = rule.retryAfterSeconds() == null ? 1 : rule.retryAfterSeconds();
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(seconds));
                Replies.detail(exchange, 429, "Request was throttled. Expected available in " + seconds + " seconds.");
            }
            case SERVER_ERROR -> Replies.detail(exchange, 500, "A server error occurred.");
            case UNAVAILABLE -> {
                if (rule.retryAfterSeconds() != null) {
                    exchange.getResponseHeaders().set("Retry-After", Integer.toString(rule.retryAfterSeconds()));
                }
                Replies.detail(exchange, 503, "Service temporarily unavailable, try again later.");
            }
            case DROP_CONNECTION -> {
                // Closing an exchange before any headers are sent closes the socket: the client sees
                // the connection end with no answer at all. (The body was read, within its cap.)
            }
            case MALFORMED_BODY -> Replies.raw(exchange, 200, CUT_OFF_JSON);
        }
    }

    /** Argyle takes the default for a missing or unreadable limit and caps a large one. */
    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_PAGE;
        }
        try {
            int asked = Integer.parseInt(limit.trim());
            return asked < 1 ? DEFAULT_PAGE : Math.min(asked, LARGEST_PAGE);
        } catch (NumberFormatException notANumber) {
            return DEFAULT_PAGE;
        }
    }

    /** Argyle's {@code next}/{@code previous} are full URLs, addressed the way the client reached us. */
    private static String pageUrl(HttpExchange exchange, int limit, EmulatedUsers.Cursor cursor, String externalId) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = exchange.getLocalAddress().getHostString() + ":" + exchange.getLocalAddress().getPort();
        }
        String url = "http://" + host + "/v2/users?limit=" + limit + "&cursor=" + cursor.encode();
        return externalId == null ? url : url + "&external_id=" + URLEncoder.encode(externalId, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
