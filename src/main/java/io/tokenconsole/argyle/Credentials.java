package io.tokenconsole.argyle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An Argyle API key: the id is an identifier that may be shown, the secret is a password that
 * must never be shown, logged or written down in clear. {@link #toString()} hides it so a
 * careless log line or debugger view cannot leak it.
 */
public record Credentials(String keyId, String secret) {

    public Credentials {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        if (keyId.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("An API key needs both a key id and a secret");
        }
        if (keyId.indexOf(':') >= 0) {
            // HTTP Basic splits at the first colon: a key id with one could never be sent correctly.
            throw new IllegalArgumentException("An API key id cannot contain ':'");
        }
    }

    /** The value of the {@code Authorization} header Argyle expects (HTTP Basic). */
    String basicAuthorization() {
        String pair = keyId + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[keyId=" + keyId + ", secret=(hidden)]";
    }
}
