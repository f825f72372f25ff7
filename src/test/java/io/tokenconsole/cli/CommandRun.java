package io.tokenconsole.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** One in-process run of {@code token-console}, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext context = new CommandContext(new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out, true), new PrintWriter(err, true), env, Clock.systemUTC());
        int code = TokenConsoleCommand.run(args, context);
        return new CommandRun(code, out.toString(), err.toString());
    }

    static CommandRun of(String... args) {
        return of(Map.of(), args);
    }

    /** The last line on standard error: where a failure's one-line explanation is. */
    String lastErrorLine() {
        String[] lines = err.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
