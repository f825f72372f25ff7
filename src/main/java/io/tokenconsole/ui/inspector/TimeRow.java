package io.tokenconsole.ui.inspector;

/** One moment of the token (issued, not before, expires) in the three ways people read time. */
public record TimeRow(String label, String utc, String local, String relative) {
}
