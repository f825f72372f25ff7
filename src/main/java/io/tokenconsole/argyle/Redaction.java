package io.tokenconsole.argyle;

import java.util.regex.Pattern;

/**
 * Scrubs text that comes from outside (an API error body, an exception message) before it can
 * reach a message or a log: the API secret and anything shaped like a JWT are replaced. A server
 * that echoes a request back must not make the console print a credential.
 */
final class Redaction {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** Error bodies can be whole HTML pages; a message needs only their start. */
    private static final int LONGEST_TEXT = 300;

    private final String secret;

    Redaction(String secret) {
        this.secret = secret;
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        if (secret != null && !secret.isEmpty()) {
            clean = clean.replace(secret, "(secret hidden)");
        }
        clean = JWT.matcher(clean).replaceAll("(token hidden)");
        clean = clean.replaceAll("\\s+", " ").strip();
        return clean.length() > LONGEST_TEXT ? clean.substring(0, LONGEST_TEXT) + "…" : clean;
    }

    /**
     * A stand-in for a low-level exception to keep as a cause: same class name, stack and chain,
     * but every message scrubbed, so a printed stack trace cannot leak what the message held.
     */
    Throwable scrubCause(Throwable cause) {
        if (cause == null) {
            return null;
        }
        ScrubbedCause copy = new ScrubbedCause(cause.getClass().getName() + ": " + scrub(String.valueOf(cause.getMessage())),
                scrubCause(cause.getCause() == cause ? null : cause.getCause()));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    /** Carries a scrubbed copy of a low-level failure for diagnosis. */
    static final class ScrubbedCause extends Exception {
        ScrubbedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
