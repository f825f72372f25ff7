package io.tokenconsole.inspect;

import java.time.Duration;
import java.time.Instant;

/** Says how far a moment is from now the way people do: "in 42 min", "3 days ago". */
public final class RelativeTime {

    private RelativeTime() {
    }

    public static String between(Instant now, Instant then) {
        Duration distance = Duration.between(now, then);
        if (distance.abs().getSeconds() < 1) {
            return "now";
        }
        String amount = amount(distance.abs());
        return distance.isNegative() ? amount + " ago" : "in " + amount;
    }

    /** A length of time, rounded down to the two units that matter: "1 h 5 min", "30 days", "42 s". */
    public static String amount(Duration duration) {
        long seconds = duration.abs().getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long restMinutes = minutes % 60;
            return restMinutes == 0 ? hours + " h" : hours + " h " + restMinutes + " min";
        }
        long days = hours / 24;
        if (days < 60) {
            return plural(days, "day");
        }
        if (days < 730) {
            return plural(days / 30, "month");
        }
        return plural(days / 365, "year");
    }

    /** A lifetime in its plainest words: "1 hour", "30 days", "1 h 30 min". */
    public static String lifetime(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        return (duration.isNegative() ? "minus " : "") + amount(duration);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
