package io.tokenconsole.ui.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.link.LinkPages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Does what a browser with a session's page does: loads it, posts callbacks, asks the stand-in about its token. */
final class PageVisitor {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI page;
    private final String origin;
    private final JsonNode config;

    private PageVisitor(URI page, JsonNode config) {
        this.page = page;
        this.origin = "http://" + page.getAuthority();
        this.config = config;
    }

    static PageVisitor load(String address) throws IOException, InterruptedException {
        URI page = URI.create(address);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), "the session's page is served");
        return new PageVisitor(page, LinkPages.config(answer.body()));
    }

    String userToken() {
        return config.get("link").get("userToken").asText();
    }

    /** Posts a callback as the page's code does: own origin, the session's nonce. */
    void post(String eventJson) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(page.resolve("events"))
                .header("Origin", origin).header("X-Link-Nonce", config.get("host").get("nonce").asText())
                .POST(HttpRequest.BodyPublishers.ofString(eventJson)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), answer.body());
    }

    /** What the local sandbox's stand-in learns about the page's token: valid, expired or invalid. */
    String standInVerdict() throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("userToken", userToken()).toString();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(page.resolve("stand-in/verify"))
                .header("Origin", origin).header("X-Link-Nonce", config.get("host").get("nonce").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        return JSON.readTree(answer.body()).get("status").asText();
    }

    /** Whether the page is still served (an ended session answers 404). */
    int pageStatus() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
