package io.tokenconsole.cli;

import java.io.Console;
import java.util.Optional;

/** Asks a person for a secret without echoing it; empty when there is no terminal to ask on. */
@FunctionalInterface
public interface SecretPrompt {

    Optional<char[]> ask(String question);

    /** The process's terminal ({@link Console#readPassword}); none when input or output is redirected. */
    static SecretPrompt terminal() {
        return question -> {
            Console console = System.console();
            return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", question));
        };
    }

    /** For runs with no terminal at all (tests, pipes). */
    static SecretPrompt none() {
        return question -> Optional.empty();
    }
}
