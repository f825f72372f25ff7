package io.tokenconsole.inspect;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a signature can be checked against: a public key, a key set, or a shared secret. */
public sealed interface VerificationKey {

    /** A human description for the verdict ("RSA public key", "JWKS with 2 keys"). */
    String description();

    /** An RSA or EC public key, from PEM or from one entry of a JWKS. */
    record Public(PublicKey key, Optional<String> kid) implements VerificationKey {
        public Public {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kid, "kid");
        }

        @Override
        public String description() {
            return key.getAlgorithm() + " public key" + kid.map(k -> " (kid " + k + ")").orElse("");
        }
    }

    /** A JSON Web Key Set; the key is picked by the token's {@code kid}. */
    record KeySet(List<VerificationKey> keys) implements VerificationKey {
        public KeySet {
            keys = List.copyOf(keys);
        }

        @Override
        public String description() {
            return "JWKS with " + keys.size() + (keys.size() == 1 ? " key" : " keys");
        }
    }

    /** A shared secret for HS256/384/512. Never printed. */
    record SharedSecret(byte[] secret, Optional<String> kid) implements VerificationKey {
        public SharedSecret {
            secret = secret.clone();
            Objects.requireNonNull(kid, "kid");
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String description() {
            return "shared secret (" + secret.length + " bytes)";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SharedSecret that && Arrays.equals(secret, that.secret) && kid.equals(that.kid);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(secret) * 31 + kid.hashCode();
        }

        @Override
        public String toString() {
            return "SharedSecret[" + secret.length + " bytes, redacted]";
        }
    }
}
