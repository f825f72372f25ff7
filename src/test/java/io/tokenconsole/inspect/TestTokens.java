package io.tokenconsole.inspect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds tokens for tests from raw JSON text, so tests can make tokens no library would. */
public final class TestTokens {

    public static final String USER_ID = "018051aa-9e5d-4c4b-1b2a-c5b5f7aa1234";
    public static final String CLIENT_ID = "0575a4e5-e9a5-4a6f-9c9c-8b1c2d3e4f50";

    /**
     * RFC 7519, section 3.1: the example JWT (HS256, key of RFC 7515 appendix A.1).
     * Its exp (1300819380) is in March 2011.
     */
    public static final String RFC7519_EXAMPLE = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
            + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    public static final String RFC7515_A1_JWK = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";

    private TestTokens() {
    }

    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** An unsigned-looking token with a fake signature: fine for everything but signature checks. */
    public static String token(String headerJson, String payloadJson) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + b64("not-a-real-signature");
    }

    /** The claims of an Argyle user token issued at {@code iat}, living one hour. */
    public static String argylePayload(Instant iat, String issuer) {
        long issued = iat.getEpochSecond();
        return "{\"client_id\":\"" + CLIENT_ID + "\",\"exp\":" + (issued + 3600) + ",\"iat\":" + issued
                + ",\"iss\":\"" + issuer + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"sub\":\"" + USER_ID
                + "\",\"user_id\":\"" + USER_ID + "\"}";
    }

    /** What issue 10 was filed over: alg none, no exp, and a sub that is not the user_id. */
    public static String unsignedMismatchedToken(Instant iat) {
        String payload = "{\"client_id\":\"" + CLIENT_ID + "\",\"iat\":" + iat.getEpochSecond()
                + ",\"iss\":\"argyle-core-auth-dev\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"sub\":\"99999999-9999-9999-9999-999999999999\",\"user_id\":\"" + USER_ID + "\"}";
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";
    }

    public static String argyleToken(Instant iat, String issuer) {
        return token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", argylePayload(iat, issuer));
    }

    public static String hs256(String payloadJson, byte[] secret) {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signed(String alg, String kid, String payloadJson, PrivateKey key) {
        String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
        String input = b64(header) + "." + b64(payloadJson);
        try {
            Signature signature = Signature.getInstance(switch (alg) {
                case "RS256" -> "SHA256withRSA";
                case "ES256" -> "SHA256withECDSAinP1363Format";
                default -> throw new IllegalArgumentException(alg);
            });
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(java.security.PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String jwks(String kid, java.security.interfaces.RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + b64(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
                + b64(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            return java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return bytes;
    }
}
