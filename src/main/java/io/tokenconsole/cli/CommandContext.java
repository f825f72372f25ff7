package io.tokenconsole.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the outside world: its streams, its environment variables, the clock
 * and the terminal's no-echo prompt. Handed to every command by {@link TokenConsoleCommand}'s
 * factory, so tests run the real commands in-process with their own streams.
 */
public record CommandContext(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
        SecretPrompt secretPrompt) {

    /** A context without a terminal to prompt on. */
    public CommandContext(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        this(in, out, err, env, clock, SecretPrompt.none());
    }

    public Optional<String> envVar(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
