package io.tokenconsole.workflow;

/** Turns an unexpected exception into one line a person can read. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected error (" + cause.getClass().getSimpleName() + ")";
        }
        return message;
    }
}
