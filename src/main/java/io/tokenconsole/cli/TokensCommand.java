package io.tokenconsole.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code token-console tokens …}: user tokens. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Issue user tokens for Link.",
        subcommands = {TokensIssueCommand.class})
final class TokensCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do with tokens: issue");
    }
}
