package io.tokenconsole.cli;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.workflow.ProductionPolicy;

/**
 * Commands that change something in production (create a user, issue a token) need an explicit
 * {@code --confirm-production}, so a pasted command line meant for the sandbox cannot act on
 * production by a wrong {@code --env} alone. The check looks at where the request would go
 * ({@link ProductionPolicy#actsOnProduction}): {@code --env sandbox} with a base URL (given or
 * saved) on Argyle's production host is production too.
 */
final class ProductionGuard {

    static final String FLAG = ProductionPolicy.CLI_FLAG;

    private ProductionGuard() {
    }

    static void check(ApiTarget target, boolean confirmed, String action) {
        if (!ProductionPolicy.actsOnProduction(target) || confirmed) {
            return;
        }
        throw new CommandFailure(ProductionPolicy.commandLineRefusal(action, target));
    }
}
