package io.tokenconsole.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL workspace address in PostgreSQL's own URI form, without a password:
 * {@code postgresql://support@db.example.com:5432/tokenconsole}. The password is found the way
 * PostgreSQL's own tools find it ({@link PostgresPasswords}), never here: an address is shown in the
 * status bar, printed by {@code --json} and saved in {@code workspace.properties}.
 *
 * @param sslMode libpq's {@code sslmode} when the address names one ({@code ?sslmode=require}); {@code null}
 *     means the driver's default, {@code prefer}, as with {@code psql}
 */
public record PostgresAddress(String host, int port, String database, String user, String sslMode) {

    public static final int DEFAULT_PORT = 5432;

    /** libpq's values; {@code verify-full} is what a team whose server has a real certificate should use. */
    public static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final String EXAMPLE = "postgresql://support@db.example.com:5432/tokenconsole";

    public PostgresAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        if (host.isBlank() || database.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("A team workspace needs a server, a database and a user, like " + EXAMPLE);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("A port is a number from 1 to 65535, not " + port);
        }
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("sslmode must be one of disable, allow, prefer, require, verify-ca,"
                    + " verify-full; not '" + sslMode + "'");
        }
    }

    public PostgresAddress(String host, int port, String database, String user) {
        this(host, port, database, user, null);
    }

    /**
     * Reads {@code postgresql://user@host:port/db} (also {@code postgres://}; the port is optional; an IPv6
     * address goes in brackets; {@code ?sslmode=…} may follow). A password in the address, a missing user or
     * database, or another scheme is refused with a message that says what to write instead and never
     * repeats the password.
     */
    public static PostgresAddress parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw refused("A team workspace address is empty. Write it like " + EXAMPLE + ".");
        }
        String text = uri.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else if (lower.startsWith("jdbc:postgresql://")) {
            throw refused("Leave out 'jdbc:': a team workspace address is PostgreSQL's own form, like " + EXAMPLE + ".");
        } else {
            int colon = text.indexOf(':');
            String scheme = colon > 0 && colon < 20 ? "'" + text.substring(0, colon) + ":'" : "no scheme";
            throw refused("A team workspace address starts with postgresql:// (this one has " + scheme
                    + "). Write it like " + EXAMPLE + ".");
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash + 1) : "";
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at) : "";
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        if (userInfo.contains(":")) {
            throw refused("Leave the password out of the address: write postgresql://"
                    + safe(decode(userInfo.substring(0, userInfo.indexOf(':')), "user")) + "@" + safe(hostPort)
                    + (path.isEmpty() ? "" : "/" + safe(path))
                    + " and keep the password in ~/.pgpass, in PGPASSWORD, or in the OS credential store"
                    + " (Settings → Workspace).");
        }
        Optional<String> sslMode = sslMode(query);
        String user = decode(userInfo, "user");
        if (user.isBlank()) {
            throw refused("Name the database user before the server: postgresql://USER@" + safe(hostPort)
                    + "/" + (path.isEmpty() ? "DATABASE" : safe(path)) + ".");
        }
        if (hostPort.contains(",")) {
            throw refused("A team workspace address names one server; this one lists several (" + safe(hostPort) + ").");
        }
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw refused("An IPv6 address needs its closing bracket: postgresql://user@[::1]:5432/db.");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw refused("After an IPv6 address in brackets comes ':PORT' or '/', not '" + safe(after) + "'.");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0 && hostPort.indexOf(':') != colon) {
                throw refused("Put an IPv6 address in brackets: postgresql://user@[" + safe(hostPort) + "]:5432/db.");
            }
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
        }
        host = decode(host, "server");
        if (host.isBlank()) {
            throw refused("Name the server after '@': postgresql://" + safe(user) + "@SERVER:5432/"
                    + (path.isEmpty() ? "DATABASE" : safe(path)) + ".");
        }
        int port = DEFAULT_PORT;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw refused("The port after the server is a number from 1 to 65535, not '" + safe(portText) + "'.");
            }
        }
        String database = decode(path, "database");
        if (database.isBlank() || database.contains("/")) {
            throw refused("Name the database after the server: postgresql://" + safe(user) + "@" + safe(hostPort)
                    + "/DATABASE.");
        }
        return new PostgresAddress(host, port, database, user, sslMode.orElse(null));
    }

    private static Optional<String> sslMode(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        String mode = null;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals >= 0 ? pair.substring(0, equals) : pair).toLowerCase(Locale.ROOT);
            String value = equals >= 0 ? pair.substring(equals + 1) : "";
            if (name.equals("password")) {
                throw refused("Leave the password out of the address (remove '?password=…') and keep it in"
                        + " ~/.pgpass, in PGPASSWORD, or in the OS credential store (Settings → Workspace).");
            }
            if (!name.equals("sslmode")) {
                throw refused("Only sslmode may follow '?' in a team workspace address (found '" + safe(name)
                        + "'), like " + EXAMPLE + "?sslmode=verify-full.");
            }
            String decoded = decode(value, "sslmode").toLowerCase(Locale.ROOT);
            if (!SSL_MODES.contains(decoded)) {
                throw refused("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full;"
                        + " not '" + safe(decoded) + "'.");
            }
            mode = decoded;
        }
        return Optional.ofNullable(mode);
    }

    /** Percent-decoding as libpq does it, refusing a broken escape in plain words. */
    private static String decode(String text, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw refused("The " + what + " in the address has a '%' that is not followed by two hex digits"
                            + " (write %25 for a percent sign).");
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Text from the address quoted back: short, and never anything that could be a password. */
    private static String safe(String text) {
        String cut = text.length() > 80 ? text.substring(0, 79) + "…" : text;
        int colon = cut.indexOf(':');
        int at = cut.indexOf('@');
        // "user:secret@host" anywhere in quoted text loses what lies between ':' and '@'.
        return at > colon && colon >= 0 && !cut.startsWith("[") ? cut.substring(0, colon) + cut.substring(at) : cut;
    }

    private static IllegalArgumentException refused(String message) {
        return new IllegalArgumentException(message);
    }

    /** The canonical address, {@code postgresql://user@host:port/db}, with {@code ?sslmode=…} when one was given. */
    public String uri() {
        return "postgresql://" + encode(user) + "@" + hostForUri() + ":" + port + "/" + encode(database)
                + (sslMode == null ? "" : "?sslmode=" + sslMode);
    }

    /** For the status bar: {@code support@db.example.com:5432/tokenconsole}. */
    public String shortForm() {
        return user + "@" + hostForUri() + ":" + port + "/" + database;
    }

    /** {@code host:port}, as messages about reaching the server name it. */
    public String server() {
        return hostForUri() + ":" + port;
    }

    /** What the JDBC driver is given; user, password and TLS go as properties. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUri() + ":" + port + "/" + encode(database);
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return uri();
    }
}
