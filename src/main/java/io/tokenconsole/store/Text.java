package io.tokenconsole.store;

/** Small rules for the free text fields, in one place so the directory and the importer agree. */
final class Text {

    static final int MAX_LABEL = 200;
    static final int MAX_NOTE = 4_000;

    private Text() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void checkLength(String what, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + what + " is " + value.length()
                    + " characters long; at most " + max + " fit");
        }
    }
}
