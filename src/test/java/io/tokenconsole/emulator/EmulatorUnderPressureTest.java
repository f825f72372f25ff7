package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.testing.RawHttp;
import io.tokenconsole.testing.Sandboxes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local sandbox runs inside the console: no client, however slow, large or strange its requests,
 * may freeze it or make it hold what it sent. Raw sockets, as a hostile client writes them.
 */
class EmulatorUnderPressureTest {

    private LocalSandbox sandbox;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : slow) {
            socket.close();
        }
        sandbox.close();
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port());
        socket.setSoTimeout(30_000);
        slow.add(socket);
        return socket;
    }

    private String basic() {
        String pair = sandbox.apiKey().id() + ":" + sandbox.apiKey().secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Test
    void theJwksIsServedInUnderASecondWhile64SlowClientsHoldConnectionsOpen() throws Exception {
        for (int i = 0; i < 64; i++) {
            Socket client = open();
            // Half a request: a worker now waits for the rest of the headers.
            client.getOutputStream().write("GET /v2/users HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
        }
        Thread.sleep(200); // let the server hand each of them to a worker

        HttpResponse<String> jwks = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> RawHttp.send(sandbox, "GET", "/.well-known/jwks.json", null, false));
        HttpResponse<String> api = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> RawHttp.send(sandbox, "GET", "/v2/users", null));

        assertEquals(200, jwks.statusCode());
        assertEquals(200, api.statusCode());
    }

    @Test
    void aClientThatNeverFinishesItsRequestIsCutOffAfterTheRequestTimeout() throws Exception {
        Socket headers = open();
        headers.getOutputStream().write("GET /v2/users HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        Socket body = open();
        body.getOutputStream().write(("POST /v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic()
                + "\r\nContent-Length: 100\r\n\r\n{\"exte").getBytes(StandardCharsets.US_ASCII));
        long started = System.nanoTime();

        assertEquals(-1, headers.getInputStream().read(), "closed, not answered");
        assertEquals(-1, body.getInputStream().read(), "closed, not answered");
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waited < (LocalSandbox.REQUEST_SECONDS + 3) * 1000L, "cut off after " + waited + " ms");
    }

    @Test
    void aHugeBodyIsRefusedWith413AfterTheKeyCheckWithoutBeingHeld() throws Exception {
        Socket declared = open();
        declared.getOutputStream().write(("POST /v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic()
                + "\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Socket stranger = open();
        stranger.getOutputStream().write(("POST /v2/users HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        Socket chunked = open();
        OutputStream out = chunked.getOutputStream();
        out.write(("POST /v2/users HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic()
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("100000\r\n" + "a".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            for (int i = 0; i < 1024; i++) { // a 1 GiB body, if the server kept reading
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException serverHungUp) {
            // the server stopped reading at its cap
        }

        assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(declared));
        assertEquals("HTTP/1.1 401 Unauthorized", statusLine(stranger));
        assertTrue(sent < 64L * 1024 * 1024, "the server stopped taking the body at its cap: " + sent);
    }

    @Test
    void madeUpMethodsAreNotCountedSoTheyCannotGrowTheEmulator() {
        for (int i = 0; i < 50; i++) {
            RawHttp.send(sandbox, "JUNK" + i, "/v2/users", null);
        }
        RawHttp.send(sandbox, "GET", "/v2/users", null);

        assertEquals(List.of("GET /v2/users"), new ArrayList<>(sandbox.requestCounts().keySet()));
    }

    @Test
    void latencyIsBoundedAndClearingThePlanFreesWaitingRequestsAndTheAdminEndpointAnswers() throws Exception {
        HttpResponse<String> endless = RawHttp.send(sandbox, "PUT", "/_emulator/faults", "{\"latency_ms\": 9223372036854775807}");
        assertEquals(400, endless.statusCode());
        assertTrue(endless.body().contains("at most 60000"), endless.body());

        sandbox.setFaults(FaultPlan.NONE.withLatency(FaultPlan.LONGEST_LATENCY));
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waiting.add(Sandboxes.http().sendAsync(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/users"))
                    .header("Authorization", basic()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300);

        HttpResponse<String> cleared = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> RawHttp.send(sandbox, "DELETE", "/_emulator/faults", null));
        assertEquals(204, cleared.statusCode());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (CompletableFuture<HttpResponse<String>> request : waiting) {
                assertEquals(200, request.join().statusCode());
            }
        });
    }

    @Test
    void metadataThatCouldNotBeWrittenBackIsRefusedAndListsKeepWorking() {
        String deep = "[".repeat(999) + "]".repeat(999);
        String wide = "{\"a\": \"" + "x".repeat(20_000) + "\"}";

        HttpResponse<String> nested = RawHttp.send(sandbox, "POST", "/v2/users", "{\"external_metadata\": " + deep + "}");
        HttpResponse<String> large = RawHttp.send(sandbox, "POST", "/v2/users", "{\"external_metadata\": " + wide + "}");
        HttpResponse<String> list = RawHttp.send(sandbox, "GET", "/v2/users", null);

        assertEquals(400, nested.statusCode(), nested.body());
        JsonNode problem = RawHttp.json(nested);
        assertTrue(problem.path("external_metadata").get(0).asText().contains("levels of nesting")
                || problem.path("detail").asText().startsWith("JSON parse error"), nested.body());
        assertEquals(400, large.statusCode());
        assertTrue(RawHttp.json(large).path("external_metadata").get(0).asText().contains("16384 characters"), large.body());
        assertEquals(200, list.statusCode());
        assertEquals(0, sandbox.userCount());

        String fine = "[".repeat(30) + "1" + "]".repeat(30);
        assertEquals(200, RawHttp.send(sandbox, "POST", "/v2/users", "{\"external_metadata\": " + fine + "}").statusCode());
        assertEquals(200, RawHttp.send(sandbox, "GET", "/v2/users", null).statusCode());
        String tooDeep = "[".repeat(40) + "1" + "]".repeat(40);
        HttpResponse<String> refused = RawHttp.send(sandbox, "POST", "/v2/users", "{\"external_metadata\": " + tooDeep + "}");
        assertEquals("{\"external_metadata\":[\"Ensure this value has no more than 32 levels of nesting.\"]}", refused.body());
        assertFalse(refused.body().contains("Exception"));
    }
}
