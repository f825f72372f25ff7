package io.tokenconsole.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the real command line in-process and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun run(String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
        int code = TokenConsoleCommand.run(args, context);
        return new CommandRun(code, out.toString(), err.toString());
    }

    static CommandRun run(String... args) {
        return run("", Map.of(), args);
    }
}
