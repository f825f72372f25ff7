package io.tokenconsole.store;

/** The workspace could not do what was asked; the message is written for the person at the keyboard. */
public class WorkspaceException extends RuntimeException {

    /** How a message about an action says that the action did not happen. */
    static final String NOTHING_DONE = "Nothing was done.";

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The message without its closing "Nothing was done.": for a sentence that goes on to say what happens
     * instead (the choice is kept, the copy can be run again, the window tries again).
     */
    public String whatWentWrong() {
        String message = getMessage();
        return message.endsWith(" " + NOTHING_DONE) ? message.substring(0, message.length() - NOTHING_DONE.length() - 1)
                : message;
    }
}
