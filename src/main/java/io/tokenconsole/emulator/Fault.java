package io.tokenconsole.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What can go wrong on purpose, as named in a fault plan. */
public enum Fault {
    /** 401 {@code {"detail": "Invalid username/password."}} whatever key was sent. */
    UNAUTHORIZED("unauthorized", 401),
    /** 429 with {@code Retry-After}. */
    RATE_LIMITED("rate_limited", 429),
    /** 500. */
    SERVER_ERROR("server_error", 500),
    /** 503, with {@code Retry-After} when the rule gives one. */
    UNAVAILABLE("unavailable", 503),
    /** The connection is closed without any answer. */
    DROP_CONNECTION("drop_connection", 0),
    /** 200 with a body cut off in the middle of its JSON. */
    MALFORMED_BODY("malformed_body", 200);

    private final String id;
    private final int status;

    Fault(String id, int status) {
        this.id = id;
        this.status = status;
    }

    public String id() {
        return id;
    }

    /** The HTTP status the fault answers with; 0 when it sends none. */
    public int status() {
        return status;
    }

    public static Optional<Fault> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(fault -> fault.id.equals(wanted)).findFirst();
    }

    static String allIds() {
        return Arrays.stream(values()).map(Fault::id).collect(Collectors.joining(", "));
    }
}
