package io.tokenconsole.cli;

import io.tokenconsole.workflow.Failures;
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
            "Token Console: create Argyle users, issue user tokens, open Link and inspect tokens.",
            "Run without arguments to open the window."
        },
        subcommands = {
            InspectCommand.class,
            UsersCommand.class,
            TokensCommand.class,
            LinkCommand.class,
            AuditCommand.class,
            KeysCommand.class,
            EmulatorCommand.class,
            WorkspaceCommand.class,
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
        int code = run(args, new CommandContext(in, outWriter, errWriter, env, Clock.systemUTC(), SecretPrompt.terminal()));
        // A PrintStream keeps its write errors to itself (a full disk, a closed pipe): ask it.
        out.flush();
        return code == 0 && out.checkError() ? outputLost(errWriter) : code;
    }

    /**
     * Runs a command line. What it prints passes through {@link TerminalSafeWriter}; if standard output
     * could not be written (a full disk, a closed pipe), the run fails with exit code 1 and says so,
     * although the command itself did its work.
     */
    public static int run(String[] args, CommandContext given) {
        CommandContext context = new CommandContext(given.in(), terminalSafe(given.out()), terminalSafe(given.err()),
                given.env(), given.clock(), given.secretPrompt());
        CommandLine commandLine = commandTree(args, new ContextFactory(context));
        // picocli would replace "@file" by the file's lines and quote them in errors (--faults @/etc/shadow):
        // arguments are taken as written, and a command that takes a file reads it itself.
        commandLine.setExpandAtFiles(false);
        // Output is escaped for the terminal, picocli's own colours included: plain help text instead.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
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
        return code == 0 && given.out().checkError() ? outputLost(context.err()) : code;
    }

    /**
     * The commands to parse {@code args} with. Picocli builds the model of every command it is given, by
     * reflection, before it parses a word: for the whole tree that is most of a one-shot command's start-up
     * beyond the JVM's. A command line that starts with a command's name gets a root holding only that
     * command (the same class, options and texts, so the same parse, output and exit code); anything else
     * (no command, {@code --help}, {@code help}, a mistyped name) gets the whole tree.
     */
    static CommandLine commandTree(String[] args, CommandLine.IFactory factory) {
        if (args.length > 0) {
            for (Class<?> command : TokenConsoleCommand.class.getAnnotation(Command.class).subcommands()) {
                Command annotation = command.getAnnotation(Command.class);
                if (command != CommandLine.HelpCommand.class && annotation.name().equals(args[0])) {
                    initializeMeanwhile(command);
                    return new CommandLine(oneCommandRoot(), factory).addSubcommand(command);
                }
            }
        }
        return new CommandLine(new TokenConsoleCommand(), factory);
    }

    /**
     * The root of {@link #commandTree} for a command line that names its command: this class's name, options
     * and version, no subcommands, and nothing to run. Built by hand rather than from an annotated class: picocli
     * then reads no class to make it. An option added to the root must be added here too (CommandTreeTest
     * fails otherwise).
     */
    private static CommandLine.Model.CommandSpec oneCommandRoot() {
        CommandLine.Model.CommandSpec root = CommandLine.Model.CommandSpec.create().name("token-console");
        root.versionProvider(new VersionProvider());
        root.mixinStandardHelpOptions(true);
        return root;
    }

    /**
     * Initializes {@code command}'s class (its static parts: {@code inspect}'s JSON mapper, for one) on a second
     * thread while picocli sets itself up on this one; they need nothing from each other, and a one-shot command
     * starts sooner on two cores. When picocli makes the command it waits for the class if it is not ready yet;
     * should its initialization fail, picocli's own attempt fails too and reports it.
     */
    private static void initializeMeanwhile(Class<?> command) {
        Thread initializing = new Thread(() -> {
            try {
                Class.forName(command.getName(), true, command.getClassLoader());
            } catch (ClassNotFoundException | LinkageError reportedByPicocli) {
                // picocli makes the command next and reports what is wrong with it.
            }
        }, "token-console-command-class");
        initializing.setDaemon(true);
        initializing.start();
    }

    private static int outputLost(PrintWriter err) {
        err.println("token-console: could not write to standard output (a full disk or a closed pipe?): what the"
                + " command printed is lost, although it did its work — 'token-console audit' shows what it did.");
        err.flush();
        return 1;
    }

    private static PrintWriter terminalSafe(PrintWriter writer) {
        return new PrintWriter(new TerminalSafeWriter(writer), true);
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
