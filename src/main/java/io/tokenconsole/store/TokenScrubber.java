package io.tokenconsole.store;

import java.util.regex.Pattern;

/**
 * Removes anything shaped like a JWT from text bound for the workspace. Error messages from an
 * HTTP client can quote a request body; a token must not reach the disk that way.
 */
final class TokenScrubber {

    // Three base64url segments, the first two long enough to be a JSON header and payload.
    private static final Pattern JWT_SHAPE =
            Pattern.compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]*");

    static final String REPLACEMENT = "[token removed]";

    private TokenScrubber() {
    }

    static String scrub(String text) {
        return text == null ? null : JWT_SHAPE.matcher(text).replaceAll(REPLACEMENT);
    }

    static boolean looksLikeToken(String text) {
        return text != null && JWT_SHAPE.matcher(text).find();
    }
}
