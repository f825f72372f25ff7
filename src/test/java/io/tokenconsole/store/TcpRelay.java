package io.tokenconsole.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A relay on 127.0.0.1 in front of the test PostgreSQL: {@link #cut()} closes it and every connection through
 * it, as a network outage or a stopped server looks to the console; {@link #restore()} listens again on the
 * same port. Lets a test take the server away without stopping the cluster others are using.
 */
final class TcpRelay implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    int port() {
        return port;
    }

    synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    synchronized void restore() throws IOException {
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(again);
    }

    private void listen(ServerSocket listening) {
        server = listening;
        Thread accepting = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "relay-accept");
        accepting.setDaemon(true);
        accepting.start();
    }

    private static void pump(Socket from, Socket to) {
        Thread copying = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // Cut, or one side finished.
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // Already closed.
                }
            }
        }, "relay-pump");
        copying.setDaemon(true);
        copying.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
