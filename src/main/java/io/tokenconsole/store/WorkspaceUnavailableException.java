package io.tokenconsole.store;

/**
 * The team workspace's server cannot be reached: refused, unknown, silent, or going away mid-way. The
 * message names the server and says that nothing was done ("… cannot be reached (connection refused).
 * Nothing was done."), so a person knows the action did not happen and may try again.
 */
public final class WorkspaceUnavailableException extends WorkspaceException {

    public WorkspaceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
