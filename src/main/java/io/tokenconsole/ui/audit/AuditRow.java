package io.tokenconsole.ui.audit;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One audit row as the table shows it: times in the person's zone (UTC for the tooltip), empty text
 * for what the row does not have, and the outcome with its error for failed rows.
 *
 * @param sequence    the log's own order; the same row read again has the same sequence
 * @param environment where it happened; {@code null} for settings of every environment
 */
public record AuditRow(
        long sequence,
        String time,
        String timeUtc,
        String operator,
        Environment environment,
        String action,
        String userId,
        String tokenJti,
        String tokenExp,
        String tokenExpUtc,
        boolean failed,
        String error,
        String detail) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int SHORT_JTI = 8;

    static AuditRow of(AuditEntry entry, ZoneId zone) {
        Instant exp = entry.token() == null ? null : entry.token().expiresAt();
        return new AuditRow(entry.sequence(), local(entry.at(), zone), utc(entry.at()), entry.operator(),
                entry.environment(), entry.action().displayName(), text(entry.userId()),
                entry.token() == null ? "" : text(entry.token().jti()), exp == null ? "" : LOCAL_MINUTES.format(exp.atZone(zone)),
                utc(exp),
                entry.error().isPresent(), entry.error().orElse(""), text(entry.detail()));
    }

    private static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone));
    }

    private static String utc(Instant at) {
        return at == null ? "" : at.toString().replace("T", " ").replace("Z", " UTC");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** "Local sandbox", or "All environments" for a row that concerns every one. */
    public String environmentName() {
        return environment == null ? "All environments" : environment.displayName();
    }

    /** The jti's first characters, for a narrow column (the tooltip and the detail have all of it). */
    public String shortJti() {
        return tokenJti.length() <= SHORT_JTI + 1 ? tokenJti : tokenJti.substring(0, SHORT_JTI) + "…";
    }

    /** "ok" or "failed". */
    public String outcome() {
        return failed ? "failed" : "ok";
    }

    /** What the detail area says about the row: the error first when it failed. */
    public String description() {
        StringBuilder text = new StringBuilder(action).append(" · ").append(environmentName()).append(" · ")
                .append(time).append(" (").append(timeUtc).append(") · by ").append(operator);
        if (!userId.isEmpty()) {
            text.append("\nUser: ").append(userId);
        }
        if (!tokenJti.isEmpty() || !tokenExp.isEmpty()) {
            text.append("\nToken: jti ").append(tokenJti.isEmpty() ? "(none)" : tokenJti)
                    .append(tokenExp.isEmpty() ? "" : ", expires " + tokenExp + " (" + tokenExpUtc + ")");
        }
        if (failed) {
            text.append("\nFailed: ").append(error.isEmpty() ? "no reason was recorded" : error);
        }
        if (!detail.isEmpty()) {
            text.append("\n").append(detail);
        }
        return text.toString();
    }
}
