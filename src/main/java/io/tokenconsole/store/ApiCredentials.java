package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Objects;

/**
 * The key id and secret for one environment, and where they came from. Prints without the secret.
 */
public record ApiCredentials(Environment environment, String keyId, Secret secret, Source source) {

    /** Where the pair came from, for the status line ("keys from ARGYLE_API_KEY_ID / _SECRET"). */
    public enum Source {
        ENVIRONMENT_VARIABLES("ARGYLE_API_KEY_ID / ARGYLE_API_KEY_SECRET"),
        OS_CREDENTIAL_STORE("settings and the OS credential store"),
        SESSION_MEMORY("settings and this session's memory"),
        LOCAL_SANDBOX("generated for the local sandbox");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public ApiCredentials {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "ApiCredentials[environment=" + environment.id() + ", keyId=" + keyId + ", secret=[secret], source="
                + source + "]";
    }
}
