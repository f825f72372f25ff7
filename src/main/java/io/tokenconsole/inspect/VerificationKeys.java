package io.tokenconsole.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads key material a person pastes or points at: a PEM public key or certificate, a JWKS
 * (or a single JWK), or a shared secret. Nothing here touches the network: a key set is read
 * only from what was given, never from a URL.
 */
public final class VerificationKeys {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";
    /** A PEM type is a few words ("PUBLIC KEY", "CERTIFICATE"); anything longer is not a type line. */
    private static final int LONGEST_PEM_TYPE = 40;
    private static final Map<String, String> CURVES = Map.of(
            "P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private final ObjectMapper json;

    public VerificationKeys(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a PEM public key, a certificate, a JWKS or a JWK. Throws with a message a person can act on. */
    public VerificationKey parsePublic(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The key is empty: paste a PEM public key or a JWKS.");
        }
        if (trimmed.contains("-----BEGIN")) {
            return fromPem(trimmed);
        }
        if (trimmed.startsWith("{")) {
            return fromJwk(trimmed);
        }
        throw new IllegalArgumentException("This is neither a PEM public key (-----BEGIN PUBLIC KEY-----) nor a JWKS "
                + "({\"keys\": [...]}). For an HS256 token, choose 'shared secret' instead.");
    }

    public VerificationKey sharedSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The shared secret is empty.");
        }
        return new VerificationKey.SharedSecret(secret.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** A shared secret written in base64url (or base64), as some issuers hand it out; padding is optional. */
    public VerificationKey sharedSecretBase64Url(String encoded) {
        String compact = encoded == null ? "" : encoded.strip().replace('+', '-').replace('/', '_').replace("=", "");
        if (compact.isEmpty()) {
            throw new IllegalArgumentException("The shared secret is empty.");
        }
        try {
            return new VerificationKey.SharedSecret(java.util.Base64.getUrlDecoder().decode(compact), Optional.empty());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("The secret is not valid base64url. Choose 'Shared secret (UTF-8)' "
                    + "if it is plain text.");
        }
    }

    /** The first PEM block, found with plain searches: linear in the text, whatever it holds. */
    private static VerificationKey fromPem(String text) {
        int begin = text.indexOf(BEGIN);
        int typeEnd = begin < 0 ? -1 : text.indexOf(DASHES, begin + BEGIN.length());
        String type = typeEnd < 0 ? "" : text.substring(begin + BEGIN.length(), typeEnd);
        if (typeEnd < 0 || type.isEmpty() || type.length() > LONGEST_PEM_TYPE
                || !type.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')) {
            throw new IllegalArgumentException("The PEM block has no readable -----BEGIN ...----- line.");
        }
        String endLine = "-----END " + type + DASHES;
        int end = text.indexOf(endLine, typeEnd + DASHES.length());
        if (end < 0) {
            throw new IllegalArgumentException("The PEM block is incomplete: it needs its -----END ...----- line.");
        }
        String body = text.substring(typeEnd + DASHES.length(), end);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(body.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The PEM block's body is not valid base64.");
        }
        try {
            switch (type) {
                case "PUBLIC KEY":
                    return new VerificationKey.Public(publicKeyFromX509(der), Optional.empty());
                case "CERTIFICATE":
                    PublicKey key = CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                    return new VerificationKey.Public(key, Optional.empty());
                case "RSA PUBLIC KEY":
                    throw new IllegalArgumentException("This is a PKCS#1 'RSA PUBLIC KEY'. Convert it with "
                            + "'openssl rsa -RSAPublicKey_in -in key.pem -pubout' and paste the PUBLIC KEY it prints.");
                default:
                    if (type.contains("PRIVATE")) {
                        throw new IllegalArgumentException("This is a private key. Paste the public key instead; "
                                + "the console never needs a private key to check a signature.");
                    }
                    throw new IllegalArgumentException("A PEM block of type '" + type + "' is not a public key.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The PEM block could not be read as a public key or certificate.");
        }
    }

    private static PublicKey publicKeyFromX509(byte[] der) throws GeneralSecurityException {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next kind of key
            }
        }
        throw new GeneralSecurityException("not an RSA or EC public key");
    }

    private VerificationKey fromJwk(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            // Where, not what: the file may be something never meant to be shown.
            throw new IllegalArgumentException("The key set is not valid JSON"
                    + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")."));
        }
        if (root.has("keys") && root.get("keys").isArray()) {
            List<VerificationKey> keys = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (JsonNode jwk : root.get("keys")) {
                try {
                    keys.add(oneJwk(jwk));
                } catch (IllegalArgumentException unusable) {
                    skipped.add(unusable.getMessage());
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException(skipped.isEmpty()
                        ? "The key set has no keys."
                        : "No key in the set could be used: " + skipped.get(0));
            }
            return new VerificationKey.KeySet(keys);
        }
        if (root.has("kty")) {
            return oneJwk(root);
        }
        throw new IllegalArgumentException("This JSON is neither a JWKS ({\"keys\": [...]}) nor a JWK (it has no \"kty\").");
    }

    private static VerificationKey oneJwk(JsonNode jwk) {
        String kty = jwk.path("kty").asText("");
        Optional<String> kid = jwk.hasNonNull("kid") ? Optional.of(jwk.get("kid").asText()) : Optional.empty();
        try {
            switch (kty) {
                case "RSA": {
                    BigInteger n = unsigned(jwk, "n");
                    BigInteger e = unsigned(jwk, "e");
                    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                    return new VerificationKey.Public(key, kid);
                }
                case "EC": {
                    String curve = CURVES.get(jwk.path("crv").asText(""));
                    if (curve == null) {
                        throw new IllegalArgumentException("The EC key's curve '" + jwk.path("crv").asText("")
                                + "' is not one of P-256, P-384, P-521.");
                    }
                    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                    parameters.init(new ECGenParameterSpec(curve));
                    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                    ECPoint point = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
                    PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
                    return new VerificationKey.Public(key, kid);
                }
                case "oct":
                    return new VerificationKey.SharedSecret(bytes(jwk, "k"), kid);
                default:
                    throw new IllegalArgumentException("A key of type '" + kty + "' can't be used (RSA, EC or oct).");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("A " + kty + " key in the set is malformed.");
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        return new BigInteger(1, bytes(jwk, field));
    }

    private static byte[] bytes(JsonNode jwk, String field) {
        JsonNode value = jwk.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("A key in the set lacks its \"" + field + "\" value.");
        }
        try {
            return Base64.getUrlDecoder().decode(value.asText().replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key's \"" + field + "\" value is not base64url.");
        }
    }
}
