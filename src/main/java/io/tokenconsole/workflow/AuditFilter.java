package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a person filters the audit log by, in their words (a period, dates in their own time zone,
 * a pasted user id), turned into an {@link AuditQuery}. Whatever does not make a query (half a user
 * id, dates the wrong way round) is refused with a message that says what to do.
 *
 * @param period      the time range; {@link Period#BETWEEN} uses {@code from} and {@code to}
 * @param from        first day shown, inclusive, in the person's time zone; {@code null} = open
 * @param to          last day shown, inclusive; {@code null} = open
 * @param environment only this environment's rows; {@code null} = every environment
 * @param action      only this action; {@code null} = any
 * @param userId      only rows about this user id, as typed; blank = any
 */
public record AuditFilter(Period period, LocalDate from, LocalDate to, Environment environment, AuditAction action,
        String userId) {

    /** The time ranges offered, as people say them. */
    public enum Period {
        LAST_HOUR("Last hour"),
        TODAY("Today"),
        LAST_7_DAYS("Last 7 days"),
        LAST_30_DAYS("Last 30 days"),
        ALL_TIME("All time"),
        BETWEEN("Between dates");

        private final String displayName;

        Period(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }

        public static Optional<Period> fromDisplayName(String text) {
            return Arrays.stream(values()).filter(period -> period.displayName.equals(text)).findFirst();
        }
    }

    /** Ids of which this could be the beginning: hexadecimal digits and dashes, shorter than a UUID. */
    private static final Pattern PART_OF_AN_ID = Pattern.compile("[0-9a-f-]{1,35}");

    public AuditFilter {
        Objects.requireNonNull(period, "period");
        userId = userId == null ? "" : userId.strip();
    }

    /** The pane's starting point: the last 7 days of one environment, any action, any user. */
    public static AuditFilter lastWeekIn(Environment environment) {
        return new AuditFilter(Period.LAST_7_DAYS, null, null, environment, null, "");
    }

    /**
     * The query for this filter at {@code now}, reading dates in {@code zone}.
     *
     * @throws IllegalArgumentException with a message for the person: what is wrong and what to do
     */
    public AuditQuery toQuery(Instant now, ZoneId zone, int limit) {
        AuditQuery query = AuditQuery.EVERYTHING.in(environment).action(action).limit(limit);
        if (!userId.isEmpty()) {
            query = query.user(checkedUserId(userId));
        }
        return switch (period) {
            case LAST_HOUR -> query.since(now.minus(Duration.ofHours(1)));
            case TODAY -> query.since(LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
            case LAST_7_DAYS -> query.since(now.minus(Duration.ofDays(7)));
            case LAST_30_DAYS -> query.since(now.minus(Duration.ofDays(30)));
            case ALL_TIME -> query;
            case BETWEEN -> between(query, zone);
        };
    }

    private AuditQuery between(AuditQuery query, ZoneId zone) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The first day (" + from + ") is after the last day (" + to
                    + "): swap the dates.");
        }
        return query.since(from == null ? null : from.atStartOfDay(zone).toInstant())
                .until(to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The user id in its stored form; half an id is refused, because it would find nothing. */
    public static String checkedUserId(String typed) {
        String candidate = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        Optional<String> id = UserIds.parse(candidate);
        if (id.isPresent()) {
            return id.get();
        }
        if (PART_OF_AN_ID.matcher(candidate).matches()) {
            throw new IllegalArgumentException("'" + candidate + "' is only part of a user id (" + candidate.length()
                    + " of 36 characters). The audit log is filtered by the whole id: paste all of it,"
                    + " like 018051aa-f7a9-a0db-2f38-6cfa325e9d69.");
        }
        return UserIds.normalize(candidate);
    }
}
