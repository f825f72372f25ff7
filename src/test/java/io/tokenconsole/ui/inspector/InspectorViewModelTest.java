package io.tokenconsole.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TestTokens;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenStatus;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.ui.QueuedBackgroundWork;
import io.tokenconsole.ui.common.Debouncer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private final List<String> logged = new ArrayList<>();
    private final Map<Environment, String> expectedClients = new EnumMap<>(Environment.class);

    private InspectorViewModel viewModel(QueuedBackgroundWork background) {
        return new InspectorViewModel(new TokenInspector(), TokenInspector.defaultJson(), background,
                Debouncer.immediate(), clock, ZoneId.of("Europe/Berlin"),
                (environment, report) -> logged.add(environment.id() + " " + report.tokenId().orElse("-")),
                new InspectionDefaults() {
                    @Override
                    public Optional<String> expectedClientId(Environment environment) {
                        return Optional.ofNullable(expectedClients.get(environment));
                    }

                    @Override
                    public Optional<VerificationKey> localSandboxKey() {
                        return Optional.ofNullable(ownKey);
                    }
                });
    }

    private VerificationKey ownKey;

    @Test
    void tokensOfTheConsolesOwnSandboxAreVerifiedWithoutAskingForAKey() {
        KeyPair keys = TestTokens.rsaKeys();
        ownKey = new VerificationKey.Public(keys.getPublic(), Optional.of("own"));
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.signed("RS256", "own", TestTokens.argylePayload(NOW, TokenEnvironment.LOCAL_ISSUER),
                keys.getPrivate()));
        assertEquals(SignatureStatus.VALID, vm.signatureStatusProperty().get());
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertEquals(SignatureStatus.UNVERIFIED, vm.signatureStatusProperty().get());
        assertTrue(vm.signatureTextProperty().get().contains("secret only Argyle holds"),
                "Argyle's tokens keep their own explanation, not a key mismatch");
    }

    @Test
    void aPastedTokenIsLoggedOnceButTypingIsNot() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.inputProperty().set(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertEquals(List.of(), logged, "typed input is not an inspection worth a log row");
        String pasted = TestTokens.argyleToken(NOW, "argyle-core-auth-dev");
        vm.paste(pasted);
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).startsWith("local "));
        vm.paste("junk");
        assertEquals(1, logged.size(), "junk is not logged");
    }

    @Test
    void theClientIdExpectedForTheEnvironmentIsChecked() {
        expectedClients.put(Environment.LOCAL, "our-client");
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW, TokenEnvironment.LOCAL_ISSUER));
        assertTrue(vm.findings().stream().anyMatch(f -> f.code().equals("CLIENT_MISMATCH")));
        vm.environmentProperty().set(Environment.SANDBOX);
        assertTrue(vm.findings().stream().noneMatch(f -> f.code().equals("CLIENT_MISMATCH")),
                "no client id is set for the sandbox");
    }

    @Test
    void typingATokenShowsItsClaimsStatusAndUser() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.inputProperty().set("Bearer " + TestTokens.argyleToken(NOW.minusSeconds(600), "argyle-core-auth-dev"));

        assertTrue(vm.decodedProperty().get());
        assertEquals(TokenStatus.VALID, vm.statusProperty().get());
        assertEquals("Valid · expires in 50 min", vm.statusTextProperty().get());
        assertEquals("Cleaned up: removed 'Bearer ' prefix", vm.cleanupNotesProperty().get());
        assertEquals("User " + TestTokens.USER_ID, vm.userTextProperty().get());
        assertEquals(7, vm.claims().size());
        ClaimRow exp = vm.claims().stream().filter(r -> r.name().equals("exp")).findFirst().orElseThrow();
        assertTrue(exp.when().contains("2026-11-25 10:50:00 UTC"), exp.when());
        assertTrue(exp.when().contains("11:50:00 CET"), "local time in the person's zone: " + exp.when());
        assertTrue(exp.when().contains("in 50 min"));
        assertEquals("Lifetime", vm.times().get(vm.times().size() - 1).label());
        assertTrue(vm.expiryAdvice().contains("Create a new user token every time Link is initialised"));
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void aPasteIsDecodedOnceNotAgainAfterTheTypingPause() {
        QueuedBackgroundWork background = QueuedBackgroundWork.held();
        InspectorViewModel vm = viewModel(background);
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertEquals(1, background.pendingCount());
        vm.inputProperty().set("typed");
        assertEquals(2, background.pendingCount(), "typing still decodes");
    }

    @Test
    void junkShowsWhatIsWrongAndKeepsTheInput() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.inputProperty().set("hello there");
        assertFalse(vm.decodedProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("doesn't look like a token"));
        assertEquals("hello there", vm.inputProperty().get());
        assertTrue(vm.claims().isEmpty());
    }

    @Test
    void aPasteOverTheLimitIsRefusedAndTheCurrentInputStays() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        String token = TestTokens.argyleToken(NOW, "argyle-core-auth-dev");
        vm.paste(token);
        vm.paste("x".repeat(TokenInspector.MAX_INPUT_CHARS + 1));
        assertEquals(token, vm.inputProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("at most 1024 KiB"));
    }

    @Test
    void anEmptyInputShowsNoErrorAtAll() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        vm.clear();
        assertFalse(vm.decodedProperty().get());
        assertEquals("", vm.errorMessageProperty().get());
    }

    @Test
    void anOlderResultArrivingLateDoesNotReplaceTheNewerOne() {
        QueuedBackgroundWork background = QueuedBackgroundWork.held();
        InspectorViewModel vm = viewModel(background);
        vm.inputProperty().set(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        vm.inputProperty().set("junk");
        assertTrue(vm.busyProperty().get());
        background.runNewest();
        background.runOldest();
        assertFalse(vm.decodedProperty().get(), "the stale decoded token must not come back");
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("doesn't look like a token"));
    }

    @Test
    void refreshingLaterMovesTheStatusOnWithTheClock() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW.minusSeconds(3000), "argyle-core-auth-dev"));
        assertEquals(TokenStatus.VALID, vm.statusProperty().get());
        clock.set(NOW.plusSeconds(1200));
        vm.refresh();
        assertEquals(TokenStatus.EXPIRED, vm.statusProperty().get());
        assertEquals("Expired 10 min ago", vm.statusTextProperty().get());
    }

    @Test
    void switchingEnvironmentRejudgesTheToken() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"));
        assertTrue(vm.environmentMismatchProperty().get(), "a production token on the local sandbox");
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertFalse(vm.environmentMismatchProperty().get());
        assertTrue(vm.environmentTextProperty().get().startsWith("From Production"));
    }

    @Test
    void aPastedJwksChecksTheSignature() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        KeyPair keys = TestTokens.rsaKeys();
        vm.paste(TestTokens.signed("RS256", "k1", TestTokens.argylePayload(NOW, TokenEnvironment.LOCAL_ISSUER),
                keys.getPrivate()));
        assertEquals(SignatureStatus.UNVERIFIED, vm.signatureStatusProperty().get());
        vm.keyTextProperty().set(TestTokens.jwks("k1", (RSAPublicKey) keys.getPublic()));
        vm.applyKey();
        assertEquals(SignatureStatus.VALID, vm.signatureStatusProperty().get());
        vm.forgetKey();
        assertEquals(SignatureStatus.UNVERIFIED, vm.signatureStatusProperty().get());
    }

    @Test
    void keyTextThatIsNoKeySaysSoAndKeepsTheOldVerdict() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        vm.keyTextProperty().set("not a key");
        vm.applyKey();
        assertTrue(vm.keyMessageProperty().get().contains("neither a PEM public key"));
        assertEquals(SignatureStatus.UNVERIFIED, vm.signatureStatusProperty().get());
    }

    @Test
    void aDroppedFileIsReadAndInspected(@TempDir Path folder) throws Exception {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        Path file = folder.resolve("answer.json");
        Files.writeString(file, "{\"user_token\":\"" + TestTokens.argyleToken(NOW, "argyle-core-auth-dev") + "\"}");
        vm.openFile(file);
        assertTrue(vm.decodedProperty().get());
        assertTrue(vm.cleanupNotesProperty().get().contains("user_token"));
    }

    @Test
    void aFileOverTheLimitIsRefusedUnread(@TempDir Path folder) throws Exception {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        Path file = folder.resolve("big.log");
        Files.write(file, new byte[TokenInspector.MAX_INPUT_CHARS + 10]);
        vm.openFile(file);
        assertFalse(vm.decodedProperty().get());
        assertEquals("", vm.inputProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("at most 1024 KiB"));
    }

    @Test
    void aMissingFileGetsAMessageNotAStackTrace(@TempDir Path folder) {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.openFile(folder.resolve("gone.txt"));
        assertTrue(vm.errorMessageProperty().get().startsWith("Can't read gone.txt"), vm.errorMessageProperty().get());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
