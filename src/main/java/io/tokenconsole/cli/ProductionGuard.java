package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.workflow.ProductionPolicy;

/**
 * Commands that change something in production (create a user, issue a token) need an explicit
 * {@code --confirm-production}, so a pasted command line meant for the sandbox cannot act on
 * production by a wrong {@code --env} alone. The policy itself is {@link ProductionPolicy}'s.
 */
final class ProductionGuard {

    static final String FLAG = ProductionPolicy.CLI_FLAG;

    private ProductionGuard() {
    }

    static void check(Environment environment, boolean confirmed, String action) {
        if (environment.isProduction() && !confirmed) {
            throw new CommandFailure(ProductionPolicy.commandLineRefusal(action));
        }
    }
}
