package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ApiTarget;

/**
 * Production holds real customers. Anything that changes something at Argyle there (create a
 * user, issue a token, delete a user) must be asked for explicitly: the window asks the person
 * (unless Settings turned the question off for that environment), the command line wants
 * {@value #CLI_FLAG}. Whether a call acts on production is decided by the target it goes to.
 */
public final class ProductionPolicy {

    public static final String CLI_FLAG = "--confirm-production";

    private ProductionPolicy() {
    }

    /** True when a call to {@code target} acts on real customer data. */
    public static boolean actsOnProduction(ApiTarget target) {
        return target.reachesProduction();
    }

    /** Why the command line refused, and what to add if it was meant. */
    public static String commandLineRefusal(String action, ApiTarget target) {
        if (target.environment().isProduction()) {
            return "Refusing to " + action + " in Production without " + CLI_FLAG
                    + ": this acts on real customer data. Add " + CLI_FLAG + " if that is what you mean.";
        }
        return "Refusing to " + action + " without " + CLI_FLAG + ": the base URL " + target.baseUrl()
                + " is Argyle's production API, whatever --env " + target.environment().id()
                + " says, so this acts on real customer data. Add " + CLI_FLAG + " if that is what you mean,"
                + " or fix the base URL (--base-url or the saved override in Settings).";
    }
}
