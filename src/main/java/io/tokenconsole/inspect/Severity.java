package io.tokenconsole.inspect;

import java.util.Locale;

/** How much a finding matters, most serious first. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
