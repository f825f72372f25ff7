package io.tokenconsole.store;

/**
 * Run by {@link CredentialStoreProbeTest} in its own JVM, whose environment points D-Bus somewhere
 * the test controls: reports which store was found and how long finding out took.
 */
public final class CredentialProbeChild {

    public static void main(String[] args) {
        long start = System.nanoTime();
        CredentialStore store = CredentialStore.detect();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("persistent=" + store.isPersistent());
        System.out.println("millis=" + millis);
        System.out.println("description=" + store.description());
        System.out.flush();
        // No System.exit: a probe thread left hanging on D-Bus must not keep the JVM alive.
    }
}
