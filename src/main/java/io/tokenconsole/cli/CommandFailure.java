package io.tokenconsole.cli;

/**
 * A failure a command explains itself: its message is the one line the person sees (exit code 1).
 * Used for refusals and missing settings, where there is nothing more to show than the sentence.
 */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message, null, false, false);
    }
}
