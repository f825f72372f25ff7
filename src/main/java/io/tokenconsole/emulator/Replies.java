package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writing answers the way Argyle's API writes them: JSON bodies, Django REST Framework error shapes. */
final class Replies {

    private Replies() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        raw(exchange, status, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void raw(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** 204 and the like: a status and nothing else. */
    static void noContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    /** {@code {"detail": "..."}}: the shape of Argyle's general errors. */
    static void detail(HttpExchange exchange, int status, String text) throws IOException {
        json(exchange, status, JsonNodeFactory.instance.objectNode().put("detail", text));
    }

    /** {@code {"field": ["problem"]}}: the shape of Argyle's validation errors. */
    static void fieldError(HttpExchange exchange, String field, String problem) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray(field).add(problem);
        json(exchange, 400, body);
    }

    static void fieldErrors(HttpExchange exchange, java.util.Map<String, List<String>> problems) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        problems.forEach((field, texts) -> texts.forEach(body.withArray(field)::add));
        json(exchange, 400, body);
    }

    static void notFound(HttpExchange exchange) throws IOException {
        detail(exchange, 404, "Not found.");
    }

    static void methodNotAllowed(HttpExchange exchange) throws IOException {
        detail(exchange, 405, "Method \"" + exchange.getRequestMethod() + "\" not allowed.");
    }

    static void unauthorized(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"api\"");
        detail(exchange, 401, "Invalid username/password.");
    }
}
