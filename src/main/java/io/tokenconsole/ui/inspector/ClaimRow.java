package io.tokenconsole.ui.inspector;

/** One line of the claims table: the claim, its value as text, what it means, and for times, when. */
public record ClaimRow(String name, String value, String meaning, String when) {
}
