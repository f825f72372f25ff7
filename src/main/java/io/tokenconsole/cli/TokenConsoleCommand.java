package io.tokenconsole.cli;

import io.tokenconsole.Version;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console}: the root of the headless commands. */
@Command(
        name = "token-console",
        mixinStandardHelpOptions = true,
        versionProvider = TokenConsoleCommand.VersionProvider.class,
        description = {
            "Token Console: create Argyle users, issue user tokens and inspect tokens.",
            "Run without arguments to open the window."
        },
        subcommands = {
            InspectCommand.class,
            UsersCommand.class,
            TokensCommand.class,
            AuditCommand.class,
            KeysCommand.class,
            EmulatorCommand.class,
            CommandLine.HelpCommand.class
        })
public final class TokenConsoleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, for example: inspect --help");
    }

    /** Runs a command line and returns its exit code: 0 success, 1 a failure it explains, 2 a usage error. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        return run(args, new CommandContext(in, outWriter, errWriter, env, Clock.systemUTC(), SecretPrompt.terminal()));
    }

    public static int run(String[] args, CommandContext context) {
        CommandLine commandLine = new CommandLine(new TokenConsoleCommand(), new ContextFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // A last resort: a command that failed in a way it did not explain gets one line, no stack trace.
            cmd.getErr().println("token-console: " + Failures.describe(exception));
            return 1;
        });
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** Builds commands, handing each the context when it has a constructor that takes one. */
    private static final class ContextFactory implements CommandLine.IFactory {
        private final CommandContext context;

        ContextFactory(CommandContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CommandContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"token-console " + Version.current()};
        }
    }
}
