package io.tokenconsole.inspect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What each registered JWT claim, Argyle claim and header field means, in a support engineer's words. */
public final class ClaimCatalog {

    /** The claims every Argyle user token carries. */
    public static final List<String> ARGYLE_CLAIMS =
            List.of("client_id", "exp", "iat", "iss", "jti", "sub", "user_id");

    private static final Map<String, String> CLAIMS = new LinkedHashMap<>();
    private static final Map<String, String> HEADER = new LinkedHashMap<>();

    static {
        CLAIMS.put("iss", "Issuer: who made the token. argyle-core-auth-prod is Argyle production, "
                + "argyle-core-auth-dev Argyle's sandbox, " + TokenEnvironment.LOCAL_ISSUER + " this console's local sandbox.");
        CLAIMS.put("sub", "Subject: the user the token is for. In Argyle tokens it equals user_id.");
        CLAIMS.put("aud", "Audience: who the token is meant for.");
        CLAIMS.put("exp", "Expires at: the token is refused after this moment. Argyle user tokens live 1 hour.");
        CLAIMS.put("nbf", "Not before: the token is refused before this moment.");
        CLAIMS.put("iat", "Issued at: when the token was made.");
        CLAIMS.put("jti", "Token id: unique for every token. The console records it instead of the token.");
        CLAIMS.put("client_id", "Argyle client id: the Argyle account (API key owner) that asked for the token.");
        CLAIMS.put("user_id", "Argyle user id: the user Link acts for. Save it to issue new tokens for a returning user.");

        HEADER.put("alg", "Signing algorithm. Argyle signs HS256 with a secret only Argyle holds; "
                + "the local sandbox signs RS256.");
        HEADER.put("typ", "Token type, usually JWT.");
        HEADER.put("kid", "Key id: which key signed the token.");
        HEADER.put("cty", "Content type of the payload.");
        HEADER.put("jku", "URL of a key set. The console never fetches it.");
        HEADER.put("x5u", "URL of a certificate. The console never fetches it.");
        HEADER.put("enc", "Encryption method: present only in encrypted tokens (JWE).");
    }

    private ClaimCatalog() {
    }

    public static Optional<String> meaningOfClaim(String name) {
        return Optional.ofNullable(CLAIMS.get(name));
    }

    public static Optional<String> meaningOfHeaderField(String name) {
        return Optional.ofNullable(HEADER.get(name));
    }

    public static boolean isKnownClaim(String name) {
        return CLAIMS.containsKey(name);
    }

    public static boolean isTimeClaim(String name) {
        return name.equals("iat") || name.equals("nbf") || name.equals("exp");
    }
}
