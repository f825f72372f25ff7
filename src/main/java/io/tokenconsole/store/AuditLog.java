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

    /** Appends a row in its own transaction (or the caller's, when called inside a workspace write). */
    public AuditEntry record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return workspace.write(connection -> append(connection, event));
    }

    AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
        Instant at = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_log (at, operator, environment, action, user_id, token_jti, token_exp, outcome, error, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, at.toEpochMilli());
            insert.setString(2, operator.name());
            insert.setString(3, event.environment() == null ? null : event.environment().id());
            insert.setString(4, event.action().name());
            insert.setString(5, event.userId());
            TokenFacts token = event.token();
            insert.setString(6, token == null ? null : token.jti());
            if (token == null || token.expiresAt() == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setLong(7, token.expiresAt().getEpochSecond());
            }
            insert.setString(8, event.outcome().code());
            insert.setString(9, event.outcome() instanceof Outcome.Failed failed ? failed.error() : null);
            insert.setString(10, event.detail());
            insert.executeUpdate();
            long sequence;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                sequence = keys.next() ? keys.getLong(1) : -1;
            }
            return new AuditEntry(sequence, Instant.ofEpochMilli(at.toEpochMilli()), operator.name(),
                    event.environment(), event.action(), event.userId(), token, event.outcome(), event.detail());
        }
    }

    /** Rows matching the query, newest first. */
    public List<AuditEntry> find(AuditQuery query) {
        Objects.requireNonNull(query, "query");
        StringBuilder sql = new StringBuilder("""
                SELECT seq, at, operator, environment, action, user_id, token_jti, token_exp, outcome, error, detail
                FROM audit_log WHERE 1 = 1""");
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
        return new AuditEntry(
                row.getLong("seq"),
                Instant.ofEpochMilli(row.getLong("at")),
                row.getString("operator"),
                environment == null ? null : Environment.fromId(environment).orElse(null),
                AuditAction.valueOf(row.getString("action")),
                row.getString("user_id"),
                TokenFacts.nullable(row.getString("token_jti"), expSeconds),
                outcome,
                row.getString("detail"));
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
