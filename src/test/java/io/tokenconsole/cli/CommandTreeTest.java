package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command line that names its command is parsed by that command alone (start-up: picocli builds only
 * its model); these tests check that it is the same command as in the whole tree.
 */
class CommandTreeTest {

    private static List<String> commandNames() {
        return Arrays.stream(TokenConsoleCommand.class.getAnnotation(Command.class).subcommands())
                .filter(command -> command != CommandLine.HelpCommand.class)
                .map(command -> command.getAnnotation(Command.class).name())
                .toList();
    }

    @Test
    void everyCommandShowsTheSameUsageAloneAsInTheWholeTree() {
        List<String> names = commandNames();
        assertTrue(names.contains("inspect") && names.size() > 3, "commands: " + names);
        for (String name : names) {
            // "help NAME" goes through the whole tree; "NAME --help" through the one command. An option the
            // root passes down to its commands, for one, would show in the first and be missing in the second.
            CommandRun whole = CommandRun.run("help", name);
            CommandRun alone = CommandRun.run(name, "--help");
            assertEquals(0, alone.exitCode(), name);
            assertTrue(alone.out().startsWith("Usage: token-console " + name), alone.out());
            assertEquals(whole.out(), alone.out(), name);
            assertEquals(whole.err(), alone.err(), name);
        }
    }

    @Test
    void aCommandAloneRefusesAnUnknownOptionAsTheWholeTreeDid() {
        CommandRun run = CommandRun.run("inspect", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
        assertTrue(run.err().contains("--now"), "picocli's suggestion of a close option: " + run.err());
    }

    @Test
    void aMistypedCommandStillGetsTheWholeTreeAndItsSuggestions() {
        CommandRun run = CommandRun.run("inspct");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("inspect"), run.err());
    }
}
