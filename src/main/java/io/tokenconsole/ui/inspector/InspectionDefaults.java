package io.tokenconsole.ui.inspector;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.VerificationKey;
import java.util.Optional;

/** What the inspector judges against without being told: the team's settings and the console's own sandbox key. */
public interface InspectionDefaults {

    /** The client_id the team expects in tokens of {@code environment}; read from disk, so off the FX thread. */
    Optional<String> expectedClientId(Environment environment);

    /** The public key of this console's local sandbox: its tokens are verified without asking for a key. */
    Optional<VerificationKey> localSandboxKey();

    static InspectionDefaults none() {
        return new InspectionDefaults() {
            @Override
            public Optional<String> expectedClientId(Environment environment) {
                return Optional.empty();
            }

            @Override
            public Optional<VerificationKey> localSandboxKey() {
                return Optional.empty();
            }
        };
    }
}
