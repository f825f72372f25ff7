package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What support did, when, as whom, in which environment. Append-only: there is no method to change
 * or remove a row, and the database refuses {@code UPDATE} and {@code DELETE} on the table.
 * A token is never written here — only its {@code jti} and expiry ({@link TokenFacts}).
 */
public final class AuditLog {

    static final List<String> CSV_HEADER = List.of(
            "at", "operator", "environment", "action", "user_id", "token_jti", "token_exp", "outcome", "error", "detail");

    private final Workspace workspace;
    private final Clock clock;
    private final Operator operator;

    AuditLog(Workspace workspace, Clock clock, Operator operator) {
        this.workspace = workspace;
        this.clock = clock;
        this.operator = operator;
    }

    /**
     * Appends a row in its own transaction (or the caller's, when called inside a workspace write). A stamped
     * event whose row is already there writes nothing and returns the row that is there.
     */
    public AuditEntry record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return workspace.write(connection -> append(connection, event));
    }

    AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
        AuditStamp stamp = event.stamp() != null ? event.stamp() : AuditStamp.now(clock);
        AuditEntry entry = new AuditEntry(-1, stamp.at(), operator.name(), event.environment(), event.action(),
                event.userId(), event.token(), event.outcome(), event.detail(), stamp.uid());
        long sequence = insert(connection, entry);
        if (sequence < 0) {
            return find(connection, stamp.uid()).orElseThrow();
        }
        return withSequence(entry, sequence);
    }

    /**
     * Writes a row exactly as given — its id, time and operator — as a workspace copy or a spool replay does.
     *
     * @return {@code false} when a row with that id is already there (nothing is written)
     */
    public boolean restore(AuditEntry entry) {
        AuditEntry clean = checked(entry);
        return workspace.write(connection -> insert(connection, clean) >= 0);
    }

    /** The same checks a new event gets: nothing token-shaped reaches the table, whatever the source held. */
    private static AuditEntry checked(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        AuditEvent event = new AuditEvent(entry.environment(), entry.action(), entry.userId(), entry.token(),
                entry.outcome(), entry.detail());
        String operator = new Operator(entry.operator()).name();
        return new AuditEntry(-1, entry.stamp().at(), operator, event.environment(), event.action(), event.userId(),
                event.token(), event.outcome(), event.detail(), entry.uid());
    }

    /** {@link #restore} for many rows in one transaction; how many were written (the rest were there). */
    int restoreAll(List<AuditEntry> entries) {
        List<AuditEntry> clean = entries.stream().map(AuditLog::checked).toList();
        return workspace.write(connection -> {
            int written = 0;
            for (AuditEntry entry : clean) {
                if (insert(connection, entry) >= 0) {
                    written++;
                }
            }
            return written;
        });
    }

    /** Whether a row with this id is in the log. */
    public boolean contains(java.util.UUID uid) {
        Objects.requireNonNull(uid, "uid");
        return workspace.read(connection -> find(connection, uid).isPresent());
    }

    boolean containsIn(Connection connection, java.util.UUID uid) throws SQLException {
        return find(connection, uid).isPresent();
    }

    /** Inserts unless a row with the entry's uid is there; the new row's sequence, or -1 when it was there. */
    private long insert(Connection connection, AuditEntry entry) throws SQLException {
        String sql = """
                INSERT INTO audit_log (uid, at, operator, environment, action, user_id, token_jti, token_exp, outcome, error, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (uid) DO NOTHING""";
        try (PreparedStatement insert = workspace.dialect() == Backend.Dialect.SQLITE
                ? connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql, new String[] {"seq"})) {
            insert.setString(1, entry.uid().toString());
            insert.setLong(2, entry.at().toEpochMilli());
            insert.setString(3, entry.operator());
            insert.setString(4, entry.environment() == null ? null : entry.environment().id());
            insert.setString(5, entry.action().name());
            insert.setString(6, entry.userId());
            TokenFacts token = entry.token();
            insert.setString(7, token == null ? null : token.jti());
            if (token == null || token.expiresAt() == null) {
                insert.setNull(8, Types.BIGINT);
            } else {
                insert.setLong(8, token.expiresAt().getEpochSecond());
            }
            insert.setString(9, entry.outcome().code());
            insert.setString(10, entry.outcome() instanceof Outcome.Failed failed ? failed.error() : null);
            insert.setString(11, entry.detail());
            if (insert.executeUpdate() == 0) {
                return -1;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    private static AuditEntry withSequence(AuditEntry entry, long sequence) {
        return new AuditEntry(sequence, entry.at(), entry.operator(), entry.environment(), entry.action(),
                entry.userId(), entry.token(), entry.outcome(), entry.detail(), entry.uid());
    }

    private static final String COLUMNS =
            "seq, at, operator, environment, action, user_id, token_jti, token_exp, outcome, error, detail, uid";

    private static Optional<AuditEntry> find(Connection connection, java.util.UUID uid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_log WHERE uid = ?")) {
            select.setString(1, uid.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(toEntry(row)) : Optional.empty();
            }
        }
    }

    /** Every row, oldest first, read a page at a time (a large log is never held at once): for a copy. */
    void forEach(java.util.function.Consumer<AuditEntry> action) {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<AuditEntry> page = workspace.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 500")) {
                    select.setLong(1, from);
                    List<AuditEntry> entries = new ArrayList<>();
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            entries.add(toEntry(row));
                        }
                    }
                    return entries;
                }
            });
            if (page.isEmpty()) {
                return;
            }
            page.forEach(action);
            after = page.get(page.size() - 1).sequence();
        }
    }

    /** The newest row about a user in an environment with this action, if any: who forgot a user, say. */
    Optional<AuditEntry> latest(Connection connection, Environment environment, AuditAction action, String userId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_log WHERE user_id = ? AND environment = ? AND action = ? ORDER BY at DESC, seq DESC LIMIT 1")) {
            select.setString(1, userId);
            select.setString(2, environment.id());
            select.setString(3, action.name());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(toEntry(row)) : Optional.empty();
            }
        }
    }

    /** Rows matching the query, newest first. */
    public List<AuditEntry> find(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.since() != null) {
            sql.append(" AND at >= ?");
            parameters.add(query.since().toEpochMilli());
        }
        if (query.until() != null) {
            sql.append(" AND at < ?");
            parameters.add(query.until().toEpochMilli());
        }
        if (query.environment() != null) {
            sql.append(" AND environment = ?");
            parameters.add(query.environment().id());
        }
        if (query.userId() != null) {
            // Ids are stored as written; an id typed in capitals still finds its rows.
            sql.append(" AND user_id = ?");
            parameters.add(query.userId().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(query.action().name());
        }
        sql.append(" ORDER BY at DESC, seq DESC LIMIT ?");
        parameters.add(query.limit());
        return workspace.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(toEntry(row));
                    }
                }
                return entries;
            }
        });
    }

    private static AuditEntry toEntry(ResultSet row) throws SQLException {
        String environment = row.getString("environment");
        long exp = row.getLong("token_exp");
        Long expSeconds = row.wasNull() ? null : exp;
        String error = row.getString("error");
        Outcome outcome = "failed".equals(row.getString("outcome"))
                ? new Outcome.Failed(error == null ? "" : error) : Outcome.OK;
        long sequence = row.getLong("seq");
        long at = row.getLong("at");
        String uid = row.getString("uid");
        return new AuditEntry(
                sequence,
                Instant.ofEpochMilli(at),
                row.getString("operator"),
                environment == null ? null : Environment.fromId(environment).orElse(null),
                AuditAction.valueOf(row.getString("action")),
                row.getString("user_id"),
                TokenFacts.nullable(row.getString("token_jti"), expSeconds),
                outcome,
                row.getString("detail"),
                uid != null ? java.util.UUID.fromString(uid)
                        : AuditStamp.derived(sequence, at, row.getString("operator"), row.getString("action"),
                                row.getString("user_id")));
    }

    /**
     * Writes matching rows as CSV (RFC 4180, formula-guarded), oldest first so the file reads like
     * a diary. Returns how many rows were written.
     */
    public int exportCsv(AuditQuery query, Writer out) {
        List<AuditEntry> entries = new ArrayList<>(find(query));
        java.util.Collections.reverse(entries);
        Csv.writeRow(out, CSV_HEADER);
        for (AuditEntry entry : entries) {
            Csv.writeRow(out, List.of(
                    entry.at().toString(),
                    entry.operator(),
                    entry.environment() == null ? "" : entry.environment().id(),
                    entry.action().displayName(),
                    nullToEmpty(entry.userId()),
                    entry.token() == null ? "" : nullToEmpty(entry.token().jti()),
                    entry.token() == null || entry.token().expiresAt() == null ? "" : entry.token().expiresAt().toString(),
                    entry.outcome().code(),
                    entry.error().orElse(""),
                    nullToEmpty(entry.detail())));
        }
        return entries.size();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
