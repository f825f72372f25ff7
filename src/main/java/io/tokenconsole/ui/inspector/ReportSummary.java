package io.tokenconsole.ui.inspector;

import io.tokenconsole.inspect.Finding;
import io.tokenconsole.inspect.RelativeTime;
import io.tokenconsole.inspect.Severity;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TimeFormats;
import io.tokenconsole.inspect.TokenReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the inspector's summary says about a report, so the worst news is on the first line: the tone
 * of each badge, the findings count with their worst severity, and the key claims in full.
 */
final class ReportSummary {

    /** The claims the vendor's own page shows, in the order a support engineer reads them. */
    static final List<String> KEY_CLAIMS = List.of("user_id", "sub", "exp", "iss", "client_id");

    /** Which key claim a finding is about, so the fact carries it next to its value. */
    private static final Map<String, String> FINDING_CLAIM = Map.of(
            "SUB_USER_ID_MISMATCH", "sub",
            "CLIENT_MISMATCH", "client_id",
            "ENVIRONMENT_MISMATCH", "iss",
            "EXPIRED", "exp",
            "NO_EXPIRY", "exp",
            "NOT_YET_VALID", "exp",
            "LIFETIME_UNEXPECTED", "exp");

    private ReportSummary() {
    }

    static boolean unsigned(TokenReport report) {
        return report.algorithm().equalsIgnoreCase("none");
    }

    static String signatureBadge(TokenReport report) {
        return unsigned(report) ? "Unsigned (alg: none)" : report.signature().status().displayName();
    }

    static Tone signatureTone(TokenReport report) {
        if (unsigned(report)) {
            return Tone.DANGER;
        }
        return switch (report.signature().status()) {
            case VALID -> Tone.SUCCESS;
            case INVALID -> Tone.DANGER;
            case UNVERIFIED -> Tone.NEUTRAL;
        };
    }

    static Tone statusTone(TokenReport report) {
        return switch (report.status()) {
            case VALID -> Tone.SUCCESS;
            case EXPIRED -> Tone.DANGER;
            case NOT_YET_VALID, NO_EXPIRY -> Tone.WARNING;
        };
    }

    static Optional<Severity> worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
    }

    static Tone tone(Optional<Severity> severity) {
        return severity.map(s -> switch (s) {
            case ERROR -> Tone.DANGER;
            case WARNING -> Tone.WARNING;
            case INFO -> Tone.NEUTRAL;
        }).orElse(Tone.SUCCESS);
    }

    /** "2 errors · 1 warning", "1 note", or "No findings". */
    static String findingsBadge(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "No findings";
        }
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long count = findings.stream().filter(f -> f.severity() == severity).count();
            if (count > 0) {
                parts.add(count + " " + noun(severity) + (count == 1 ? "" : "s"));
            }
        }
        return String.join(" · ", parts);
    }

    private static String noun(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    static List<KeyFact> keyFacts(TokenReport report, ZoneId zone) {
        List<KeyFact> facts = new ArrayList<>();
        for (String name : KEY_CLAIMS) {
            List<Finding> about = report.findings().stream()
                    .filter(f -> name.equals(FINDING_CLAIM.get(f.code()))
                            || (f.code().equals("MISSING_CLAIM") && f.message().startsWith(name + " ")))
                    .toList();
            Optional<Severity> worst = worst(about);
            String note = String.join(", ", about.stream().map(Finding::code).toList());
            facts.add(new KeyFact(name, value(report, name, zone), note,
                    worst.isEmpty() ? Tone.NEUTRAL : tone(worst)));
        }
        return facts;
    }

    private static String value(TokenReport report, String name, ZoneId zone) {
        if (name.equals("exp")) {
            return report.expiresAt().map(exp -> moment(exp, report.inspectedAt(), zone)).orElse("missing");
        }
        var value = report.claims().get(name);
        if (value == null) {
            return "missing";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String moment(TimeClaim time, Instant now, ZoneId zone) {
        return time.instant()
                .map(at -> TimeFormats.utc(at) + " · " + TimeFormats.local(at, zone) + " · " + RelativeTime.between(now, at))
                .orElse("unreadable: " + time.rawValue());
    }
}
