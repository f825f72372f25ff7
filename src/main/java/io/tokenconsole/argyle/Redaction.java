package io.tokenconsole.argyle;

import io.tokenconsole.text.CredentialText;
import io.tokenconsole.text.TextEdits;
import io.tokenconsole.text.TokenShapes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scrubs text that comes from outside (an API error body, an exception message) before it can
 * reach a message, a log or the audit log. A server or proxy that echoes the request back must not
 * make the console keep a credential, so this removes:
 * <ul>
 *   <li>the value of any {@code Authorization} header, and whatever follows {@code Basic} or {@code Bearer};</li>
 *   <li>the API secret, and {@code id:secret} in clear, in base64 and in base64url, padded or not,
 *       and percent-encoded;</li>
 *   <li>anything shaped like a JWT.</li>
 * </ul>
 * Every step is linear in the length of the text, and the text is cut to {@link #LONGEST_SCANNED}
 * before any of them runs.
 */
final class Redaction {

    static final String SECRET_HIDDEN = "(secret hidden)";
    static final String TOKEN_HIDDEN = "(token hidden)";
    /** Error bodies can be whole HTML pages; a message needs only their start. */
    private static final int LONGEST_TEXT = 300;
    /** What is scanned at all: the start of the text, far more than a message shows. */
    static final int LONGEST_SCANNED = 64 * 1024;
    /** A secret this long does not occur inside ordinary words by chance; a shorter one is removed only as a word. */
    private static final int SHORTEST_SECRET_REMOVED_ANYWHERE = 8;

    private final Set<String> secretForms = new LinkedHashSet<>();
    private final boolean shortSecret;

    Redaction(String secret) {
        this(null, secret);
    }

    Redaction(Credentials credentials) {
        this(credentials.keyId(), credentials.secret());
    }

    private Redaction(String keyId, String secret) {
        boolean hasSecret = secret != null && !secret.isEmpty();
        this.shortSecret = hasSecret && secret.length() < SHORTEST_SECRET_REMOVED_ANYWHERE;
        if (keyId != null && hasSecret) {
            byte[] pair = (keyId + ":" + secret).getBytes(StandardCharsets.UTF_8);
            String standard = Base64.getEncoder().encodeToString(pair);
            String urlSafe = Base64.getUrlEncoder().encodeToString(pair);
            // Longest first, so a padded form is removed whole before its unpadded prefix is looked for.
            secretForms.add(standard);
            secretForms.add(urlSafe);
            secretForms.add(strip(standard));
            secretForms.add(strip(urlSafe));
        }
        if (hasSecret) {
            secretForms.add(secret);
            secretForms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.length() > LONGEST_SCANNED ? text.substring(0, LONGEST_SCANNED) : text;
        clean = CredentialText.withoutAuthorizationValues(clean, SECRET_HIDDEN);
        clean = CredentialText.withoutSchemeValues(clean, SECRET_HIDDEN);
        for (String form : secretForms) {
            clean = shortSecret ? replaceWord(clean, form) : clean.replace(form, SECRET_HIDDEN);
        }
        clean = TokenShapes.replaceAll(clean, TOKEN_HIDDEN);
        clean = collapseWhitespace(clean);
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

    /** Replaces {@code word} only where it does not continue a letter or digit on either side. */
    private static String replaceWord(String text, String word) {
        TextEdits edits = new TextEdits(text);
        int at = text.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (alone) {
                edits.replace(at, end, SECRET_HIDDEN);
            }
            at = text.indexOf(word, alone ? end : at + 1);
        }
        return edits.result();
    }

    private static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                inSpace = true;
                continue;
            }
            if (inSpace && out.length() > 0) {
                out.append(' ');
            }
            inSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    private static String strip(String base64) {
        int end = base64.length();
        while (end > 0 && base64.charAt(end - 1) == '=') {
            end--;
        }
        return base64.substring(0, end);
    }

    /** Carries a scrubbed copy of a low-level failure for diagnosis. */
    static final class ScrubbedCause extends Exception {
        ScrubbedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
