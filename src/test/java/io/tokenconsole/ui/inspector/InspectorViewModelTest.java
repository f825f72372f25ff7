package io.tokenconsole.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
        return new InspectorViewModel(TokenInspector::defaultJson, background,
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
    void theJsonReaderIsMadeWithTheFirstDecodeOnTheBackgroundNotWithThePane() {
        List<String> madeOn = new ArrayList<>();
        QueuedBackgroundWork background = QueuedBackgroundWork.held();
        InspectorViewModel vm = new InspectorViewModel(() -> {
            madeOn.add(Thread.currentThread().getName());
            return TokenInspector.defaultJson();
        }, background, Debouncer.immediate(), clock, ZoneId.of("Europe/Berlin"), (environment, report) -> { },
                InspectionDefaults.none());
        assertEquals(List.of(), madeOn, "the empty pane of the first frame needs no JSON reader");

        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertEquals(List.of(), madeOn, "not before the decode runs");
        Thread worker = new Thread(() -> {
            while (background.pendingCount() > 0) {
                background.runOldest();
            }
        }, "decode-worker");
        worker.start();
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> worker.join());
        assertEquals(List.of("decode-worker"), madeOn, "made once, by the decode's background job");
        assertTrue(vm.decodedProperty().get());
        assertTrue(vm.payloadJsonProperty().get().contains("\"user_id\""), vm.payloadJsonProperty().get());

        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"));
        while (background.pendingCount() > 0) {
            background.runOldest();
        }
        assertTrue(vm.environmentTextProperty().get().contains("argyle-core-auth-prod"), vm.environmentTextProperty().get());
        assertEquals(1, madeOn.size(), "and then reused");
    }

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
        assertEquals(List.of("user_id", "sub", "exp", "iss", "client_id"),
                vm.keyFacts().stream().map(KeyFact::name).toList(), "the claims the vendor's page shows, in full");
        assertEquals(TestTokens.USER_ID, vm.keyFacts().get(0).value());
        assertEquals("2026-11-25 10:50:00 UTC · 2026-11-25 11:50:00 CET · in 50 min", vm.keyFacts().get(2).value());
        assertEquals(7, vm.claims().size());
        ClaimRow exp = vm.claims().stream().filter(r -> r.name().equals("exp")).findFirst().orElseThrow();
        assertTrue(exp.when().contains("2026-11-25 10:50:00 UTC"), exp.when());
        assertTrue(exp.when().contains("11:50:00 CET"), "local time in the person's zone: " + exp.when());
        assertTrue(exp.when().contains("in 50 min"));
        assertEquals(List.of("Issued", "Expires"), vm.times().stream().map(TimeRow::label).toList(),
                "moments only: the lifetime is a sentence of its own, not a row under time headings");
        assertEquals("Lifetime (iat to exp): 1 hour, as documented.", vm.lifetimeTextProperty().get());
        assertEquals("1 warning", vm.findingsBadgeProperty().get(), "a dev token on the local sandbox");
        assertEquals(Tone.WARNING, vm.findingsToneProperty().get());
        vm.environmentProperty().set(Environment.SANDBOX);
        assertEquals("No findings", vm.findingsBadgeProperty().get());
        assertEquals(Tone.SUCCESS, vm.findingsToneProperty().get());
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

    @Test
    void anUnsignedTokenCarriesItsWorstFindingInTheSummary() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.unsignedMismatchedToken(NOW));
        assertEquals("Unsigned (alg: none)", vm.signatureBadgeProperty().get());
        assertEquals(Tone.DANGER, vm.signatureToneProperty().get());
        assertTrue(vm.findingsBadgeProperty().get().startsWith("2 errors"), vm.findingsBadgeProperty().get());
        assertEquals(Tone.DANGER, vm.findingsToneProperty().get());
        KeyFact sub = vm.keyFacts().get(1);
        assertEquals("SUB_USER_ID_MISMATCH", sub.note());
        assertEquals(Tone.DANGER, sub.tone());
    }

    @Test
    void savingAnExpectedClientIdJudgesTheLoadedTokenAgain() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW, "argyle-core-auth-dev"));
        assertFalse(vm.findings().stream().anyMatch(f -> f.code().equals("CLIENT_MISMATCH")));
        expectedClients.put(Environment.LOCAL, "our-team");
        vm.recheck();
        assertTrue(vm.findings().stream().anyMatch(f -> f.code().equals("CLIENT_MISMATCH")));
        assertEquals(1, logged.size(), "a recheck is not a new inspection for the audit log");
    }

    @Test
    void aSecretTypedAsBase64UrlIsCheckedAfterTheTypingPauseOffTheFxThread() {
        QueuedBackgroundWork background = QueuedBackgroundWork.held();
        InspectorViewModel vm = viewModel(background);
        byte[] secret = {(byte) 0xfb, 0x01, 0x7f, (byte) 0xee, 0x10, 0x20, 0x30, 0x40};
        vm.paste(TestTokens.hs256(TestTokens.argylePayload(NOW, "argyle-core-auth-dev"), secret));
        background.runNewest();
        vm.keyKindProperty().set(KeyKind.SECRET_BASE64URL);
        vm.keyTextProperty().set(TestTokens.b64(secret));
        assertEquals(SignatureStatus.UNVERIFIED, vm.signatureStatusProperty().get(), "the key is read in the background");
        background.runNewest();
        background.runNewest();
        assertEquals(SignatureStatus.VALID, vm.signatureStatusProperty().get());
        vm.keyKindProperty().set(KeyKind.SECRET_UTF8);
        background.runNewest();
        background.runNewest();
        assertEquals(SignatureStatus.INVALID, vm.signatureStatusProperty().get(), "the same text read as UTF-8 is another key");
    }

    @Test
    void twoTokensCompareClaimByClaimWithTheirDifferencesMarked() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        vm.paste(TestTokens.argyleToken(NOW.minusSeconds(7200), "argyle-core-auth-dev"));
        vm.secondInputProperty().set(TestTokens.argyleToken(NOW, "argyle-core-auth-prod"));
        Map<String, io.tokenconsole.inspect.TokenComparison.Row> rows = new java.util.HashMap<>();
        vm.comparison().forEach(row -> rows.put(row.name(), row));
        assertEquals("second is 2 h later", rows.get("iat").note());
        assertEquals("second is 2 h later", rows.get("exp").note());
        assertTrue(rows.get("iss").differs());
        assertTrue(rows.get("environment").differs());
        assertTrue(rows.get("jti").differs());
        assertFalse(rows.get("user_id").differs());
        assertFalse(rows.get("lifetime (iat to exp)").differs());
        assertEquals("5 differences, marked ≠.", vm.comparisonMessageProperty().get());
        vm.secondInputProperty().set("not a token");
        assertTrue(vm.comparison().isEmpty());
        assertTrue(vm.comparisonMessageProperty().get().startsWith("The second token can't be read"));
    }

    @Test
    void theHistoryBringsATokenBackUntilThePaneIsClearedThenKeepsOnlyItsFacts() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.immediate());
        String first = TestTokens.argyleToken(NOW, "argyle-core-auth-dev");
        vm.paste(first);
        vm.paste(TestTokens.unsignedMismatchedToken(NOW));
        assertEquals(2, vm.history().size());
        HistoryEntry older = vm.history().get(1);
        assertTrue(older.line().startsWith("jti "), older.line());
        assertTrue(older.line().contains("user " + TestTokens.USER_ID));
        vm.reopen(older);
        assertEquals(first, vm.inputProperty().get());
        assertEquals(2, vm.history().size(), "the same token again is one entry");

        vm.secondInputProperty().set(first);
        vm.clear();
        assertEquals("", vm.inputProperty().get());
        assertEquals("", vm.secondInputProperty().get(), "clearing the pane clears the second token too");
        assertTrue(vm.history().stream().noneMatch(HistoryEntry::inMemory));
        assertTrue(vm.history().stream().noneMatch(e -> e.line().contains(first.substring(0, 20))),
                "the list never shows the token");
        vm.reopen(vm.history().get(0));
        assertEquals("", vm.inputProperty().get());
        assertEquals("That token was cleared from memory. Paste it again to see its claims.", vm.noticeProperty().get());
    }

    @Test
    void theTokenFieldIsCutIntoHeaderPayloadAndSignatureAsItIsTyped() {
        InspectorViewModel vm = viewModel(QueuedBackgroundWork.held());
        vm.inputProperty().set("Bearer eyJhb");
        assertEquals(List.of(TokenSpan.Part.PLAIN, TokenSpan.Part.HEADER),
                vm.inputSpans().stream().map(TokenSpan::part).toList());
        vm.inputProperty().set("Bearer eyJhb.eyJzd.c2ln");
        assertEquals(List.of(TokenSpan.Part.PLAIN, TokenSpan.Part.HEADER, TokenSpan.Part.DOT, TokenSpan.Part.PAYLOAD,
                TokenSpan.Part.DOT, TokenSpan.Part.SIGNATURE), vm.inputSpans().stream().map(TokenSpan::part).toList());
        assertEquals("c2ln", vm.inputSpans().get(5).text());
        vm.inputProperty().set("hello world");
        assertEquals(List.of(TokenSpan.Part.PLAIN), vm.inputSpans().stream().map(TokenSpan::part).toList());
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
