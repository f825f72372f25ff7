package io.tokenconsole.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A server on 127.0.0.1 that answers the way a hostile or broken server (or proxy) would: echoing
 * the request, streaming without end, paging in a loop. For tests of what the client does with that.
 */
public final class FakeServer implements AutoCloseable {

    private final HttpServer server;

    private FakeServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code handler} under {@code /} until closed. */
    public static FakeServer serving(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-server");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (IOException clientWentAway) {
                    // a client that stops reading is one of the things these tests provoke
                }
            });
            server.start();
            return new FakeServer(server);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException(cannotBind);
        }
    }

    /** {@code http://127.0.0.1:PORT} + path. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request header, one {@code Name: value} line each, as an echoing server prints them. */
    public static String headersOf(HttpExchange exchange) {
        StringBuilder text = new StringBuilder();
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value ->
                text.append(name).append(": ").append(value).append('\n')));
        return text.toString();
    }

    public static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
