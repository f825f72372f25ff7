package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's own controls, beside the API and guarded by the same key:
 * <ul>
 *   <li>{@code GET /_emulator/faults} shows the fault plan, {@code PUT} or {@code POST} replaces it
 *       (see {@link FaultPlan} for the JSON), {@code DELETE} clears it;</li>
 *   <li>{@code GET /_emulator/requests} shows how many requests each API route received,
 *       {@code DELETE} sets the counts back to zero.</li>
 * </ul>
 */
final class AdminRoutes implements HttpHandler {

    private final ApiKey apiKey;
    private final FaultSwitch faults;
    private final RequestCounts counts;

    AdminRoutes(ApiKey apiKey, FaultSwitch faults, RequestCounts counts) {
        this.apiKey = apiKey;
        this.faults = faults;
        this.counts = counts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!apiKey.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Replies.unauthorized(exchange);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            switch (path) {
                case "/_emulator/faults" -> faults(exchange, method);
                case "/_emulator/requests" -> requests(exchange, method);
                default -> Replies.notFound(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> Replies.json(exchange, 200, faults.describe());
            case "PUT", "POST" -> {
                Optional<byte[]> body = RequestBody.read(exchange, RequestBody.LARGEST_FAULT_PLAN);
                if (body.isEmpty()) {
                    return;
                }
                try {
                    faults.set(FaultPlan.parse(new String(body.get(), StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException wrong) {
                    Replies.detail(exchange, 400, wrong.getMessage());
                    return;
                }
                Replies.json(exchange, 200, faults.describe());
            }
            case "DELETE" -> {
                faults.set(FaultPlan.NONE);
                Replies.noContent(exchange);
            }
            default -> Replies.methodNotAllowed(exchange);
        }
    }

    private void requests(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> {
                ObjectNode json = JsonNodeFactory.instance.objectNode();
                counts.snapshot().forEach(json::put);
                Replies.json(exchange, 200, json);
            }
            case "DELETE" -> {
                counts.reset();
                Replies.noContent(exchange);
            }
            default -> Replies.methodNotAllowed(exchange);
        }
    }
}
