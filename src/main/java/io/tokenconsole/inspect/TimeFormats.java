package io.tokenconsole.inspect;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The two ways the console writes a moment: UTC for tickets, local time for the person at the desk. */
public final class TimeFormats {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

    private TimeFormats() {
    }

    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.withZone(zone).format(instant);
    }

    /** ISO 8601 in UTC to the second, as the JSON contract writes it. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0));
    }
}
