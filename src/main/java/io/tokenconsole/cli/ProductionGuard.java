package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;

/**
 * Production holds real customers: commands that change something there (create a user, issue a
 * token) need an explicit {@code --confirm-production}, so a pasted command line meant for the
 * sandbox cannot act on production by a wrong {@code --env} alone.
 */
final class ProductionGuard {

    static final String FLAG = "--confirm-production";

    private ProductionGuard() {
    }

    static void check(Environment environment, boolean confirmed, String action) {
        if (environment.isProduction() && !confirmed) {
            throw new CommandFailure("Refusing to " + action + " in Production without " + FLAG
                    + ": this acts on real customer data. Add " + FLAG + " if that is what you mean.");
        }
    }
}
