package io.tokenconsole.cli;

/** Turns an unexpected exception into one line a person can read. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable exception) {
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
