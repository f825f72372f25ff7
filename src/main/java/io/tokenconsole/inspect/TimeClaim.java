package io.tokenconsole.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A time claim as found in the payload and as the console reads it. Strict libraries reject
 * the whole token when {@code exp} is a string; the console reads what it can and says how.
 */
public record TimeClaim(String name, String rawValue, TimeReading reading, Optional<Instant> instant) {

    /** Seconds since the epoch stay below this until the year 5138; values above it are milliseconds. */
    private static final BigDecimal MILLISECONDS_THRESHOLD = new BigDecimal("100000000000");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    static TimeClaim read(String name, JsonNode value) {
        String raw = value.isTextual() ? value.asText() : value.toString();
        if (value.isNumber()) {
            if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
                return unreadable(name, raw);
            }
            return fromNumber(name, raw, value.decimalValue(), false);
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (NUMBER.matcher(text).matches()) {
                return fromNumber(name, raw, new BigDecimal(text), true);
            }
            try {
                return new TimeClaim(name, raw, TimeReading.ISO_STRING, Optional.of(Instant.parse(text)));
            } catch (DateTimeParseException notIso) {
                return unreadable(name, raw);
            }
        }
        return unreadable(name, raw);
    }

    private static TimeClaim fromNumber(String name, String raw, BigDecimal number, boolean fromString) {
        if (number.precision() - number.scale() > 20) {
            // Far beyond any date; also keeps a value like 1e999999999 from being expanded digit by digit.
            return unreadable(name, raw);
        }
        boolean milliseconds = number.abs().compareTo(MILLISECONDS_THRESHOLD) >= 0;
        BigDecimal millis = milliseconds ? number : number.movePointRight(3);
        TimeReading reading = milliseconds ? TimeReading.MILLISECONDS
                : fromString ? TimeReading.NUMERIC_STRING : TimeReading.SECONDS;
        try {
            // A fraction of a millisecond is not worth refusing a time over.
            long epochMillis = millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
            return new TimeClaim(name, raw, reading, Optional.of(Instant.ofEpochMilli(epochMillis)));
        } catch (ArithmeticException outOfRange) {
            return unreadable(name, raw);
        }
    }

    private static TimeClaim unreadable(String name, String raw) {
        return new TimeClaim(name, raw, TimeReading.UNREADABLE, Optional.empty());
    }

    /** The claim as an RFC 7519 NumericDate, when it was one. */
    public boolean isStandard() {
        return reading == TimeReading.SECONDS;
    }
}
