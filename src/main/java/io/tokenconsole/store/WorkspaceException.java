package io.tokenconsole.store;

/** The workspace could not do what was asked; the message is written for the person at the keyboard. */
public class WorkspaceException extends RuntimeException {

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
