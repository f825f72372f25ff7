package io.tokenconsole.ui.inspector;

import io.tokenconsole.workflow.EnvironmentMapping;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.ClaimCatalog;
import io.tokenconsole.inspect.ExpiryAdvice;
import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.InspectionError;
import io.tokenconsole.inspect.RelativeTime;
import io.tokenconsole.inspect.Severity;
import io.tokenconsole.inspect.SignatureStatus;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TimeFormats;
import io.tokenconsole.inspect.TimeReading;
import io.tokenconsole.inspect.TokenComparison;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.inspect.TokenStatus;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.inspect.VerificationKeys;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.Debouncer;
import io.tokenconsole.workflow.Once;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inspector pane's state and commands. Decoding runs as background work after the input
 * has been quiet for a moment; a result that arrives after newer input is dropped.
 */
public final class InspectorViewModel {

    // Properties: input
    private final StringProperty input = new SimpleStringProperty(this, "input", "");
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.LOCAL);
    private final ObjectProperty<KeyKind> keyKind = new SimpleObjectProperty<>(this, "keyKind", KeyKind.PUBLIC_KEY);
    private final StringProperty keyText = new SimpleStringProperty(this, "keyText", "");
    private final StringProperty secondInput = new SimpleStringProperty(this, "secondInput", "");

    // Properties: what the pane shows
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper decoded = new ReadOnlyBooleanWrapper(this, "decoded");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper cleanupNotes = new ReadOnlyStringWrapper(this, "cleanupNotes", "");
    private final ReadOnlyObjectWrapper<TokenStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper environmentText = new ReadOnlyStringWrapper(this, "environmentText", "");
    private final ReadOnlyBooleanWrapper environmentMismatch = new ReadOnlyBooleanWrapper(this, "environmentMismatch");
    private final ReadOnlyObjectWrapper<SignatureStatus> signatureStatus = new ReadOnlyObjectWrapper<>(this, "signatureStatus");
    private final ReadOnlyStringWrapper signatureText = new ReadOnlyStringWrapper(this, "signatureText", "");
    private final ReadOnlyStringWrapper headerJson = new ReadOnlyStringWrapper(this, "headerJson", "");
    private final ReadOnlyStringWrapper payloadJson = new ReadOnlyStringWrapper(this, "payloadJson", "");
    private final ReadOnlyStringWrapper headerSegment = new ReadOnlyStringWrapper(this, "headerSegment", "");
    private final ReadOnlyStringWrapper payloadSegment = new ReadOnlyStringWrapper(this, "payloadSegment", "");
    private final ReadOnlyStringWrapper signatureSegment = new ReadOnlyStringWrapper(this, "signatureSegment", "");
    private final ReadOnlyStringWrapper keyMessage = new ReadOnlyStringWrapper(this, "keyMessage", "");
    private final ReadOnlyObjectWrapper<Tone> statusTone = new ReadOnlyObjectWrapper<>(this, "statusTone");
    private final ReadOnlyObjectWrapper<Tone> environmentTone = new ReadOnlyObjectWrapper<>(this, "environmentTone");
    private final ReadOnlyStringWrapper signatureBadge = new ReadOnlyStringWrapper(this, "signatureBadge", "");
    private final ReadOnlyObjectWrapper<Tone> signatureTone = new ReadOnlyObjectWrapper<>(this, "signatureTone");
    private final ReadOnlyStringWrapper findingsBadge = new ReadOnlyStringWrapper(this, "findingsBadge", "");
    private final ReadOnlyObjectWrapper<Tone> findingsTone = new ReadOnlyObjectWrapper<>(this, "findingsTone");
    private final ReadOnlyStringWrapper lifetimeText = new ReadOnlyStringWrapper(this, "lifetimeText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper comparisonMessage = new ReadOnlyStringWrapper(this, "comparisonMessage", "");
    private final ObservableList<KeyFact> keyFacts = FXCollections.observableArrayList();
    private final ObservableList<TokenSpan> inputSpans = FXCollections.observableArrayList();
    private final ObservableList<TokenComparison.Row> comparison = FXCollections.observableArrayList();
    private final InspectionHistory history = new InspectionHistory();
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
    private final ObservableList<TimeRow> times = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    // Read-only views made once: a fresh wrapper per call would drop listeners when it is collected.
    private final ObservableList<ClaimRow> claimsView = FXCollections.unmodifiableObservableList(claims);
    private final ObservableList<TimeRow> timesView = FXCollections.unmodifiableObservableList(times);
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<KeyFact> keyFactsView = FXCollections.unmodifiableObservableList(keyFacts);
    private final ObservableList<TokenSpan> inputSpansView = FXCollections.unmodifiableObservableList(inputSpans);
    private final ObservableList<TokenComparison.Row> comparisonView = FXCollections.unmodifiableObservableList(comparison);

    // The JSON reader and what is built on it are made with the first decode, on the background thread, not
    // for the window's first frame: Jackson's start was about 50 ms and 1 MB of it (measured).
    private final Once<ObjectMapper> json;
    private final Once<TokenInspector> inspector;
    private final Once<VerificationKeys> keys;
    private final BackgroundWork background;
    private final Debouncer debouncer;
    private final Clock clock;
    private final ZoneId zone;

    private final InspectionLog log;
    private final InspectionDefaults defaults;

    private Optional<VerificationKey> verificationKey = Optional.empty();
    private boolean pastePending;
    /** True while a paste or clear replaces the input: those decode at once, not again after the pause. */
    private boolean replacingInput;
    private long generation;
    private BackgroundWork.Cancellable running;
    /** What changed since the typing pause began: the token, the key, the second token. */
    private boolean inputDirty;
    private boolean keyDirty;
    private boolean secondDirty;
    private long keyGeneration;
    private long secondGeneration;
    private Optional<TokenReport> current = Optional.empty();
    private Optional<TokenReport> second = Optional.empty();

    /** @param json makes the JSON reader the inspector decodes with; asked once, when the first token is decoded */
    public InspectorViewModel(Supplier<ObjectMapper> json, BackgroundWork background,
            Debouncer debouncer, Clock clock, ZoneId zone, InspectionLog log, InspectionDefaults defaults) {
        this.log = log;
        this.defaults = defaults;
        this.json = new Once<>(json);
        this.inspector = new Once<>(() -> new TokenInspector(this.json.get()));
        this.keys = new Once<>(() -> new VerificationKeys(this.json.get()));
        this.background = background;
        this.debouncer = debouncer;
        this.clock = clock;
        this.zone = zone;
        input.addListener((observable, before, now) -> {
            inputSpans.setAll(TokenSpan.of(now));
            if (!replacingInput) {
                inputDirty = true;
                debouncer.request(this::settle);
            }
        });
        keyText.addListener((observable, before, now) -> keyChanged());
        keyKind.addListener((observable, before, now) -> keyChanged());
        secondInput.addListener((observable, before, now) -> {
            secondDirty = true;
            debouncer.request(this::settle);
        });
        environment.addListener((observable, before, now) -> recheck());
    }

    private void keyChanged() {
        keyDirty = true;
        debouncer.request(this::settle);
    }

    /** After the typing pause: one debouncer serves the token, the key and the second token, so none cancels another. */
    private void settle() {
        if (keyDirty) {
            applyKey();
        } else if (inputDirty) {
            inputDirty = false;
            decode();
        }
        if (secondDirty) {
            secondDirty = false;
            decodeSecond();
        }
    }

    // Commands

    /** Takes pasted or dropped text: decodes at once; refuses (and keeps the current input) when it is too large. */
    public void paste(String text) {
        if (text == null) {
            return;
        }
        if (text.length() > TokenInspector.MAX_INPUT_CHARS) {
            showRefusal(TokenInspector.tooLarge(text.length()));
            return;
        }
        pastePending = true;
        replaceInput(text);
    }

    /** Reads a dropped or chosen file in the background; a file larger than 1 MiB is refused unread. */
    public void openFile(Path file) {
        busy.set(true);
        background.submit(() -> readFile(file), result -> {
            busy.set(false);
            result.ifPresentOrElse(this::paste,
                    () -> showRefusal(TokenInspector.tooLarge(sizeOf(file))));
        }, failure -> {
            busy.set(false);
            errorMessage.set("Can't read " + file.getFileName() + ": " + describe(failure));
        });
    }

    /** Reads a PEM or JWKS file in the background and checks the signature with it. */
    public void openKeyFile(Path file) {
        background.submit(() -> {
            if (Files.size(file) > TokenInspector.MAX_INPUT_CHARS) {
                throw new java.io.IOException("the file is larger than 1 MiB, so it is not a key");
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (java.nio.charset.MalformedInputException binary) {
                throw new java.io.IOException("the file is not text; save the key as PEM or JWKS");
            }
        }, text -> {
            keyKind.set(KeyKind.PUBLIC_KEY);
            keyText.set(text);
            applyKey();
        }, failure -> keyMessage.set("Can't read " + file.getFileName() + ": " + describe(failure)));
    }

    /** Empties the pane: both token fields, and every token the history kept in memory. */
    public void clear() {
        history.forgetTokens();
        secondInput.set("");
        secondDirty = false;
        notice.set("");
        replaceInput("");
    }

    private void replaceInput(String text) {
        replacingInput = true;
        inputDirty = false;
        try {
            input.set(text);
        } finally {
            replacingInput = false;
        }
        decode();
    }

    /**
     * Reads the key text as the chosen kind, off the FX thread, and checks the signature again; runs by
     * itself after a typing pause in the key field. An unusable key says why and checks nothing.
     */
    public void applyKey() {
        keyDirty = false;
        inputDirty = false;
        long mine = ++keyGeneration;
        String text = keyText.get() == null ? "" : keyText.get();
        KeyKind kind = keyKind.get();
        if (text.isBlank()) {
            keyMessage.set("");
            verificationKey = Optional.empty();
            decode();
            return;
        }
        background.submit(() -> switch (kind) {
            case PUBLIC_KEY -> keys.get().parsePublic(text);
            case SECRET_UTF8 -> keys.get().sharedSecret(text);
            case SECRET_BASE64URL -> keys.get().sharedSecretBase64Url(text);
        }, key -> {
            if (mine == keyGeneration) {
                verificationKey = Optional.of(key);
                keyMessage.set("Checking with the " + key.description() + ".");
                decode();
            }
        }, unusable -> {
            if (mine == keyGeneration) {
                verificationKey = Optional.empty();
                keyMessage.set(describe(unusable));
                decode();
            }
        });
    }

    public void forgetKey() {
        ++keyGeneration;
        verificationKey = Optional.empty();
        keyText.set("");
        keyDirty = false;
        keyMessage.set("");
        decode();
    }

    /** Re-judges the current input against the clock, so "in 42 min" doesn't go stale on screen. */
    public void refresh() {
        if (decoded.get()) {
            decode();
        }
    }

    /**
     * Judges the tokens again because what they are judged against changed: the settings (an expected
     * client_id was saved) or the environment. Nothing happens while the pane is empty.
     */
    public void recheck() {
        if (!input.get().isBlank()) {
            decode();
        }
        if (!secondInput.get().isBlank()) {
            decodeSecond();
        }
    }

    /** Shows a token from this session's history again, while it is still in memory. */
    public void reopen(HistoryEntry entry) {
        history.token(entry).ifPresentOrElse(token -> {
            notice.set("");
            replaceInput(token);
        }, () -> notice.set("That token was cleared from memory. Paste it again to see its claims."));
    }

    /** Tells the person what just went to the clipboard ("Copied user_id."). */
    public void copied(String what) {
        notice.set("Copied " + what + " to the clipboard.");
    }

    /** Decodes the second token (the one to compare with) in the background. */
    private void decodeSecond() {
        long mine = ++secondGeneration;
        String text = secondInput.get();
        Environment on = environment.get();
        Instant now = clock.instant();
        if (text.isBlank()) {
            second = Optional.empty();
            compare();
            return;
        }
        background.submit(() -> inspect(text, on, Optional.empty(), now), inspection -> {
            if (mine != secondGeneration) {
                return;
            }
            if (inspection instanceof Inspection.Decoded decodedSecond) {
                second = Optional.of(decodedSecond.report());
                compare();
            } else {
                second = Optional.empty();
                comparison.clear();
                comparisonMessage.set("The second token can't be read: " + ((Inspection.Failed) inspection).error().message());
            }
        }, failure -> {
            if (mine == secondGeneration) {
                second = Optional.empty();
                comparison.clear();
                comparisonMessage.set("The inspector failed unexpectedly: " + describe(failure));
            }
        });
    }

    private void compare() {
        if (second.isEmpty()) {
            comparison.clear();
            comparisonMessage.set(current.isEmpty() ? "" : "Paste a second token here (a fresh one, say) to see what differs.");
            return;
        }
        if (current.isEmpty()) {
            comparison.clear();
            comparisonMessage.set("Paste the first token in the field at the top.");
            return;
        }
        TokenComparison result = TokenComparison.of(current.get(), second.get());
        comparison.setAll(result.rows());
        long differences = result.differences();
        comparisonMessage.set(differences == 0 ? "The two tokens carry the same claims."
                : differences + (differences == 1 ? " difference" : " differences") + ", marked ≠.");
    }

    /** Decodes the current input now, in the background. */
    public void decode() {
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        String text = input.get();
        Environment on = environment.get();
        Optional<VerificationKey> key = verificationKey;
        Instant now = clock.instant();
        boolean pasted = pastePending;
        pastePending = false;
        busy.set(true);
        running = background.submit(() -> inspect(text, on, key, now), inspection -> {
            if (mine == generation) {
                busy.set(false);
                show(inspection);
                if (inspection instanceof Inspection.Decoded decodedInspection) {
                    TokenReport report = decodedInspection.report();
                    history.add(report.input().candidate(), report, statusLine(report), HOUR.withZone(zone).format(now));
                    if (pasted) {
                        log.tokenInspected(on, report);
                    }
                }
            }
        }, failure -> {
            if (mine == generation) {
                busy.set(false);
                clearReport();
                errorMessage.set("The inspector failed unexpectedly: " + describe(failure));
            }
        });
    }

    /**
     * Runs on the background thread (the expected client id comes from the settings on disk). A token
     * of this console's own local sandbox is checked against the sandbox's key unless a key was given.
     */
    private Inspection inspect(String text, Environment on, Optional<VerificationKey> key, Instant now) {
        InspectionContext context = InspectionContext.at(now).onEnvironment(EnvironmentMapping.tokenEnvironment(on));
        context = defaults.expectedClientId(on).map(context::expectingClientId).orElse(context);
        Inspection inspection = inspector.get().inspect(text, key.map(context::verifyingWith).orElse(context));
        Optional<VerificationKey> ownKey = defaults.localSandboxKey();
        if (key.isEmpty() && ownKey.isPresent() && inspection instanceof Inspection.Decoded decodedToken
                && decodedToken.report().environment() == TokenEnvironment.LOCAL) {
            return inspector.get().inspect(text, context.verifyingWith(ownKey.get()));
        }
        return inspection;
    }

    private Optional<String> readFile(Path file) throws java.io.IOException {
        if (Files.size(file) > TokenInspector.MAX_INPUT_CHARS) {
            return Optional.empty();
        }
        byte[] bytes = Files.readAllBytes(file);
        return Optional.of(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(bytes)).toString());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    // Showing a result

    private void show(Inspection inspection) {
        if (inspection instanceof Inspection.Decoded decodedInspection) {
            showReport(decodedInspection.report());
            return;
        }
        InspectionError error = ((Inspection.Failed) inspection).error();
        clearReport();
        if (error.code() == io.tokenconsole.inspect.ErrorCode.EMPTY && input.get().isBlank()) {
            errorMessage.set("");
            cleanupNotes.set("");
            return;
        }
        errorMessage.set(error.message());
        cleanupNotes.set(error.cleanupNotes().isEmpty() ? "" : "Cleaned up: " + String.join("; ", error.cleanupNotes()));
    }

    private void showRefusal(InspectionError error) {
        // The input already on screen stays as it is: a refused paste loses nothing.
        errorMessage.set(error.message());
    }

    private void clearReport() {
        current = Optional.empty();
        compare();
        decoded.set(false);
        statusTone.set(null);
        environmentTone.set(null);
        signatureBadge.set("");
        signatureTone.set(null);
        findingsBadge.set("");
        findingsTone.set(null);
        lifetimeText.set("");
        keyFacts.clear();
        status.set(null);
        statusText.set("");
        environmentText.set("");
        environmentMismatch.set(false);
        signatureStatus.set(null);
        signatureText.set("");
        headerJson.set("");
        payloadJson.set("");
        headerSegment.set("");
        payloadSegment.set("");
        signatureSegment.set("");
        claims.clear();
        times.clear();
        findings.clear();
    }

    private void showReport(TokenReport report) {
        Instant now = report.inspectedAt();
        errorMessage.set("");
        cleanupNotes.set(report.input().cleaned() ? "Cleaned up: " + String.join("; ", report.input().notes()) : "");
        status.set(report.status());
        statusText.set(statusLine(report));
        statusTone.set(ReportSummary.statusTone(report));
        environmentText.set(environmentLine(report));
        environmentMismatch.set(report.hasFinding("ENVIRONMENT_MISMATCH"));
        environmentTone.set(environmentMismatch.get() ? Tone.WARNING : Tone.NEUTRAL);
        signatureStatus.set(report.signature().status());
        signatureBadge.set(ReportSummary.signatureBadge(report));
        signatureTone.set(ReportSummary.signatureTone(report));
        Optional<Severity> worst = ReportSummary.worst(report.findings());
        findingsBadge.set(ReportSummary.findingsBadge(report.findings()));
        findingsTone.set(ReportSummary.tone(worst));
        keyFacts.setAll(ReportSummary.keyFacts(report, zone));
        signatureText.set(report.signature().status().displayName() + ". " + report.signature().explanation());
        headerJson.set(pretty(report.header()));
        payloadJson.set(pretty(report.claims()));
        headerSegment.set(report.segments().header());
        payloadSegment.set(report.segments().payload());
        signatureSegment.set(report.segments().signature());

        List<ClaimRow> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> claim : report.claims().properties()) {
            String name = claim.getKey();
            JsonNode value = claim.getValue();
            rows.add(new ClaimRow(name, value.isTextual() ? value.asText() : value.toString(),
                    ClaimCatalog.meaningOfClaim(name).orElse("Not a registered or Argyle claim; shown as it is."),
                    report.timeClaim(name).map(time -> when(time, now)).orElse("")));
        }
        claims.setAll(rows);

        List<TimeRow> moments = new ArrayList<>();
        report.issuedAt().ifPresent(t -> moments.add(timeRow("Issued", t, now)));
        report.notBefore().ifPresent(t -> moments.add(timeRow("Not before", t, now)));
        report.expiresAt().ifPresent(t -> moments.add(timeRow("Expires", t, now)));
        times.setAll(moments);
        lifetimeText.set(report.lifetime().map(l -> "Lifetime (iat to exp): " + RelativeTime.lifetime(l)
                + (l.equals(Duration.ofHours(1)) ? ", as documented." : "; Argyle documents 1 hour.")).orElse(""));
        findings.setAll(report.findings());
        decoded.set(true);
        current = Optional.of(report);
        compare();
    }

    private static String environmentLine(TokenReport report) {
        if (report.environment() == TokenEnvironment.UNKNOWN) {
            return report.issuer().map(iss -> "Unknown issuer (" + iss + ")").orElse("No issuer (iss)");
        }
        return "From " + report.environment().displayName() + report.issuer().map(iss -> " (" + iss + ")").orElse("");
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);

    private static String statusLine(TokenReport report) {
        Instant now = report.inspectedAt();
        Optional<Instant> expiry = report.expiresAt().flatMap(TimeClaim::instant);
        return switch (report.status()) {
            case VALID -> "Valid · expires " + RelativeTime.between(now, expiry.orElseThrow());
            case EXPIRED -> "Expired " + RelativeTime.between(now, expiry.orElseThrow());
            case NOT_YET_VALID -> "Not yet valid · starts "
                    + RelativeTime.between(now, report.notBefore().flatMap(TimeClaim::instant).orElseThrow());
            case NO_EXPIRY -> "No expiry";
        };
    }

    private TimeRow timeRow(String label, TimeClaim time, Instant now) {
        return time.instant()
                .map(at -> new TimeRow(label, TimeFormats.utc(at), TimeFormats.local(at, zone), RelativeTime.between(now, at)))
                .orElseGet(() -> new TimeRow(label, "unreadable: " + time.rawValue(), "", ""));
    }

    private String when(TimeClaim time, Instant now) {
        if (time.instant().isEmpty()) {
            return "can't be read as a time";
        }
        Instant at = time.instant().get();
        String how = time.reading() == TimeReading.SECONDS ? "" : " (read from " + readingName(time.reading()) + ")";
        return TimeFormats.utc(at) + " · " + TimeFormats.local(at, zone) + " · " + RelativeTime.between(now, at) + how;
    }

    private static String readingName(TimeReading reading) {
        return switch (reading) {
            case MILLISECONDS -> "milliseconds";
            case NUMERIC_STRING -> "a string";
            case ISO_STRING -> "an ISO date string";
            default -> "seconds";
        };
    }

    private String pretty(JsonNode node) {
        try {
            return json.get().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    // Property accessors

    public StringProperty inputProperty() {
        return input;
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObjectProperty<KeyKind> keyKindProperty() {
        return keyKind;
    }

    public StringProperty keyTextProperty() {
        return keyText;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty decodedProperty() {
        return decoded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cleanupNotesProperty() {
        return cleanupNotes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TokenStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentTextProperty() {
        return environmentText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty environmentMismatchProperty() {
        return environmentMismatch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SignatureStatus> signatureStatusProperty() {
        return signatureStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signatureTextProperty() {
        return signatureText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headerJsonProperty() {
        return headerJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadJsonProperty() {
        return payloadJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headerSegmentProperty() {
        return headerSegment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadSegmentProperty() {
        return payloadSegment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signatureSegmentProperty() {
        return signatureSegment.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyMessageProperty() {
        return keyMessage.getReadOnlyProperty();
    }

    public StringProperty secondInputProperty() {
        return secondInput;
    }

    public ReadOnlyObjectProperty<Tone> statusToneProperty() {
        return statusTone.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> environmentToneProperty() {
        return environmentTone.getReadOnlyProperty();
    }

    /** "Not verified", "Valid signature", … or "Unsigned (alg: none)". */
    public ReadOnlyStringProperty signatureBadgeProperty() {
        return signatureBadge.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> signatureToneProperty() {
        return signatureTone.getReadOnlyProperty();
    }

    /** The findings by severity ("2 errors · 1 warning") or "No findings". */
    public ReadOnlyStringProperty findingsBadgeProperty() {
        return findingsBadge.getReadOnlyProperty();
    }

    /** The tone of the worst finding: danger for an error, success when there are none. */
    public ReadOnlyObjectProperty<Tone> findingsToneProperty() {
        return findingsTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lifetimeTextProperty() {
        return lifetimeText.getReadOnlyProperty();
    }

    /** A short word on what just happened (copied, a cleared history entry). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparisonMessageProperty() {
        return comparisonMessage.getReadOnlyProperty();
    }

    public ObservableList<KeyFact> keyFacts() {
        return keyFactsView;
    }

    /** The token field's text cut into header, payload, signature and the plain text around them. */
    public ObservableList<TokenSpan> inputSpans() {
        return inputSpansView;
    }

    public ObservableList<TokenComparison.Row> comparison() {
        return comparisonView;
    }

    public ObservableList<HistoryEntry> history() {
        return history.entries();
    }

    public ObservableList<ClaimRow> claims() {
        return claimsView;
    }

    public ObservableList<TimeRow> times() {
        return timesView;
    }

    public ObservableList<Finding> findings() {
        return findingsView;
    }

    public String expiryAdvice() {
        return ExpiryAdvice.TITLE + ". " + ExpiryAdvice.TEXT;
    }
}
