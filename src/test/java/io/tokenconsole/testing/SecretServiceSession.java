package io.tokenconsole.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Secret Service for one test: a private session bus ({@code dbus-run-session}) with Debian's
 * gnome-keyring unlocked in it, its keyring files in the test's own folder, never the person's. The
 * console gets the bus through {@link #environment()} ({@code DBUS_SESSION_BUS_ADDRESS}); the test
 * looks from outside with {@code secret-tool}, as a person would.
 *
 * <p>Without the tools the calling test is skipped, with one message (printed once) saying how to run it.
 */
public final class SecretServiceSession implements AutoCloseable {

    public static final String HOW_TO_RUN = "Secret Service tests skipped: they need dbus-run-session,"
            + " gnome-keyring-daemon and secret-tool (apt-get install dbus gnome-keyring libsecret-tools;"
            + " .ci/run installs them), then run ./mvnw verify again.";

    private static final List<String> TOOLS = List.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool", "dbus-send");
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    // The keyring is unlocked with a password typed into gnome-keyring-daemon, then the shell waits on stdin.
    private static final String SESSION_SCRIPT = "printf %s \"$KEYRING_PASSWORD\" | gnome-keyring-daemon --unlock"
            + " --components=secrets >/dev/null 2>&1; echo \"ADDRESS=$DBUS_SESSION_BUS_ADDRESS\"; exec cat >/dev/null";

    private final Process session;
    private final String busAddress;
    private final Map<String, String> toolEnvironment;

    private SecretServiceSession(Process session, String busAddress, Map<String, String> toolEnvironment) {
        this.session = session;
        this.busAddress = busAddress;
        this.toolEnvironment = toolEnvironment;
    }

    /** Starts a bus and an unlocked keyring under {@code folder}; skips the test when the tools are missing. */
    public static SecretServiceSession start(Path folder) throws IOException, InterruptedException {
        boolean available = TOOLS.stream().allMatch(SecretServiceSession::onPath);
        if (!available && TOLD.compareAndSet(false, true)) {
            System.err.println(HOW_TO_RUN);
        }
        assumeTrue(available, HOW_TO_RUN);

        Path home = Files.createDirectories(folder.resolve("home"));
        Path runtime = Files.createDirectories(folder.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", home.toString());
        // secret-tool prints the label's dash as "?" in the C locale.
        environment.put("LANG", "C.UTF-8");
        environment.put("XDG_RUNTIME_DIR", runtime.toString());
        environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());

        ProcessBuilder builder = new ProcessBuilder("dbus-run-session", "--", "sh", "-c", SESSION_SCRIPT)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("KEYRING_PASSWORD", UUID.randomUUID().toString());
        Process process = builder.start();
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> firstAddressLine(process));
        try {
            String bus = address.get(30, TimeUnit.SECONDS);
            environment.put("DBUS_SESSION_BUS_ADDRESS", bus);
            return new SecretServiceSession(process, bus, Map.copyOf(environment));
        } catch (Exception failed) {
            stop(process);
            throw new IllegalStateException("The keyring session did not start", failed);
        }
    }

    /** What the console needs to find this keyring: the bus address alone. */
    public Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress);
    }

    /** The secret {@code secret-tool} finds for the console's item of an environment. */
    public Optional<String> lookup(String environment) {
        String found = tool("secret-tool", "lookup", "service", "Token Console", "account", environment).out();
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** Label and attributes of the console's items, as {@code secret-tool search --all} prints them. */
    public String describe(String environment) {
        Result result = tool("secret-tool", "search", "--all", "service", "Token Console", "account", environment);
        // secret-tool prints the secret and label on stdout, the attributes on stderr.
        return result.out() + "\n" + result.err();
    }

    /** Deletes the console's item from outside, as a person would in Seahorse. */
    public void deleteFromOutside(String environment) {
        tool("secret-tool", "clear", "service", "Token Console", "account", environment);
    }

    /** Locks the login keyring; gnome-keyring then needs a prompt, which a headless session cannot show. */
    public void lock() {
        Result result = tool("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                "array:objpath:/org/freedesktop/secrets/collection/login");
        if (!result.out().contains("collection/login")) {
            throw new IllegalStateException("Could not lock the keyring: " + result);
        }
    }

    /** Ends the bus and the keyring with it: the store disappears under a running console. */
    @Override
    public void close() {
        stop(session);
    }

    private record Result(String out, String err) {
    }

    private Result tool(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().clear();
            builder.environment().putAll(toolEnvironment);
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process, true));
            String out = readAll(process, false);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(out.strip(), err.join().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(Process process, boolean error) {
        try {
            return new String((error ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstAddressLine(Process process) {
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("ADDRESS=") && line.length() > "ADDRESS=".length()) {
                    return line.substring("ADDRESS=".length());
                }
            }
            throw new IllegalStateException("dbus-run-session printed no bus address");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException alreadyClosed) {
            // the session is ending anyway
        }
        // Closing stdin ends the script, dbus-run-session then ends the bus; whatever is left is stopped by id.
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
