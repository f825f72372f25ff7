package io.tokenconsole.argyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.emulator.Fault;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.FaultRule;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.testing.Sandboxes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a call can fail, produced for real by the local sandbox, and what support is told. */
class ArgyleClientFailureTest {

    private static final ClientSettings NO_RETRY =
            ClientSettings.DEFAULT.withRequestTimeout(Duration.ofSeconds(5)).withRetry(RetryPolicy.NEVER);

    private LocalSandbox sandbox;
    private ArgyleClient client;
    private ArgyleClient patientClient;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandboxes.start();
        client = Sandboxes.clientFor(sandbox, NO_RETRY);
        patientClient = Sandboxes.clientFor(sandbox);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aWrongSecretIsReportedAsTheKeyNotBeingAcceptedWithoutShowingTheSecret() {
        String wrongSecret = "not-the-secret-" + UUID.randomUUID();
        ArgyleClient wrongKey = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.LOCAL, sandbox.baseUrl()),
                new Credentials(sandbox.apiKey().id(), wrongSecret), NO_RETRY);

        var failure = assertThrows(ArgyleApiException.BadCredentials.class, () -> wrongKey.createUser(NewUser.blank()));

        assertTrue(failure.getMessage().contains("did not accept the API key (HTTP 401)"), failure.getMessage());
        assertEquals("Invalid username/password.", failure.apiText().orElseThrow());
        assertFalse(failure.getMessage().contains(wrongSecret));
        assertFalse(failure.toString().contains(wrongSecret));
    }

    @Test
    void issuingTokenForUnknownUserSaysTheUserIsNotKnown() {
        String unknown = UUID.randomUUID().toString();

        var failure = assertThrows(ArgyleApiException.NotFound.class, () -> client.issueToken(unknown));

        assertTrue(failure.getMessage().contains("does not know the user " + unknown), failure.getMessage());
        assertTrue(failure.getMessage().contains("another environment"), failure.getMessage());
        assertEquals("Not found.", failure.apiText().orElseThrow());
    }

    @Test
    void anInvalidEmailComesBackAsAFieldError() {
        var failure = assertThrows(ArgyleApiException.InvalidInput.class,
                () -> client.createUser(NewUser.blank().withEmail("not-an-email")));

        assertEquals(Map.of("email", List.of("Enter a valid email address.")), failure.fieldErrors());
        assertEquals(400, failure.status().orElseThrow());
        assertTrue(failure.getMessage().endsWith("refused the input (HTTP 400): email: Enter a valid email address."),
                failure.getMessage());
        assertEquals(0, sandbox.userCount());
    }

    @Test
    void anExternalIdLongerThanArgyleAllowsIsRefused() {
        var failure = assertThrows(ArgyleApiException.InvalidInput.class,
                () -> client.createUser(NewUser.blank().withExternalId("x".repeat(101))));

        assertTrue(failure.fieldErrors().containsKey("external_id"));
    }

    @Test
    void beingRateLimitedSaysHowLongToWait() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.RATE_LIMITED, 1).withRetryAfterSeconds(7)));

        var failure = assertThrows(ArgyleApiException.RateLimited.class, () -> client.createUser(NewUser.blank()));

        assertEquals(Duration.ofSeconds(7), failure.retryAfter().orElseThrow());
        assertTrue(failure.getMessage().contains("asks to wait 7 s"), failure.getMessage());
    }

    @Test
    void aServerErrorSaysTheProblemIsOnArgylesSide() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.SERVER_ERROR, 1)));

        var failure = assertThrows(ArgyleApiException.ServerError.class, () -> client.listUsers(UserListRequest.firstPage(5)));

        assertEquals(500, failure.status().orElseThrow());
        assertTrue(failure.getMessage().contains("had a problem on its side (HTTP 500)"), failure.getMessage());
        assertEquals("A server error occurred.", failure.apiText().orElseThrow());
        // The local sandbox is not Argyle: its errors point at its fault plan, not at Argyle's support.
        assertTrue(failure.getMessage().contains("runs on this machine"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("report it to Argyle"), failure.getMessage());
    }

    @Test
    void anUnavailableServiceIsAServerErrorWithItsStatus() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAVAILABLE, 1)));

        var failure = assertThrows(ArgyleApiException.ServerError.class, () -> client.createUser(NewUser.blank()));

        assertEquals(503, failure.status().orElseThrow());
    }

    @Test
    void aDroppedConnectionSaysTheRequestMayOrMayNotHaveHappened() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.DROP_CONNECTION, 1)));

        var failure = assertThrows(ArgyleApiException.ConnectionDropped.class, () -> client.createUser(NewUser.blank()));

        assertTrue(failure.getMessage().contains("closed the connection before answering"), failure.getMessage());
    }

    @Test
    void aCutOffAnswerIsReportedAsNotTheExpectedJson() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.MALFORMED_BODY, 1)));

        var failure = assertThrows(ArgyleApiException.UnexpectedAnswer.class, () -> client.createUser(NewUser.blank()));

        assertTrue(failure.getMessage().contains("not valid JSON"), failure.getMessage());
    }

    @Test
    void anAnswerSlowerThanTheRequestTimeoutIsATimeout() {
        sandbox.setFaults(FaultPlan.NONE.withLatency(Duration.ofMillis(1500)));
        ArgyleClient impatient = Sandboxes.clientFor(sandbox, NO_RETRY.withRequestTimeout(Duration.ofMillis(300)));

        var failure = assertThrows(ArgyleApiException.Timeout.class, () -> impatient.listUsers(UserListRequest.firstPage(1)));

        assertTrue(failure.getMessage().contains("did not answer within 0.3 s"), failure.getMessage());
    }

    @Test
    void aClosedPortIsReportedAsUnreachable() {
        URI closed = sandbox.baseUrl();
        sandbox.close();
        ArgyleClient nobodyThere = new ArgyleClient(Sandboxes.http(), new ApiTarget(Environment.LOCAL, closed),
                Sandboxes.credentialsOf(sandbox), NO_RETRY);

        var failure = assertThrows(ArgyleApiException.Unreachable.class, () -> nobodyThere.issueToken("any"));

        assertTrue(failure.getMessage().contains("connection was refused"), failure.getMessage());
    }

    @Test
    void speakingTlsToAServerThatAnswersInPlainHttpIsATlsFailure() throws Exception {
        // What a wrong https:// base URL or a meddling proxy looks like: plain text where TLS was expected.
        try (ServerSocket plainText = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                // Every connection the client makes is answered the same way (it may open more than one).
                while (!plainText.isClosed()) {
                    try (Socket socket = plainText.accept()) {
                        // As a plain HTTP server does: read what came (the TLS ClientHello), answer 400 in plain
                        // text and close. Everything the client sent is read first, so the close is a clean end of
                        // stream, never a reset that could leave the client waiting for the rest of a "record".
                        socket.setSoTimeout(1_000);
                        byte[] hello = new byte[16_384];
                        try {
                            while (socket.getInputStream().read(hello) > 0 && socket.getInputStream().available() > 0) {
                                // drain
                            }
                        } catch (java.net.SocketTimeoutException quiet) {
                            // all of it has come
                        }
                        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        socket.shutdownOutput();
                    } catch (IOException closed) {
                        // the client gave up, or the test is over
                    }
                }
            });
            server.setDaemon(true);
            server.start();
            URI https = URI.create("https://127.0.0.1:" + plainText.getLocalPort() + "/v2");
            // A client of its own with roomy timeouts: the JVM's first TLS set-up (loading the CA certificates)
            // can take seconds on a busy machine, and both the connect and the request timeout cover the
            // handshake (a request timeout that fires during it is reported as a connect timeout).
            ArgyleClient wrongScheme = new ArgyleClient(ArgyleClient.newHttpClient(Duration.ofSeconds(20)),
                    new ApiTarget(Environment.SANDBOX, https), Sandboxes.credentialsOf(sandbox),
                    NO_RETRY.withRequestTimeout(Duration.ofSeconds(20)));

            var failure = assertThrows(ArgyleApiException.TlsFailure.class,
                    () -> wrongScheme.listUsers(UserListRequest.firstPage(1)));

            assertTrue(failure.getMessage().startsWith("The secure connection to Sandbox (127.0.0.1:"), failure.getMessage());
        }
    }

    @Test
    void anUnauthorizedFaultLooksLikeARealBadKey() {
        sandbox.setFaults(FaultPlan.of(FaultRule.nextRequests(Fault.UNAUTHORIZED, 1)));

        assertThrows(ArgyleApiException.BadCredentials.class, () -> client.issueToken("whoever"));
    }

    @Test
    void aFaultPlanCanAimAtOneRouteOnly() {
        sandbox.setFaults(FaultPlan.of(new FaultRule(Fault.SERVER_ERROR, null, null, null, "POST /v2/user-tokens")));

        CreatedUser created = client.createUser(NewUser.blank());

        assertThrows(ArgyleApiException.ServerError.class, () -> client.issueToken(created.id()));
    }
}
