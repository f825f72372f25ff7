package io.tokenconsole.emulator;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start a local sandbox. {@code apiKey} and {@code signingKey} may be {@code null}: the
 * emulator then makes fresh ones (securely random), which is what a first start wants; a caller
 * that needs tokens to stay verifiable across restarts hands in the key it kept. Port 0 picks a
 * free port. The default binds the loopback address only: nobody else on the network can reach it.
 * {@code usersFile} ({@code null}: memory only) is where the sandbox keeps its users across restarts;
 * several processes may share one file.
 */
public record EmulatorConfig(
        InetAddress bindAddress,
        int port,
        ApiKey apiKey,
        SigningKey signingKey,
        FaultPlan faults,
        Clock clock,
        int threads,
        Path usersFile) {

    /**
     * How many requests the default sandbox serves at once (one thread each, made only when needed):
     * far more than slow or stuck clients on one machine hold, so they never starve the rest.
     */
    public static final int MOST_REQUESTS_AT_ONCE = 256;

    public EmulatorConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("A port is between 0 (any free one) and 65535, not " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("The emulator needs at least one thread");
        }
    }

    public static EmulatorConfig defaults() {
        return new EmulatorConfig(InetAddress.getLoopbackAddress(), 0, null, null, FaultPlan.NONE, Clock.systemUTC(),
                MOST_REQUESTS_AT_ONCE, null);
    }

    public EmulatorConfig withPort(int value) {
        return new EmulatorConfig(bindAddress, value, apiKey, signingKey, faults, clock, threads, usersFile);
    }

    public EmulatorConfig withBindAddress(InetAddress value) {
        return new EmulatorConfig(value, port, apiKey, signingKey, faults, clock, threads, usersFile);
    }

    public EmulatorConfig withApiKey(ApiKey value) {
        return new EmulatorConfig(bindAddress, port, value, signingKey, faults, clock, threads, usersFile);
    }

    public EmulatorConfig withSigningKey(SigningKey value) {
        return new EmulatorConfig(bindAddress, port, apiKey, value, faults, clock, threads, usersFile);
    }

    public EmulatorConfig withFaults(FaultPlan value) {
        return new EmulatorConfig(bindAddress, port, apiKey, signingKey, value, clock, threads, usersFile);
    }

    public EmulatorConfig withClock(Clock value) {
        return new EmulatorConfig(bindAddress, port, apiKey, signingKey, faults, value, threads, usersFile);
    }

    public EmulatorConfig withThreads(int value) {
        return new EmulatorConfig(bindAddress, port, apiKey, signingKey, faults, clock, value, usersFile);
    }

    /** Keeps the users in {@code file} (created when missing), so they outlive this sandbox. */
    public EmulatorConfig withUsersFile(Path file) {
        return new EmulatorConfig(bindAddress, port, apiKey, signingKey, faults, clock, threads, file);
    }
}
