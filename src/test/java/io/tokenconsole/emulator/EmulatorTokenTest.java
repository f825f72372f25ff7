package io.tokenconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.testing.RawHttp;
import io.tokenconsole.testing.Sandboxes;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokens the local sandbox signs: Argyle's claims, a real RS256 signature, a published key. */
class EmulatorTokenTest {

    @Test
    void aTokenVerifiesWithThePublicKeyFetchedFromTheJwksEndpoint() throws Exception {
        try (LocalSandbox sandbox = Sandboxes.start()) {
            CreatedUser created = Sandboxes.clientFor(sandbox).createUser(NewUser.blank());

            JsonNode jwks = RawHttp.json(RawHttp.send(sandbox, "GET", "/.well-known/jwks.json", null, false));
            JsonNode jwk = jwks.get("keys").get(0);
            RSAPublicKey published = publicKeyOf(jwk);
            DecodedJWT verified = JWT.require(Algorithm.RSA256(published, null))
                    .withIssuer(TokenEnvironment.LOCAL_ISSUER)
                    .build()
                    .verify(created.userToken());

            assertEquals("RSA", jwk.get("kty").asText());
            assertEquals("sig", jwk.get("use").asText());
            assertEquals("RS256", jwk.get("alg").asText());
            assertEquals(jwk.get("kid").asText(), verified.getKeyId());
            assertEquals("RS256", verified.getAlgorithm());
            assertEquals(created.id(), verified.getSubject());
        }
    }

    @Test
    void aTokenCarriesExactlyArgylesClaimsAndLivesOneHour() {
        try (LocalSandbox sandbox = Sandboxes.start()) {
            ArgyleClient client = Sandboxes.clientFor(sandbox);
            String userId = client.createUser(NewUser.blank()).id();

            DecodedJWT token = JWT.decode(client.issueToken(userId).userToken());

            assertEquals(Set.of("client_id", "exp", "iat", "iss", "jti", "sub", "user_id"),
                    new TreeSet<>(token.getClaims().keySet()));
            assertEquals(3600, token.getClaim("exp").asLong() - token.getClaim("iat").asLong());
            assertEquals(TokenEnvironment.LOCAL_ISSUER, token.getIssuer());
            assertEquals(TokenEnvironment.LOCAL, TokenEnvironment.fromIssuer(token.getIssuer()));
            assertEquals(sandbox.apiKey().id(), token.getClaim("client_id").asString());
            assertEquals(userId, token.getSubject());
            assertEquals(userId, token.getClaim("user_id").asString());
            assertEquals(token.getId(), java.util.UUID.fromString(token.getId()).toString());
        }
    }

    @Test
    void aTokenFromAnotherSandboxDoesNotVerifyWithThisOnesKey() throws Exception {
        try (LocalSandbox mine = Sandboxes.start();
             LocalSandbox other = Sandboxes.start(EmulatorConfig.defaults().withSigningKey(SigningKey.generate()))) {
            String foreign = Sandboxes.clientFor(other).createUser(NewUser.blank()).userToken();
            RSAPublicKey myKey = publicKeyOf(mine.signingKey().toJwk());

            assertThrows(SignatureVerificationException.class,
                    () -> JWT.require(Algorithm.RSA256(myKey, null)).build().verify(foreign));
        }
    }

    @Test
    void aSavedSigningKeyComesBackWithTheSameKeyIdSoOldTokensStillVerify(@TempDir Path folder) throws Exception {
        SigningKey original = Sandboxes.signingKey();
        Path file = folder.resolve("local-sandbox-key.pem");
        original.write(file);

        SigningKey reloaded = SigningKey.read(file);

        assertEquals(original.keyId(), reloaded.keyId());
        assertEquals(original.toJwks(), reloaded.toJwks());
        assertEquals(original.privateKey(), reloaded.privateKey());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    private static RSAPublicKey publicKeyOf(JsonNode jwk) throws Exception {
        BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
        BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
}
