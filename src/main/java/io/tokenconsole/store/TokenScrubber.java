package io.tokenconsole.store;

import io.tokenconsole.text.CredentialText;
import io.tokenconsole.text.TokenShapes;

/**
 * Removes anything shaped like a JWT, and the value of any {@code Authorization} header, from text
 * bound for the workspace. Error messages from an HTTP client can quote a request; a credential
 * must not reach the disk that way. Linear in the text's length (see {@link TokenShapes}), and the
 * callers check a field's length before they scrub it.
 */
final class TokenScrubber {

    static final String REPLACEMENT = "[token removed]";
    static final String CREDENTIAL_REPLACEMENT = "[credential removed]";

    private TokenScrubber() {
    }

    static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return TokenShapes.replaceAll(CredentialText.withoutAuthorizationValues(text, CREDENTIAL_REPLACEMENT), REPLACEMENT);
    }

    /**
     * For error text, which may quote a request: also whatever follows {@code Basic} or {@code Bearer}.
     * (Labels and notes keep such words: "Basic plan" is a note, not a credential.)
     */
    static String scrubError(String text) {
        return text == null ? null : scrub(CredentialText.withoutSchemeValues(text, CREDENTIAL_REPLACEMENT));
    }

    static boolean looksLikeToken(String text) {
        return TokenShapes.containsToken(text);
    }
}
