package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** {@code --env local|sandbox|production}; a wrong word is a usage error that lists the right ones. */
final class EnvironmentConverter implements CommandLine.ITypeConverter<Environment> {

    @Override
    public Environment convert(String value) {
        return Environment.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not an environment; use one of: " + Arrays.stream(Environment.values())
                        .map(Environment::id).collect(Collectors.joining(", "))));
    }
}
