package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Writes an inspection as the headless JSON contract of DESIGN.md, field for field. */
public final class InspectionJson {

    private final ObjectMapper json;

    public InspectionJson(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode write(Inspection inspection) {
        if (inspection instanceof Inspection.Decoded decoded) {
            return write(decoded.report());
        }
        return write(((Inspection.Failed) inspection).error());
    }

    private ObjectNode write(InspectionError error) {
        ObjectNode root = json.createObjectNode();
        root.put("ok", false);
        ObjectNode body = root.putObject("error");
        body.put("code", error.code().name());
        body.put("message", error.message());
        if (!error.cleanupNotes().isEmpty()) {
            ArrayNode notes = root.putObject("input").put("cleaned", true).putArray("notes");
            error.cleanupNotes().forEach(notes::add);
        }
        return root;
    }

    private ObjectNode write(TokenReport report) {
        ObjectNode root = json.createObjectNode();
        root.put("ok", true);
        ObjectNode input = root.putObject("input");
        input.put("cleaned", report.input().cleaned());
        ArrayNode notes = input.putArray("notes");
        report.input().notes().forEach(notes::add);
        root.set("header", report.header().deepCopy());
        root.set("claims", report.claims().deepCopy());
        putText(root, "user_id", report.userId());
        putText(root, "sub", report.subject());
        putText(root, "client_id", report.clientId());
        putText(root, "issuer", report.issuer());
        putText(root, "jti", report.tokenId());
        putInstant(root, "issued_at", report.issuedAt().flatMap(TimeClaim::instant));
        putInstant(root, "not_before", report.notBefore().flatMap(TimeClaim::instant));
        putInstant(root, "expires_at", report.expiresAt().flatMap(TimeClaim::instant));
        putSeconds(root, "lifetime_seconds", report.lifetime());
        root.put("status", report.status().id());
        putSeconds(root, "expires_in_seconds", report.expiresIn());
        root.put("environment", report.environment().id());
        root.put("signature", report.signature().status().id());
        root.put("signature_detail", report.signature().explanation());
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject()
                    .put("severity", finding.severity().id())
                    .put("code", finding.code())
                    .put("message", finding.message());
        }
        root.put("advice", ExpiryAdvice.TEXT);
        return root;
    }

    private static void putText(ObjectNode root, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> root.put(field, v), () -> root.putNull(field));
    }

    private static void putInstant(ObjectNode root, String field, Optional<Instant> value) {
        value.ifPresentOrElse(v -> root.put(field, TimeFormats.iso(v)), () -> root.putNull(field));
    }

    private static void putSeconds(ObjectNode root, String field, Optional<Duration> value) {
        value.ifPresentOrElse(v -> root.put(field, v.getSeconds()), () -> root.putNull(field));
    }
}
