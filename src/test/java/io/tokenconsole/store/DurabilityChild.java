package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * Run by {@link DurabilityTest} in its own JVM: saves users one committed transaction at a time
 * and prints each id only after its commit returned, until it is killed.
 */
public final class DurabilityChild {

    public static void main(String[] args) {
        Path database = Path.of(args[0]);
        try (Workspace workspace = Workspace.open(database, Clock.systemUTC(), new Operator("durability"))) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < 1_000_000; i++) {
                String id = UUID.randomUUID().toString();
                workspace.users().save(Environment.SANDBOX, id, new UserDetails("row " + i, "x".repeat(200), null),
                        UserOrigin.CREATED_HERE);
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
