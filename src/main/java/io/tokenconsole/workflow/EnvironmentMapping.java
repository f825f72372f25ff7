package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.TokenEnvironment;

/**
 * The one mapping between where the console talks ({@link Environment}) and where a token says it
 * comes from ({@link TokenEnvironment}, which also knows "unknown"). Written out, so renaming a
 * constant on one side cannot silently break the other.
 */
public final class EnvironmentMapping {

    private EnvironmentMapping() {
    }

    public static TokenEnvironment tokenEnvironment(Environment environment) {
        return switch (environment) {
            case LOCAL -> TokenEnvironment.LOCAL;
            case SANDBOX -> TokenEnvironment.SANDBOX;
            case PRODUCTION -> TokenEnvironment.PRODUCTION;
        };
    }
}
