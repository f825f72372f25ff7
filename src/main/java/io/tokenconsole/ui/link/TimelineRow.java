package io.tokenconsole.ui.link;

/**
 * One line of a Link session's timeline as the view shows it.
 *
 * @param time when the console received it, in the window's time zone ({@code 14:03:07.215})
 * @param event the callback's name, or the console's or page's own report
 * @param source "Link", "Page" or "Console"
 * @param payload what the callback received, as one line of JSON ("" for nothing)
 * @param detail the same payload laid out over several lines, for reading
 * @param problem an error, a failed script load, a token Link could not get: shown as a problem
 */
public record TimelineRow(String time, String event, String source, String payload, String detail, boolean problem) {
}
