package io.tokenconsole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real server (the test PostgreSQL): the console connects to
 * the relay, the relay to the server. {@link #cut()} drops every open connection and refuses new ones
 * (what a console sees when the server or the network goes away); {@link #restore()} lets them in
 * again. So a test can take "the team workspace" away mid-command without stopping the shared cluster
 * under other tests. (The store's tests have a package-private twin, {@code store.TcpRelay}, with the
 * same methods: one of them can go when both branches are merged.)
 */
public final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    /** A relay on a free port of 127.0.0.1 to {@code targetPort} on 127.0.0.1. */
    public TcpRelay(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        accept(listener);
    }

    public int port() {
        return port;
    }

    /** Every connection dropped, and the port closed: a new connection is refused. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The port listens again, on the same number. */
    public synchronized void restore() {
        try {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = again;
            accept(again);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket();
                    try {
                        upstream.connect(target, 2_000);
                    } catch (IOException serverAway) {
                        closeQuietly(client);
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException stopped) {
                    // The listener was cut or closed, or the server refused: the client sees its socket close.
                }
            }
        }, "relay-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException ended) {
                // One side closed (or was cut): close the other too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // Closing is all that is wanted.
        }
    }

    @Override
    public void close() {
        cut();
    }
}
