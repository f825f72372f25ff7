package io.tokenconsole.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The one-shot baseline: a fresh JVM that reads a token from standard input, decodes it with
 * java-jwt's bare {@code JWT.decode} and prints its payload — what {@code token-console inspect - --json}
 * is compared with in {@link StartupComparison}.
 */
public final class BareDecode {

    private BareDecode() {
    }

    public static void main(String[] args) throws IOException {
        String token = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim();
        DecodedJWT decoded = JWT.decode(token);
        System.out.println(new String(Base64.getUrlDecoder().decode(decoded.getPayload()), StandardCharsets.UTF_8));
    }
}
