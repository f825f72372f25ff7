package io.tokenconsole.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The local sandbox's API key pair and RS256 signing keys. Generated on first start and kept in
 * {@code local-sandbox.json} in the data folder (owner-only), so tokens the emulator signed
 * yesterday still verify today. They guard nothing outside this machine, which is why — unlike the
 * real environments' secrets — they may live on disk.
 *
 * @param apiKeyId the key id the emulator accepts
 * @param apiSecret the secret the emulator accepts
 * @param signingKeys RSA 2048 pair the emulator signs user tokens with
 * @param kid the signing key's id: its RFC 7638 JWK thumbprint, so it changes only with the key
 */
public record LocalSandboxMaterial(String apiKeyId, String apiSecret, KeyPair signingKeys, String kid) {

    public static final String FILE_NAME = "local-sandbox.json";

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public LocalSandboxMaterial {
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(apiSecret, "apiSecret");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(kid, "kid");
    }

    /** The local sandbox's secret is generated here; it is never entered, stored or overridden like a real one. */
    static void refuseLocal(io.tokenconsole.argyle.Environment environment) {
        if (environment == io.tokenconsole.argyle.Environment.LOCAL) {
            throw new IllegalArgumentException("The local sandbox's secret is generated; it is not kept in the credential store");
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) signingKeys.getPublic();
    }

    /** Reads the material from the data folder, generating and saving it the first time. */
    public static LocalSandboxMaterial loadOrCreate(DataFolder folder) {
        return loadOrCreate(folder.ensureExists());
    }

    public static LocalSandboxMaterial loadOrCreate(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        LocalSandboxMaterial fresh = generate(new SecureRandom());
        try {
            write(fresh, file);
            return fresh;
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // The window and a command started at the same moment: both use the one that was kept.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the local sandbox keys in " + file + ": " + e.getMessage(), e);
        }
    }

    static LocalSandboxMaterial generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair keys = generator.generateKeyPair();
            byte[] keyId = new byte[8];
            byte[] secret = new byte[32];
            random.nextBytes(keyId);
            random.nextBytes(secret);
            return new LocalSandboxMaterial("local-" + HexFormat.of().formatHex(keyId),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret), keys, thumbprint(keys.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot generate RSA keys", e);
        }
    }

    private static void write(LocalSandboxMaterial material, Path file) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("api_key_id", material.apiKeyId);
        json.put("api_secret", material.apiSecret);
        json.put("kid", material.kid);
        json.put("private_key_pkcs8", Base64.getEncoder().encodeToString(material.signingKeys.getPrivate().getEncoded()));
        json.put("public_key_x509", Base64.getEncoder().encodeToString(material.signingKeys.getPublic().getEncoded()));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        // Written to a private temporary file first and then moved into place, so a reader never sees
        // half a file and the keys are never readable by other accounts, not even for a moment.
        Path temporary = DataFolder.supportsPosix()
                ? Files.createTempFile(file.getParent(), ".local-sandbox", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".local-sandbox", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static LocalSandboxMaterial read(Path file) {
        try {
            JsonNode json = JSON.readTree(Files.readAllBytes(file));
            if (json == null || json.path("format").asInt() != FORMAT) {
                throw damaged(file, "unknown format");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(required(json, "private_key_pkcs8", file))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(required(json, "public_key_x509", file))));
            KeyPair keys = new KeyPair(publicKey, privateKey);
            return new LocalSandboxMaterial(required(json, "api_key_id", file), required(json, "api_secret", file),
                    keys, thumbprint(publicKey));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw damaged(file, e.getClass().getSimpleName());
        }
    }

    private static String required(JsonNode json, String field, Path file) {
        String value = json.path(field).asText("");
        if (value.isBlank()) {
            throw damaged(file, "no " + field);
        }
        return value;
    }

    private static WorkspaceException damaged(Path file, String why) {
        return new WorkspaceException("The local sandbox keys in " + file + " are damaged (" + why + ")."
                + " Delete the file to generate new ones; tokens signed with the old key will stop verifying.");
    }

    /** RFC 7638: SHA-256 over the canonical JSON of the public JWK's required members, base64url. */
    static String thumbprint(PublicKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key;
        String canonical = "{\"e\":\"" + base64Url(rsa.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(rsa.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A JWK integer: big-endian bytes without the sign byte BigInteger adds. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "LocalSandboxMaterial[apiKeyId=" + apiKeyId + ", apiSecret=[secret], kid=" + kid + "]";
    }
}
