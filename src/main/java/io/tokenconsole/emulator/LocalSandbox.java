package io.tokenconsole.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local sandbox: an Argyle-compatible API v2 on this machine, needing no keys from Argyle and
 * no network. It signs real RS256 tokens and publishes their key at {@code /.well-known/jwks.json}.
 * Users live in memory, and in a file when the configuration names one (they then outlive it).
 *
 * <pre>{@code
 * try (LocalSandbox sandbox = LocalSandbox.start(EmulatorConfig.defaults())) {
 *     URI api = sandbox.baseUrl();          // http://127.0.0.1:PORT/v2
 *     ApiKey key = sandbox.apiKey();        // what clients must send (HTTP Basic)
 * }
 * }</pre>
 */
public final class LocalSandbox implements AutoCloseable {

    /** A request (headers and body) must arrive whole within this many seconds, or its connection is closed. */
    public static final int REQUEST_SECONDS = 5;
    /** An answer must be taken within this many seconds after its request arrived: the longest latency plus slack. */
    public static final int ANSWER_SECONDS = (int) FaultPlan.LONGEST_LATENCY.toSeconds() + 30;

    static {
        // Read once, when the JDK server's classes load; a value set by whoever runs us wins.
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each small
        // answer can wait ~40 ms for the client's delayed ACK.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // A worker reads a request's headers and body itself, blocking: without these timers a client
        // that sends half a request holds a worker for ever, and enough of them freeze the sandbox.
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(ANSWER_SECONDS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiKey apiKey;
    private final SigningKey signingKey;
    private final FaultSwitch faults;
    private final RequestCounts counts;
    private final EmulatedUsers users;
    private final URI root;

    private LocalSandbox(HttpServer server, ExecutorService workers, ApiKey apiKey, SigningKey signingKey,
                         FaultSwitch faults, RequestCounts counts, EmulatedUsers users) {
        this.server = server;
        this.workers = workers;
        this.apiKey = apiKey;
        this.signingKey = signingKey;
        this.faults = faults;
        this.counts = counts;
        this.users = users;
        InetSocketAddress bound = server.getAddress();
        InetAddress address = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound.getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        this.root = URI.create("http://" + host + ":" + bound.getPort());
    }

    /** Starts serving at once; the port is taken when this returns. */
    public static LocalSandbox start(EmulatorConfig config) throws IOException {
        ApiKey apiKey = config.apiKey() != null ? config.apiKey() : ApiKey.generate();
        SigningKey signingKey = config.signingKey() != null ? config.signingKey() : SigningKey.generate();
        FaultSwitch faults = new FaultSwitch(config.faults());
        RequestCounts counts = new RequestCounts();
        EmulatedUsers users = config.usersFile() == null
                ? new EmulatedUsers(config.clock())
                : new EmulatedUsers(config.clock(), new UsersFile(config.usersFile()));
        // client_id is the key id, so a token names the key that asked for it, as Argyle's name the client.
        TokenMint mint = new TokenMint(signingKey, apiKey.id(), config.clock());

        HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 256);
        ExecutorService workers = workers(config.threads());
        server.setExecutor(workers);
        server.createContext("/v2/", new ApiRoutes(apiKey, users, mint, faults, counts));
        server.createContext("/_emulator/", new AdminRoutes(apiKey, faults, counts));
        server.createContext("/.well-known/jwks.json", exchange -> {
            try (exchange) {
                Replies.json(exchange, 200, signingKey.toJwks());
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                Replies.notFound(exchange);
            }
        });
        server.start();
        return new LocalSandbox(server, workers, apiKey, signingKey, faults, counts, users);
    }

    /** The API's base URL, e.g. {@code http://127.0.0.1:50123/v2}. */
    public URI baseUrl() {
        return URI.create(root + "/v2");
    }

    /** Where the public key is published, for verifying tokens. */
    public URI jwksUrl() {
        return URI.create(root + "/.well-known/jwks.json");
    }

    /** The admin endpoint that shows and sets the fault plan. */
    public URI faultsUrl() {
        return URI.create(root + "/_emulator/faults");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public ApiKey apiKey() {
        return apiKey;
    }

    public SigningKey signingKey() {
        return signingKey;
    }

    public FaultPlan faults() {
        return faults.plan();
    }

    /** Replaces the fault plan; requests already past the fault check are not affected. */
    public void setFaults(FaultPlan plan) {
        faults.set(plan);
    }

    public void clearFaults() {
        faults.set(FaultPlan.NONE);
    }

    /** Requests received on a route such as {@code "POST /v2/users"}, faulted ones included. */
    public long requestCount(String route) {
        return counts.count(route);
    }

    public Map<String, Long> requestCounts() {
        return counts.snapshot();
    }

    public int userCount() {
        return users.size();
    }

    /** Stops serving: open connections are closed and in-flight requests abandoned. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Up to {@code most} requests are served at once, each on its own thread, made when needed and
     * ended after half a minute idle; more wait their turn. A slow or silent client holds one thread
     * for at most {@link #REQUEST_SECONDS}, so it takes {@code most} of them at once to make the
     * others wait — and then only that long.
     */
    private static ExecutorService workers(int most) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(most, most, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), namedDaemons());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory namedDaemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "local-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
