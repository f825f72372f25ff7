package io.tokenconsole.inspect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a token's signature against key material the person supplied, with the JDK's own
 * crypto, so a token whose claims strict libraries refuse (a string {@code exp}) can still be
 * verified. Without a usable key the verdict is "not verified", never "invalid".
 */
final class SignatureVerifier {

    SignatureVerifier() {
    }

    SignatureVerdict verify(DecodedToken token, Optional<VerificationKey> key) {
        String alg = token.header().path("alg").asText("");
        boolean algNone = alg.equalsIgnoreCase("none");
        if (key.isEmpty()) {
            return SignatureVerdict.unverified(withoutKey(alg, token));
        }
        if (algNone) {
            return new SignatureVerdict(SignatureStatus.INVALID,
                    "The token says alg: none and carries no signature, so no key can vouch for it.");
        }
        Optional<String> kid = token.header().hasNonNull("kid")
                ? Optional.of(token.header().get("kid").asText()) : Optional.empty();
        VerificationKey chosen = key.get();
        if (chosen instanceof VerificationKey.KeySet set) {
            Optional<VerificationKey> picked = pick(set, kid, alg);
            if (picked.isEmpty()) {
                return SignatureVerdict.unverified(kid
                        .map(k -> "No key in the " + set.description() + " has kid " + k + ".")
                        .orElse("The token names no kid and the " + set.description() + " has no single key that fits "
                                + alg + "."));
            }
            chosen = picked.get();
        }
        return check(token, alg, chosen);
    }

    private static String withoutKey(String alg, DecodedToken token) {
        if (alg.equalsIgnoreCase("none")) {
            return "The token is unsigned (alg: none): there is no signature to check.";
        }
        String issuer = token.payload().path("iss").asText("");
        if (alg.toUpperCase(Locale.ROOT).startsWith("HS") && issuer.startsWith("argyle")) {
            return "Argyle signs user tokens " + alg + " with a secret only Argyle holds: the console can read this "
                    + "token but cannot verify it. That is expected, not a fault.";
        }
        return "No key given, so the signature was not checked.";
    }

    private static Optional<VerificationKey> pick(VerificationKey.KeySet set, Optional<String> kid, String alg) {
        if (kid.isPresent()) {
            for (VerificationKey candidate : set.keys()) {
                if (kidOf(candidate).equals(kid)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
        List<VerificationKey> fitting = new ArrayList<>();
        for (VerificationKey candidate : set.keys()) {
            if (fits(candidate, alg)) {
                fitting.add(candidate);
            }
        }
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    private static Optional<String> kidOf(VerificationKey key) {
        if (key instanceof VerificationKey.Public publicKey) {
            return publicKey.kid();
        }
        if (key instanceof VerificationKey.SharedSecret secret) {
            return secret.kid();
        }
        return Optional.empty();
    }

    private static boolean fits(VerificationKey key, String alg) {
        String family = alg.length() >= 2 ? alg.substring(0, 2).toUpperCase(Locale.ROOT) : "";
        if (key instanceof VerificationKey.SharedSecret) {
            return family.equals("HS");
        }
        if (key instanceof VerificationKey.Public publicKey) {
            return publicKey.key() instanceof ECPublicKey ? family.equals("ES")
                    : family.equals("RS") || family.equals("PS");
        }
        return false;
    }

    private static SignatureVerdict check(DecodedToken token, String alg, VerificationKey key) {
        if (!fits(key, alg)) {
            return SignatureVerdict.unverified("The token is signed " + (alg.isEmpty() ? "with no alg" : alg)
                    + " but the key given is a " + key.description() + ": that key can't check this signature.");
        }
        byte[] signingInput = token.segments().signingInput().getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(token.segments().signature());
        try {
            Optional<Boolean> matches = key instanceof VerificationKey.SharedSecret secret
                    ? hmac(alg, secret.secret(), signingInput, signature)
                    : publicKey(alg, ((VerificationKey.Public) key).key(), signingInput, signature);
            if (matches.isEmpty()) {
                return SignatureVerdict.unverified("The console can't check " + alg + " signatures.");
            }
            return matches.get()
                    ? new SignatureVerdict(SignatureStatus.VALID, "The signature matches the " + key.description() + ".")
                    : new SignatureVerdict(SignatureStatus.INVALID, "The signature does not match the "
                            + key.description() + ": the token was changed, or signed with another key.");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new SignatureVerdict(SignatureStatus.INVALID, "The signature is malformed for " + alg
                    + " and can't match the " + key.description() + ".");
        }
    }

    private static Optional<Boolean> hmac(String alg, byte[] secret, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        String name = switch (alg.toUpperCase(Locale.ROOT)) {
            case "HS256" -> "HmacSHA256";
            case "HS384" -> "HmacSHA384";
            case "HS512" -> "HmacSHA512";
            default -> null;
        };
        if (name == null) {
            return Optional.empty();
        }
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(secret, name));
        return Optional.of(MessageDigest.isEqual(mac.doFinal(input), signature));
    }

    private static Optional<Boolean> publicKey(String alg, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier;
        switch (alg.toUpperCase(Locale.ROOT)) {
            case "RS256" -> verifier = Signature.getInstance("SHA256withRSA");
            case "RS384" -> verifier = Signature.getInstance("SHA384withRSA");
            case "RS512" -> verifier = Signature.getInstance("SHA512withRSA");
            case "PS256" -> verifier = pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case "PS384" -> verifier = pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case "PS512" -> verifier = pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            // JOSE writes ECDSA signatures as R||S, which is the JDK's P1363 format.
            case "ES256" -> verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            case "ES384" -> verifier = Signature.getInstance("SHA384withECDSAinP1363Format");
            case "ES512" -> verifier = Signature.getInstance("SHA512withECDSAinP1363Format");
            default -> {
                return Optional.empty();
            }
        }
        verifier.initVerify(key);
        verifier.update(input);
        return Optional.of(verifier.verify(signature));
    }

    private static Signature pss(String digest, MGF1ParameterSpec mgf, int saltLength) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, saltLength, 1));
        return signature;
    }
}
