package io.tokenconsole.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The RSA key pair the local sandbox signs tokens with. Made fresh when the emulator starts, or
 * handed in (e.g. read from the workspace) so that tokens stay verifiable across restarts. The
 * key id is the RFC 7638 thumbprint of the public key, so the same key always has the same id.
 */
public record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return of(generator.generateKeyPair());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("This Java runtime cannot make RSA keys", impossible);
        }
    }

    public static SigningKey of(KeyPair pair) {
        RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
        return new SigningKey(thumbprint(publicKey), publicKey, (RSAPrivateKey) pair.getPrivate());
    }

    /** Reads a PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}) and derives its public half. */
    public static SigningKey fromPem(String pem) {
        String base64 = pem.replace(PEM_BEGIN, "").replace(PEM_END, "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("The key file does not hold a complete RSA private key");
            }
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new SigningKey(thumbprint(publicKey), publicKey, crt);
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            throw new IllegalArgumentException("Not an RSA private key in PKCS#8 PEM form: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    public static SigningKey read(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public String toPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded());
        return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
    }

    /** Writes the private key; the file is a secret, so only its owner may read it where the OS allows. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toPem(), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder already limits access.
        }
    }

    /** The public key as an RFC 7517 JWK. */
    public ObjectNode toJwk() {
        return JsonNodeFactory.instance.objectNode()
                .put("kty", "RSA")
                .put("kid", keyId)
                .put("use", "sig")
                .put("alg", "RS256")
                .put("n", base64Url(publicKey.getModulus()))
                .put("e", base64Url(publicKey.getPublicExponent()));
    }

    /** The JWK set served at {@code /.well-known/jwks.json}. */
    public ObjectNode toJwks() {
        ObjectNode jwks = JsonNodeFactory.instance.objectNode();
        jwks.putArray("keys").add(toJwk());
        return jwks;
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", privateKey=(hidden)]";
    }

    private static String thumbprint(RSAPublicKey key) {
        // RFC 7638: the required members in lexical order, no whitespace.
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Unsigned big-endian bytes, base64url without padding, as JWK wants for {@code n} and {@code e}. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
