package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The OS credential store is optional: when D-Bus is missing or mute, the console falls back in time. */
class CredentialStoreProbeTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(60)
    void aSessionBusThatNeverAnswersFallsBackToTheSessionStoreWithinTheProbeTimeout() throws Exception {
        assumeTrue(DataFolder.supportsPosix(), "needs Unix domain sockets");
        Path socket = folder.resolve("bus");
        List<SocketChannel> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocketChannel bus = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            bus.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(bus.accept()); // accepted, then silence: no D-Bus handshake ever comes
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "mute-dbus");
            acceptor.setDaemon(true);
            acceptor.start();

            Map<String, String> report = probe("unix:path=" + socket);

            assertEquals("false", report.get("persistent"), report.toString());
            assertTrue(!held.isEmpty(), "the keyring library did try the bus");
            assertTrue(Long.parseLong(report.get("millis")) < CredentialStore.PROBE_TIMEOUT.toMillis() + 2_000, report.toString());
            assertEquals("Secret kept for this session only — no OS credential store found", report.get("description"));
        } finally {
            for (SocketChannel channel : held) {
                channel.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void noSessionBusAtAllFallsBackToo() throws Exception {
        Map<String, String> report = probe("unix:path=" + folder.resolve("nobody-listens-here"));
        assertEquals("false", report.get("persistent"), report.toString());
    }

    private static Map<String, String> probe(String busAddress) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CredentialProbeChild.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        environment.remove("DISPLAY");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = child.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            child.toHandle().destroyForcibly();
        }
        assertTrue(exited, "the console exits even with a probe still waiting on D-Bus: " + output);
        Map<String, String> report = new HashMap<>();
        for (String line : output.lines().collect(Collectors.toList())) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                report.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return report;
    }
}
