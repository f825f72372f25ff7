package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.store.Settings;

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
        return target.environment().isProduction();
    }

    /** Whether the window must ask before a change sent to {@code target}. */
    public static boolean windowMustAsk(ApiTarget target, Settings settings) {
        return settings.confirmBeforeChanges(target.environment());
    }

    /** The question the window asks, naming the environment and the user. */
    public static String question(String action, ApiTarget target, String userId) {
        String where = target.environment().displayName() + " (" + target.baseUrl() + ")";
        return userId == null
                ? action + " in " + where + "? This acts on real customer data."
                : action + " for user " + userId + " in " + where + "? This acts on real customer data.";
    }

    /** Why the command line refused, and what to add if it was meant. */
    public static String commandLineRefusal(String action) {
        return "Refusing to " + action + " in Production without " + CLI_FLAG
                + ": this acts on real customer data. Add " + CLI_FLAG + " if that is what you mean.";
    }
}
