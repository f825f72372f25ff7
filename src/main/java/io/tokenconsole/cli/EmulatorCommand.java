package io.tokenconsole.cli;

import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.FaultPlan;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token-console emulator}: the local sandbox as a server of its own, for curl, scripts and
 * other tools. The first line says where it listens and with which key; it serves until Ctrl+C.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the local sandbox: an Argyle-compatible API v2 on this machine.",
            "The first line prints its base URL and API key; it serves until stopped (Ctrl+C).",
            "Users live in memory and are gone when it stops.",
            "Fault plan JSON (also at /_emulator/faults: GET shows, PUT sets, DELETE clears):",
            "  {\"latency_ms\": 250, \"rules\": [{\"fault\": \"rate_limited\", \"next\": 2, \"retry_after_seconds\": 1},",
            "                                 {\"fault\": \"unavailable\", \"share\": 0.1, \"route\": \"POST /v2/users\"}]}",
            "  faults: unauthorized, rate_limited, server_error, unavailable, drop_connection, malformed_body"})
final class EmulatorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port to listen on (default: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--api-key-id", paramLabel = "ID", description = "The key id clients must send (default: a new random one).")
    String apiKeyId;

    @Option(names = "--api-key-secret", paramLabel = "S", description = "The secret clients must send (default: a new random one).")
    String apiKeySecret;

    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "RSA private key (PKCS#8 PEM) to sign tokens with; made and saved there when the file does"
                    + " not exist, so tokens stay verifiable across restarts.")
    Path signingKeyFile;

    @Option(names = "--faults", paramLabel = "JSON|@FILE", description = "Fault plan to start with (see above).")
    String faults;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Delay every API answer by this long.")
    Long latencyMillis;

    /** The admin endpoint takes no larger plan either. */
    private static final int LARGEST_PLAN_FILE = 64 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CommandContext context;

    EmulatorCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        EmulatorConfig config = EmulatorConfig.defaults().withPort(port).withBindAddress(bindAddress())
                .withClock(context.clock()).withFaults(faultPlan());
        if ((apiKeyId == null) != (apiKeySecret == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give both --api-key-id and --api-key-secret, or neither to have a key made");
        }
        if (apiKeyId != null) {
            try {
                config = config.withApiKey(new ApiKey(apiKeyId, apiKeySecret));
            } catch (IllegalArgumentException wrong) {
                throw new CommandLine.ParameterException(spec.commandLine(), wrong.getMessage());
            }
        }
        String keyNote = null;
        if (signingKeyFile != null) {
            if (Files.exists(signingKeyFile)) {
                try {
                    config = config.withSigningKey(SigningKey.read(signingKeyFile));
                } catch (IllegalArgumentException unreadable) {
                    throw new CommandFailure("Cannot use " + signingKeyFile + ": " + unreadable.getMessage());
                }
                keyNote = "Signing key: read from " + signingKeyFile;
            } else {
                SigningKey fresh = SigningKey.generate();
                fresh.write(signingKeyFile);
                config = config.withSigningKey(fresh);
                keyNote = "Signing key: made and saved to " + signingKeyFile;
            }
        }

        LocalSandbox sandbox;
        try {
            sandbox = LocalSandbox.start(config);
        } catch (IOException cannotListen) {
            throw new CommandFailure("Cannot listen on " + bind + ":" + port + ": " + cannotListen.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "local-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);

        PrintWriter out = context.out();
        out.println("Local sandbox at " + sandbox.baseUrl() + " api-key-id=" + sandbox.apiKey().id()
                + " api-key-secret=" + sandbox.apiKey().secret());
        out.println("JWKS (to verify its tokens): " + sandbox.jwksUrl());
        out.println("Fault plan: " + sandbox.faultsUrl() + " (now: " + sandbox.faults().toJson() + ")");
        if (keyNote != null) {
            out.println(keyNote);
        }
        out.println("Serving until Ctrl+C.");
        out.flush();

        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            // Stopped from inside the process (a test, an embedding tool) rather than by Ctrl+C.
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            sandbox.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException unknown) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: '" + bind + "' is not an address here");
        }
    }

    private FaultPlan faultPlan() {
        FaultPlan plan = FaultPlan.NONE;
        if (faults != null) {
            String text = faults;
            if (faults.startsWith("@")) {
                try {
                    text = BoundedFiles.readText(Path.of(faults.substring(1)), LARGEST_PLAN_FILE, "a fault plan");
                } catch (IllegalArgumentException unreadable) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--faults: " + unreadable.getMessage());
                }
            }
            try {
                plan = FaultPlan.parse(text);
            } catch (IllegalArgumentException wrong) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--faults: " + wrong.getMessage());
            }
        }
        if (latencyMillis != null) {
            if (latencyMillis < 0 || latencyMillis > FaultPlan.LONGEST_LATENCY.toMillis()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--latency-ms is between 0 and "
                        + FaultPlan.LONGEST_LATENCY.toMillis() + " (one minute)");
            }
            plan = plan.withLatency(Duration.ofMillis(latencyMillis));
        }
        return plan;
    }
}
