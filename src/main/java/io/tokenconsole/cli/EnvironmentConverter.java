package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import picocli.CommandLine;

/** Reads {@code local}, {@code sandbox} or {@code production}, and says so when given anything else. */
final class EnvironmentConverter implements CommandLine.ITypeConverter<Environment> {

    @Override
    public Environment convert(String value) {
        return Environment.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not an environment: use local, sandbox or production."));
    }
}
