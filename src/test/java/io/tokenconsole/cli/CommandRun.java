package io.tokenconsole.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One in-process run of {@code token-console}, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    /** A run at a fixed moment (2026-11-25T10:00:00Z), with {@code stdin} as standard input. */
    static CommandRun run(String stdin, Map<String, String> env, String... args) {
        return execute(stdin, env, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), args);
    }

    static CommandRun run(String... args) {
        return run("", Map.of(), args);
    }

    /** A run on the real clock, for commands that talk to a server issuing real tokens. */
    static CommandRun of(Map<String, String> env, String... args) {
        return execute("", env, Clock.systemUTC(), args);
    }

    static CommandRun of(String... args) {
        return of(Map.of(), args);
    }

    /** Where runs keep their workspace unless a test names one: never the person's real data folder. */
    private static final Path TEST_HOME = temporaryHome();

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("token-console-test-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run on a terminal where the no-echo prompt answers with {@code prompt}. */
    static CommandRun prompted(SecretPrompt prompt, Map<String, String> env, String... args) {
        return execute("", env, Clock.systemUTC(), prompt, args);
    }

    private static CommandRun execute(String stdin, Map<String, String> givenEnv, Clock clock, String... args) {
        return execute(stdin, givenEnv, clock, SecretPrompt.none(), args);
    }

    private static CommandRun execute(String stdin, Map<String, String> givenEnv, Clock clock, SecretPrompt prompt,
            String... args) {
        Map<String, String> env = new HashMap<>(givenEnv);
        env.putIfAbsent("TOKEN_CONSOLE_HOME", TEST_HOME.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), env, clock, prompt);
        int code = TokenConsoleCommand.run(args, context);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** The last line on standard error: where a failure's one-line explanation is. */
    String lastErrorLine() {
        String[] lines = err.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
