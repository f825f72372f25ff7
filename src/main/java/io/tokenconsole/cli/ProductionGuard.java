package io.tokenconsole.cli;

import io.tokenconsole.argyle.ApiTarget;

/**
 * Production holds real customers: commands that change something there (create a user, issue a
 * token) need an explicit {@code --confirm-production}, so a pasted command line meant for the
 * sandbox cannot act on production by a wrong {@code --env} alone. The check looks at where the
 * request would go ({@link ApiTarget#reachesProduction()}): {@code --env sandbox} with a base URL
 * (given or saved) on Argyle's production host is production too.
 */
final class ProductionGuard {

    static final String FLAG = "--confirm-production";

    private ProductionGuard() {
    }

    static void check(ApiTarget target, boolean confirmed, String action) {
        if (!target.reachesProduction() || confirmed) {
            return;
        }
        if (target.environment().isProduction()) {
            throw new CommandFailure("Refusing to " + action + " in Production without " + FLAG
                    + ": this acts on real customer data. Add " + FLAG + " if that is what you mean.");
        }
        throw new CommandFailure("Refusing to " + action + " without " + FLAG + ": the base URL "
                + target.baseUrl() + " is Argyle's production API, whatever --env " + target.environment().id()
                + " says, so this acts on real customer data. Add " + FLAG + " if that is what you mean,"
                + " or fix the base URL (--base-url or the saved override in Settings).");
    }
}
