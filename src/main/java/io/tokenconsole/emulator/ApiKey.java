package io.tokenconsole.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The API key the local sandbox accepts (HTTP Basic). Generated at random when none is given,
 * like a key freshly issued in Argyle's console. {@link #toString()} hides the secret.
 */
public record ApiKey(String id, String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (id.isBlank() || secret.isBlank() || id.indexOf(':') >= 0) {
            throw new IllegalArgumentException("An API key needs a key id without ':' and a secret");
        }
    }

    /** A new key: a UUID as id and 32 random bytes as secret, both safe to type on a command line. */
    public static ApiKey generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKey(UUID.randomUUID().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether an {@code Authorization} header carries this key. Compares in constant time. */
    boolean admits(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] expected = (id + ":" + secret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, expected);
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", secret=(hidden)]";
    }
}
