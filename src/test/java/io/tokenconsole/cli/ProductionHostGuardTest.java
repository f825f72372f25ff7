package io.tokenconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production guard looks at where a request goes, not at {@code --env}. Nothing leaves this
 * machine: every HTTP client made during a test sends through a trap proxy on 127.0.0.1, which
 * records where it was asked to connect and then hangs up.
 */
class ProductionHostGuardTest {

    private static final String USER = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";
    private static final Map<String, String> KEY = Map.of("ARGYLE_API_KEY_ID", "support", "ARGYLE_API_KEY_SECRET", "not-a-real-secret");

    @TempDir
    Path home;

    private ServerSocket trap;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private ProxySelector before;

    @BeforeEach
    void setTrap() throws IOException {
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket client = trap.accept()) {
                    asked.add(new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine());
                } catch (IOException closed) {
                    // the trap is shut after each test
                }
            }
        }, "proxy-trap");
        accepting.setDaemon(true);
        accepting.start();
        before = ProxySelector.getDefault();
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), trap.getLocalPort()));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        });
    }

    @AfterEach
    void removeTrap() throws IOException {
        ProxySelector.setDefault(before);
        trap.close();
    }

    private CommandRun run(String... args) {
        Map<String, String> env = new java.util.HashMap<>(KEY);
        env.put("TOKEN_CONSOLE_HOME", home.toString());
        return CommandRun.of(env, args);
    }

    @Test
    void aSandboxCommandWhoseBaseUrlIsTheProductionHostIsRefusedAndSendsNothing() {
        for (String url : List.of("https://api.argyle.com/v2", "https://API.Argyle.COM./v2", "http://api.argyle.com:443/v2")) {
            CommandRun issue = run("tokens", "issue", "--env", "sandbox", "--base-url", url, "--user", USER);
            CommandRun create = run("users", "create", "--env", "sandbox", "--base-url", url);

            assertEquals(1, issue.exitCode(), issue.err());
            assertTrue(issue.lastErrorLine().contains("is Argyle's production API, whatever --env sandbox says"), issue.err());
            assertEquals(1, create.exitCode(), create.err());
            assertTrue(create.lastErrorLine().contains("Refusing to create a user without --confirm-production"), create.err());
        }
        assertEquals(List.of(), asked, "nothing was sent anywhere");
    }

    @Test
    void aSavedBaseUrlOverrideOnTheProductionHostIsProductionToo() {
        try (Workspace workspace = Workspace.open(new DataFolder(home, DataFolder.Source.HOME_VARIABLE), Clock.systemUTC(),
                new Operator("test"))) {
            workspace.settings().setBaseUrlOverride(Environment.SANDBOX, URI.create("https://api.argyle.com/v2"));
        }

        CommandRun issue = run("tokens", "issue", "--env", "sandbox", "--user", USER);
        CommandRun local = run("users", "create", "--env", "local", "--base-url", "https://api.argyle.com/v2");

        assertEquals(1, issue.exitCode(), issue.err());
        assertTrue(issue.lastErrorLine().contains("--confirm-production"), issue.err());
        assertEquals(1, local.exitCode(), local.err());
        assertTrue(local.lastErrorLine().contains("whatever --env local says"), local.err());
        assertEquals(List.of(), asked);
    }

    @Test
    void confirmedTheRequestGoesToTheProductionHostWhichProvesTheTrapCatchesIt() {
        CommandRun issue = run("tokens", "issue", "--env", "sandbox", "--base-url", "https://api.argyle.com/v2",
                "--user", USER, "--confirm-production");

        assertEquals(1, issue.exitCode(), "the trap hangs up: " + issue.err());
        assertEquals(List.of("CONNECT api.argyle.com:443 HTTP/1.1"), asked.subList(0, 1));
    }

    @Test
    void theDecisionIsPlainJavaEveryFrontEndCanAsk() {
        assertTrue(new ApiTarget(Environment.SANDBOX, URI.create("https://api.argyle.com/v2")).reachesProduction());
        assertTrue(new ApiTarget(Environment.PRODUCTION, URI.create("http://127.0.0.1:8088/v2")).reachesProduction());
        assertTrue(ApiTarget.of(Environment.PRODUCTION).reachesProduction());
        assertFalse(ApiTarget.of(Environment.SANDBOX).reachesProduction());
        assertFalse(new ApiTarget(Environment.SANDBOX, URI.create("https://api.argyle.com.evil.example/v2")).reachesProduction());
        assertFalse(new ApiTarget(Environment.LOCAL, URI.create("http://127.0.0.1:8088/v2")).reachesProduction());
    }
}
