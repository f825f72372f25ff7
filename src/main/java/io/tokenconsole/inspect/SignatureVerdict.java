package io.tokenconsole.inspect;

import java.util.Objects;

/** A signature status with the reason a person needs to trust it. */
public record SignatureVerdict(SignatureStatus status, String explanation) {

    public SignatureVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "explanation");
    }

    static SignatureVerdict unverified(String why) {
        return new SignatureVerdict(SignatureStatus.UNVERIFIED, why);
    }
}
