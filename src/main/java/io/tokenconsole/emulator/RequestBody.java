package io.tokenconsole.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body with a cap: a declared {@code Content-Length} over the cap is refused
 * without reading a byte, a chunked body is read up to one byte past it. Both answer 413. Callers
 * read a body only after the API key was checked, so a stranger cannot make the emulator hold
 * anything; the JDK server drops the connection rather than drain a large unread rest.
 */
final class RequestBody {

    /** The largest body the API accepts: a user with its metadata is a few kilobytes. */
    static final int LARGEST_API_BODY = 1024 * 1024;
    /** The largest fault plan the admin endpoint accepts. */
    static final int LARGEST_FAULT_PLAN = 64 * 1024;
    /**
     * How much of a too-large body is read and dropped before answering 413, so that a client still
     * sending it sees the answer instead of a reset connection. Beyond this the connection is closed.
     */
    private static final int MOST_DISCARDED = 4 * 1024 * 1024;

    private RequestBody() {
    }

    /** The body, or empty after answering 413. */
    static Optional<byte[]> read(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && isOver(declared.strip(), limit)) {
            if (declared.strip().length() <= 10 && Long.parseLong(declared.strip()) <= limit + (long) MOST_DISCARDED) {
                discard(exchange.getRequestBody());
            }
            tooLarge(exchange, limit);
            return Optional.empty();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                discard(in);
                tooLarge(exchange, limit);
                return Optional.empty();
            }
            return Optional.of(bytes);
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long dropped = 0;
        int read;
        while (dropped < MOST_DISCARDED && (read = in.read(sink)) != -1) {
            dropped += read;
        }
    }

    private static boolean isOver(String digits, int limit) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false; // the JDK server refuses a malformed length before we get here
        }
        return digits.length() > 10 || Long.parseLong(digits) > limit;
    }

    private static void tooLarge(HttpExchange exchange, int limit) throws IOException {
        Replies.detail(exchange, 413, "Request body is larger than " + limit / 1024 + " KiB.");
    }
}
