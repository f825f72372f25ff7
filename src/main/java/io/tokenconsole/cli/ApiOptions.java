package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import java.net.URI;
import picocli.CommandLine.Option;

/** The options every command that talks to an Argyle API shares: where, with which key, how to print. */
final class ApiOptions {

    static final String KEY_ID_VARIABLE = "ARGYLE_API_KEY_ID";
    static final String SECRET_VARIABLE = "ARGYLE_API_KEY_SECRET";

    @Option(names = "--env", paramLabel = "local|sandbox|production", converter = EnvironmentConverter.class,
            defaultValue = "local",
            description = {"Which environment to talk to (default: ${DEFAULT-VALUE}).",
                "local starts the local sandbox for the command, with the users it kept (the same as the window's)."})
    Environment environment;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Talk to this base URL instead of the environment's own, e.g. a proxy or a running"
                    + " 'token-console emulator' (then give its key too).")
    URI baseUrl;

    @Option(names = "--api-key-id", paramLabel = "ID",
            description = "API key id; default: the " + KEY_ID_VARIABLE + " environment variable.")
    String apiKeyId;

    @Option(names = "--api-key-secret", paramLabel = "SECRET",
            description = "API key secret; default: the " + SECRET_VARIABLE + " environment variable"
                    + " (prefer it: a flag shows in the process list).")
    String apiKeySecret;

    @Option(names = "--json", description = "Print the API's answer as JSON.")
    boolean json;
}
