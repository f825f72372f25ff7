package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.inspect.TokenStatus;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.inspect.VerificationKeys;
import io.tokenconsole.testing.Sandboxes;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two halves agree: what the local sandbox issues, the inspector reads and verifies. */
class EmulatorTokenInspectionTest {

    @Test
    void anEmulatorTokenDecodesCleanAndVerifiesAgainstThePublishedJwks() throws Exception {
        try (LocalSandbox sandbox = Sandboxes.start()) {
            ArgyleClient client = Sandboxes.clientFor(sandbox);
            CreatedUser user = client.createUser(NewUser.blank());
            String returning = client.issueToken(user.id()).userToken();

            String jwks = Sandboxes.http().send(HttpRequest.newBuilder(sandbox.jwksUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            VerificationKey key = new VerificationKeys(TokenInspector.defaultJson()).parsePublic(jwks);
            TokenInspector inspector = new TokenInspector();
            InspectionContext context = InspectionContext.at(Instant.now())
                    .onEnvironment(TokenEnvironment.LOCAL)
                    .expectingClientId(sandbox.apiKey().id())
                    .verifyingWith(key);

            TokenReport first = report(inspector.inspect(user.userToken(), context));
            TokenReport second = report(inspector.inspect(returning, context));

            for (TokenReport report : List.of(first, second)) {
                assertEquals(SignatureStatus.VALID, report.signature().status(), report.signature().explanation());
                assertEquals(TokenEnvironment.LOCAL, report.environment());
                assertEquals(TokenStatus.VALID, report.status());
                assertEquals(Duration.ofHours(1), report.lifetime().orElseThrow());
                assertEquals(user.id(), report.userId().orElseThrow());
                assertEquals(user.id(), report.subject().orElseThrow());
                assertEquals(List.of(), report.findings(), "an emulator token should raise no finding");
            }
            assertNotEquals(first.tokenId(), second.tokenId(), "every token gets its own jti");
        }
    }

    @Test
    void aTokenFromAnotherSandboxRunIsInvalidAgainstThisOnesKeys() throws Exception {
        String foreign;
        try (LocalSandbox other = LocalSandbox.start(EmulatorConfig.defaults())) {
            foreign = Sandboxes.clientFor(other).createUser(NewUser.blank()).userToken();
        }
        try (LocalSandbox sandbox = Sandboxes.start()) {
            String jwks = Sandboxes.http().send(HttpRequest.newBuilder(sandbox.jwksUrl()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            VerificationKey key = new VerificationKeys(TokenInspector.defaultJson()).parsePublic(jwks);
            TokenReport report = report(new TokenInspector().inspect(foreign,
                    InspectionContext.at(Instant.now()).verifyingWith(key)));
            // A different key has a different kid: the verdict is "no such key", never a false "valid".
            assertNotEquals(SignatureStatus.VALID, report.signature().status());
        }
    }

    private static TokenReport report(Inspection inspection) {
        return assertInstanceOf(Inspection.Decoded.class, inspection).report();
    }
}
