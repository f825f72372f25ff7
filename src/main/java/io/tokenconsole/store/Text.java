package io.tokenconsole.store;

/** Small rules for the free text fields, in one place so the directory and the importer agree. */
final class Text {

    static final int MAX_LABEL = 200;
    static final int MAX_NOTE = 4_000;

    private Text() {
    }

    /** The text cut to {@code max} characters, with an ellipsis when something was cut. */
    static String shortened(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /**
     * Times are stored as epoch milliseconds: an instant that does not fit (year +999999999) is
     * refused with the field's name instead of failing the whole write with "long overflow".
     */
    static void checkInstant(String what, java.time.Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new IllegalArgumentException(what + " " + value + " is out of range (years 1 to 9999)");
        }
    }

    private static final java.time.Instant EARLIEST = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59.999Z");

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * The free text as given, scrubbed of tokens and checked for length. Text far over the limit is
     * refused before it is scanned at all; the room above the limit is for tokens pasted by mistake,
     * which the scrub replaces by a short marker.
     */
    static String scrubbedField(String what, String value, int max) {
        checkLength(what, value, max + ROOM_FOR_PASTED_TOKENS);
        String scrubbed = TokenScrubber.scrub(value);
        checkLength(what, scrubbed, max);
        return scrubbed;
    }

    private static final int ROOM_FOR_PASTED_TOKENS = 8 * 1024;

    static void checkLength(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + what + " is " + value.length()
                    + " characters long; at most " + max + " fit");
        }
    }
}
