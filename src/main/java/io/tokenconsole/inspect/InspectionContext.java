package io.tokenconsole.inspect;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inspection is judged against: the moment, the environment the console is on, the
 * client id the team expects, and optionally a key to check the signature with.
 */
public record InspectionContext(
        Instant now,
        Optional<TokenEnvironment> selectedEnvironment,
        Optional<String> expectedClientId,
        Optional<VerificationKey> key) {

    public InspectionContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(selectedEnvironment, "selectedEnvironment");
        expectedClientId = expectedClientId.filter(id -> !id.isBlank());
        Objects.requireNonNull(key, "key");
    }

    public static InspectionContext at(Instant now) {
        return new InspectionContext(now, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public InspectionContext onEnvironment(TokenEnvironment environment) {
        return new InspectionContext(now, Optional.ofNullable(environment), expectedClientId, key);
    }

    public InspectionContext expectingClientId(String clientId) {
        return new InspectionContext(now, selectedEnvironment, Optional.ofNullable(clientId), key);
    }

    public InspectionContext verifyingWith(VerificationKey verificationKey) {
        return new InspectionContext(now, selectedEnvironment, expectedClientId, Optional.ofNullable(verificationKey));
    }
}
