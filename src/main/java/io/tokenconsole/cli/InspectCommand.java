package io.tokenconsole.cli;

import io.tokenconsole.workflow.EnvironmentMapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.InspectionJson;
import io.tokenconsole.inspect.TokenEnvironment;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.inspect.VerificationKeys;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token-console inspect}: the inspector without a window, for scripts and tickets. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Decode a user token and tell what is inside it: claims, times, environment, findings.",
            "Makes no network call. Exit status: 0 a token was decoded, 1 no token could be decoded, 2 usage error."
        },
        footer = {
            "",
            "The input may be a raw token, 'Bearer …', an Authorization header, a JSON answer holding user_token,",
            "or a Link snippet. Prefer '-' and a pipe over an argument: arguments show up in the process list."
        })
final class InspectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = TokenInspector.defaultJson();

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN|-",
            description = "The token (or anything holding it); '-' reads standard input.")
    private String token;

    @Option(names = "--json", description = "Print the JSON report (see DESIGN.md) instead of text.")
    private boolean json;

    @Option(names = "--now", paramLabel = "EPOCH", description = "Judge the token at this moment (epoch seconds).")
    private Long now;

    @Option(names = "--verify-key", paramLabel = "FILE",
            description = "Check the signature against a PEM public key, certificate or JWKS file.")
    private Path verifyKey;

    @Option(names = "--hmac-secret-env", paramLabel = "VARIABLE",
            description = "Check an HS256/384/512 signature with the secret held in this environment variable.")
    private String hmacSecretVariable;

    @Option(names = "--env", paramLabel = "ENV", converter = EnvironmentConverter.class,
            description = "The environment you expect the token from: local, sandbox or production.")
    private Environment environment;

    @Option(names = "--expect-client-id", paramLabel = "ID", description = "The client_id the token should carry.")
    private String expectedClientId;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    InspectCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String input = readInput();
        InspectionContext inspectionContext = inspectionContext();
        Inspection inspection = new TokenInspector(JSON).inspect(input, inspectionContext);
        if (json) {
            context.out().println(new InspectionJson(JSON).write(inspection).toPrettyString());
        } else if (inspection instanceof Inspection.Decoded decoded) {
            context.out().print(new InspectionText(ZoneId.systemDefault()).render(decoded.report()));
        } else {
            context.err().println(new InspectionText(ZoneId.systemDefault()).render(((Inspection.Failed) inspection).error()));
        }
        return inspection instanceof Inspection.Decoded ? 0 : 1;
    }

    private String readInput() {
        if (token == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give the token as an argument, or '-' to read it from standard input.");
        }
        if (!token.equals("-")) {
            return token;
        }
        try {
            Reader reader = new InputStreamReader(context.in(), StandardCharsets.UTF_8);
            // Read one character past the limit, so a huge input is refused without being held whole.
            char[] buffer = new char[TokenInspector.MAX_INPUT_CHARS + 1];
            int length = 0;
            int read;
            while (length < buffer.length && (read = reader.read(buffer, length, buffer.length - length)) != -1) {
                length += read;
            }
            return new String(buffer, 0, length);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Could not read standard input: " + e.getMessage());
        }
    }

    private InspectionContext inspectionContext() {
        Instant moment = now != null ? Instant.ofEpochSecond(now) : context.clock().instant();
        InspectionContext result = InspectionContext.at(moment);
        if (environment != null) {
            result = result.onEnvironment(EnvironmentMapping.tokenEnvironment(environment));
        }
        if (expectedClientId != null) {
            result = result.expectingClientId(expectedClientId);
        }
        VerificationKeys keys = new VerificationKeys(JSON);
        if (verifyKey != null && hmacSecretVariable != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Use either --verify-key or --hmac-secret-env, not both.");
        }
        if (verifyKey != null) {
            result = result.verifyingWith(readKey(keys));
        }
        if (hmacSecretVariable != null) {
            String secret = context.envVar(hmacSecretVariable).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "The environment variable " + hmacSecretVariable + " is not set."));
            result = result.verifyingWith(keys.sharedSecret(secret));
        }
        return result;
    }

    private VerificationKey readKey(VerificationKeys keys) {
        try {
            // Counted as read, not asked of the file system: /dev/zero and pipes say they are empty.
            return keys.parsePublic(BoundedFiles.readText(verifyKey, TokenInspector.MAX_INPUT_CHARS, "a key"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), verifyKey + ": " + e.getMessage());
        }
    }
}
