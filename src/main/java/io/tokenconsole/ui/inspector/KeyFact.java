package io.tokenconsole.ui.inspector;

/**
 * One of the claims a support engineer reads first (user_id, sub, exp, iss, client_id), in full;
 * {@code note} names the finding about it, if any, and {@code tone} how serious that is.
 */
public record KeyFact(String name, String value, String note, Tone tone) {
}
