package io.tokenconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.inspect.ClaimCatalog;
import io.tokenconsole.inspect.ExpiryAdvice;
import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.InspectionError;
import io.tokenconsole.inspect.RelativeTime;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TimeFormats;
import io.tokenconsole.inspect.TokenReport;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** The inspector's report as text for a terminal: the same facts the window shows, in reading order. */
final class InspectionText {

    private final ZoneId zone;

    InspectionText(ZoneId zone) {
        this.zone = zone;
    }

    String render(InspectionError error) {
        StringBuilder text = new StringBuilder("No token: " + error.message() + " [" + error.code() + "]");
        if (!error.cleanupNotes().isEmpty()) {
            text.append(System.lineSeparator()).append("(cleaned up first: ")
                    .append(String.join("; ", error.cleanupNotes())).append(')');
        }
        return text.toString();
    }

    String render(TokenReport report) {
        StringBuilder out = new StringBuilder();
        if (report.input().cleaned()) {
            line(out, "Cleaned up", String.join("; ", report.input().notes()));
        }
        String status = report.status().displayName().toUpperCase(Locale.ROOT)
                + report.expiresAt().flatMap(TimeClaim::instant)
                        .map(at -> (report.expiresIn().orElseThrow().isNegative() ? " (expired " : " (expires ")
                                + RelativeTime.between(report.inspectedAt(), at) + ")")
                        .orElse("");
        line(out, "Status", status);
        line(out, "Environment", report.environment().displayName()
                + report.issuer().map(iss -> " (iss " + iss + ")").orElse(""));
        line(out, "Signature", report.signature().status().displayName() + ": " + report.signature().explanation());
        line(out, "User", report.userId().orElse("(no user_id)"));
        line(out, "Advice", ExpiryAdvice.TITLE + ". " + ExpiryAdvice.TEXT);

        out.append(System.lineSeparator()).append("Header").append(System.lineSeparator());
        for (Map.Entry<String, JsonNode> field : report.header().properties()) {
            row(out, field.getKey(), value(field.getValue()));
        }
        out.append(System.lineSeparator()).append("Claims").append(System.lineSeparator());
        for (Map.Entry<String, JsonNode> claim : report.claims().properties()) {
            String value = value(claim.getValue());
            String details = report.timeClaim(claim.getKey()).flatMap(TimeClaim::instant)
                    .map(at -> "  = " + TimeFormats.utc(at) + " · " + TimeFormats.local(at, zone) + " · "
                            + RelativeTime.between(report.inspectedAt(), at))
                    .orElse("");
            row(out, claim.getKey(), value + details);
            ClaimCatalog.meaningOfClaim(claim.getKey()).ifPresent(meaning -> row(out, "", "  " + meaning));
        }
        report.lifetime().ifPresent(lifetime -> {
            out.append(System.lineSeparator());
            line(out, "Lifetime", RelativeTime.lifetime(lifetime) + " (iat to exp)");
        });
        out.append(System.lineSeparator()).append("Findings").append(System.lineSeparator());
        if (report.findings().isEmpty()) {
            row(out, "", "none");
        }
        for (Finding finding : report.findings()) {
            row(out, finding.severity().id(), finding.code() + ": " + finding.message());
        }
        return out.toString();
    }

    private static String value(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-12s %s", label + ":", value)).append(System.lineSeparator());
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-10s %s", label, value)).append(System.lineSeparator());
    }
}
