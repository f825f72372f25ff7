package io.tokenconsole.store;

/**
 * The OS credential store could not be used. The message is for the person at the keyboard and
 * never quotes a secret; {@link #problem()} lets the caller pick its fallback.
 */
public final class CredentialStoreException extends WorkspaceException {

    /** Why the store could not be used. */
    public enum Problem {
        /** Locked, and the unlock prompt was dismissed, failed or could not be shown. */
        LOCKED,
        /** The store stopped answering, or went away (its daemon or the session bus ended). */
        UNAVAILABLE
    }

    private final Problem problem;

    CredentialStoreException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static CredentialStoreException locked(String storeName) {
        return new CredentialStoreException(Problem.LOCKED, "The " + storeName + " is locked and was not unlocked."
                + " Unlock it (log in to the desktop, or open Passwords and Keys / Seahorse) and try again.");
    }

    static CredentialStoreException unavailable(String storeName) {
        return new CredentialStoreException(Problem.UNAVAILABLE, "The " + storeName + " stopped answering."
                + " Check that it is running (on Linux: gnome-keyring-daemon or KWallet), then try again.");
    }
}
