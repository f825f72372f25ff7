package io.tokenconsole.store;

import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.argyle.Environment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The users support has saved, per environment. Every query names its environment: an id saved
 * for the sandbox is never offered in production. Saving an id twice keeps one row.
 */
public final class UserDirectory {

    /** Shorter search text matches the start of an id, label or external id; longer text matches anywhere. */
    static final int SUBSTRING_SEARCH_MIN_LENGTH = 3;

    public static final int MAX_PAGE_SIZE = 1_000;

    /** How many of the newest users a search tests row by row before it turns to the indexes. */
    static final int NEWEST_WINDOW = 5_000;

    private static final String COLUMNS = "u.environment, u.id, u.label, u.note, u.external_id, u.created_at,"
            + " u.last_token_issued_at, u.origin, u.version, u.changed_by, u.changed_at";

    private final Workspace workspace;
    private final Clock clock;
    private final AuditLog auditLog;

    UserDirectory(Workspace workspace, Clock clock, AuditLog auditLog) {
        this.workspace = workspace;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /**
     * Saves a user, or updates the one already saved under this id in this environment. Details
     * follow {@link UserDetails}: {@code null} keeps, empty clears. The first origin and creation
     * time are kept. Writes a {@link AuditAction#USER_SAVED} row.
     */
    public SaveResult save(Environment environment, String id, UserDetails details, UserOrigin origin) {
        Objects.requireNonNull(details, "details");
        SavedUser incoming = new SavedUser(environment, id, null, null, null, clock.instant(), null, origin);
        return workspace.write(connection -> {
            SaveResult result = upsert(connection, incoming, details);
            auditLog.append(connection, AuditEvent.ok(environment, AuditAction.USER_SAVED, result.user().id())
                    .withDetail(result.added() ? "added" : "updated"));
            return result;
        });
    }

    /**
     * What {@code users create} and the Create pane do after Argyle answered: save the new user
     * ({@link UserOrigin#CREATED_HERE}) with the time its first token was issued, and write a
     * {@link AuditAction#USER_CREATED} row carrying that token's facts — in one transaction.
     */
    public SaveResult recordUserCreated(Environment environment, String id, TokenFacts firstToken) {
        return recordUserCreated(environment, id, UserDetails.NONE, firstToken);
    }

    /** As {@link #recordUserCreated(Environment, String, TokenFacts)}, keeping what the user was created with. */
    public SaveResult recordUserCreated(Environment environment, String id, UserDetails details, TokenFacts firstToken) {
        return recordUserCreated(environment, id, details, firstToken, AuditStamp.now(clock));
    }

    /**
     * As {@link #recordUserCreated(Environment, String, UserDetails, TokenFacts)} at the time and under the row
     * id of {@code stamp}: replayable. The same stamp twice writes one audit row and leaves the user as the
     * first write left it.
     */
    public SaveResult recordUserCreated(Environment environment, String id, UserDetails details, TokenFacts firstToken,
            AuditStamp stamp) {
        Objects.requireNonNull(stamp, "stamp");
        Instant at = stamp.at();
        SavedUser incoming = new SavedUser(environment, id, null, null, null, at,
                firstToken == null ? null : at, UserOrigin.CREATED_HERE);
        return replayable(incoming, details, stamp, AuditEvent.ok(environment, AuditAction.USER_CREATED, incoming.id())
                .withToken(firstToken).stamped(stamp));
    }

    /**
     * What {@code tokens issue} and the Issue pane do after Argyle answered: note the token on the
     * saved user — saving the id first if it was typed in rather than picked from the list (origin
     * {@link UserOrigin#FETCHED_FROM_API}: Argyle just confirmed it exists) — and write a
     * {@link AuditAction#TOKEN_ISSUED} row with the token's facts, in one transaction.
     */
    public SaveResult recordTokenIssued(Environment environment, String id, TokenFacts token) {
        return recordTokenIssued(environment, id, token, AuditStamp.now(clock));
    }

    /**
     * As {@link #recordTokenIssued(Environment, String, TokenFacts)} at the time and under the row id of
     * {@code stamp}: replayable, like {@link #recordUserCreated(Environment, String, UserDetails, TokenFacts, AuditStamp)}.
     */
    public SaveResult recordTokenIssued(Environment environment, String id, TokenFacts token, AuditStamp stamp) {
        Objects.requireNonNull(stamp, "stamp");
        SavedUser incoming = new SavedUser(environment, id, null, null, null, stamp.at(), stamp.at(),
                UserOrigin.FETCHED_FROM_API);
        return replayable(incoming, UserDetails.NONE, stamp, AuditEvent.ok(environment, AuditAction.TOKEN_ISSUED,
                incoming.id()).withToken(token).stamped(stamp));
    }

    /** Saves and audits in one transaction, unless the stamp's row is there already (then: the user as it is). */
    private SaveResult replayable(SavedUser incoming, UserDetails details, AuditStamp stamp, AuditEvent event) {
        return workspace.write(connection -> {
            if (auditLog.containsIn(connection, stamp.uid())) {
                Optional<SavedUser> now = find(connection, incoming.environment(), incoming.id());
                if (now.isPresent()) {
                    return new SaveResult(now.get(), false);
                }
                // Forgotten since: the replay does not bring it back.
                return new SaveResult(incoming, false);
            }
            SaveResult result = upsert(connection, incoming, details);
            auditLog.append(connection, event);
            return result;
        });
    }

    /**
     * Changes a saved user's label, note or external id, as an edit that started from {@code expectedVersion}.
     * Details follow {@link UserDetails}: {@code null} keeps, empty clears. Writes a
     * {@link AuditAction#USER_SAVED} row.
     *
     * @throws UserChangedException someone changed or forgot the user since that version; nothing was written
     */
    public SaveResult edit(Environment environment, String id, UserDetails details, long expectedVersion) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(details, "details");
        String wanted = UserIds.normalize(id);
        return workspace.write(connection -> {
            Optional<SavedUser> existing = findForUpdate(connection, environment, wanted);
            if (existing.isEmpty()) {
                Optional<AuditEntry> forgotten = auditLog.latest(connection, environment, AuditAction.USER_FORGOTTEN, wanted);
                throw UserChangedException.forgotten(forgotten.map(AuditEntry::operator).orElse(null),
                        forgotten.map(AuditEntry::at).orElse(null));
            }
            SavedUser old = existing.get();
            if (old.version() != expectedVersion) {
                throw UserChangedException.changed(old);
            }
            SavedUser edited = new SavedUser(old.environment(), old.id(), merge(old.label(), details.label(), null),
                    merge(old.note(), details.note(), null), merge(old.externalId(), details.externalId(), null),
                    old.createdAt(), old.lastTokenIssuedAt(), old.origin());
            if (edited.sameDetails(old)) {
                return new SaveResult(old, false);
            }
            SavedUser saved = update(connection, old, edited);
            auditLog.append(connection, AuditEvent.ok(environment, AuditAction.USER_SAVED, wanted).withDetail("edited"));
            return new SaveResult(saved, false);
        });
    }

    public Optional<SavedUser> find(Environment environment, String id) {
        Objects.requireNonNull(environment, "environment");
        String wanted = UserIds.normalize(id);
        return workspace.read(connection -> find(connection, environment, wanted));
    }

    /** Removes a saved user from this environment's list (the Argyle user itself is untouched). */
    public boolean forget(Environment environment, String id) {
        Objects.requireNonNull(environment, "environment");
        String wanted = UserIds.normalize(id);
        return workspace.write(connection -> {
            int removed;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM saved_users WHERE environment = ? AND id = ?")) {
                delete.setString(1, environment.id());
                delete.setString(2, wanted);
                removed = delete.executeUpdate();
            }
            if (removed > 0) {
                auditLog.append(connection, AuditEvent.ok(environment, AuditAction.USER_FORGOTTEN, wanted));
            }
            return removed > 0;
        });
    }

    /**
     * Notes that a token was issued for a saved user. A later time never moves backwards (two
     * windows can report out of order). Returns {@code false} if the user is not saved here.
     */
    public boolean recordTokenIssued(Environment environment, String id, Instant issuedAt) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(issuedAt, "issuedAt");
        String wanted = UserIds.normalize(id);
        return workspace.write(connection -> markTokenIssued(connection, environment, wanted, issuedAt));
    }

    public long count(Environment environment) {
        Objects.requireNonNull(environment, "environment");
        return workspace.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT count(*) FROM saved_users WHERE environment = ?")) {
                select.setString(1, environment.id());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Saved users of one environment whose id starts with the text, or whose label, note or external
     * id contains it (case-insensitive), newest first. Blank text lists everyone. Text shorter than
     * three characters matches the start of an id, label or external id only: a one-letter piece of
     * a note matches almost everything and helps no one.
     */
    public UserPage search(Environment environment, String text, int limit, int offset) {
        Objects.requireNonNull(environment, "environment");
        if (limit <= 0 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " users, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("An offset cannot be negative");
        }
        String wanted = text == null ? "" : text.strip();
        if (!wanted.isEmpty()) {
            Optional<UserPage> amongNewest = searchNewest(environment, wanted, limit, offset);
            if (amongNewest.isPresent()) {
                return amongNewest.get();
            }
        }
        Query query = searchQuery(workspace.dialect(), environment, wanted);
        // One row more than asked tells whether another page follows without counting all matches.
        String sql = query.sql() + " ORDER BY u.created_at DESC, u.id LIMIT ? OFFSET ?";
        List<SavedUser> users = readPage(new Query(sql, query.parameters()), limit + 1, offset);
        boolean more = users.size() > limit;
        return new UserPage(more ? users.subList(0, limit) : users, offset, more);
    }

    /** The rows of {@code query}, whose SQL ends in {@code LIMIT ? OFFSET ?}. */
    private List<SavedUser> readPage(Query query, int limit, int offset) {
        return workspace.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(query.sql())) {
                int index = query.bind(select);
                select.setInt(index++, limit);
                select.setInt(index, offset);
                List<SavedUser> users = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        users.add(toSavedUser(row));
                    }
                }
                return users;
            }
        });
    }

    /**
     * Text that matches many users (the first letters of a common word, say) is answered from the
     * newest users alone: walking the environment's newest-first index and testing each row stops
     * as soon as the page is full, where the indexed plan would sort every match. When the newest
     * {@value #NEWEST_WINDOW} users hold fewer matches than the page needs, the answer is empty and
     * the indexed plan runs; both plans give the same rows (ASCII text only: SQLite's {@code lower()}
     * folds ASCII letters only, the trigram index folds more).
     */
    private Optional<UserPage> searchNewest(Environment environment, String text, int limit, int offset) {
        if (!text.chars().allMatch(c -> c < 128)) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean anywhere = text.codePointCount(0, text.length()) >= SUBSTRING_SEARCH_MIN_LENGTH;
        Backend.Dialect dialect = workspace.dialect();
        String test = anywhere
                ? dialect.position("u.id", "?") + " > 0 OR " + dialect.position("lower(u.label)", "?") + " > 0 OR "
                        + dialect.position("lower(u.note)", "?") + " > 0 OR " + dialect.position("lower(u.external_id)", "?") + " > 0"
                : dialect.position("u.id", "?") + " = 1 OR " + dialect.position("lower(u.label)", "?") + " = 1 OR "
                        + dialect.position("lower(u.external_id)", "?") + " = 1";
        String sql = "SELECT " + COLUMNS + " FROM (SELECT * FROM saved_users WHERE environment = ?"
                + " ORDER BY created_at DESC, id LIMIT " + NEWEST_WINDOW + ") u WHERE " + test
                + " ORDER BY u.created_at DESC, u.id LIMIT ? OFFSET ?";
        List<Object> parameters = new ArrayList<>();
        parameters.add(environment.id());
        for (int i = 0; i < (anywhere ? 4 : 3); i++) {
            parameters.add(lower);
        }
        List<SavedUser> users = readPage(new Query(sql, parameters), limit + 1, offset);
        // A full page plus one: these are the first matches of all, and another page follows.
        return users.size() > limit
                ? Optional.of(new UserPage(users.subList(0, limit), offset, true))
                : Optional.empty();
    }

    /** The SQL behind {@link #search}, exposed to the tests that check it uses an index. */
    String searchSql(Environment environment, String text) {
        return searchQuery(workspace.dialect(), environment, text.strip()).sql()
                + " ORDER BY u.created_at DESC, u.id LIMIT ? OFFSET ?";
    }

    List<Object> searchParameters(Environment environment, String text) {
        return searchQuery(workspace.dialect(), environment, text.strip()).parameters();
    }

    private record Query(String sql, List<Object> parameters) {
        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            return index;
        }
    }

    private static Query searchQuery(Backend.Dialect dialect, Environment environment, String text) {
        if (text.isEmpty()) {
            return new Query("SELECT " + COLUMNS + " FROM saved_users u WHERE u.environment = ?", List.of(environment.id()));
        }
        if (dialect == Backend.Dialect.POSTGRES) {
            return postgresSearch(environment, text);
        }
        // The unary + keeps SQLite from walking the environment's whole "newest first" index and testing
        // every row against the matches (it would, to save a sort): the matches drive, looked up by
        // row number, and only they are sorted.
        String base = "SELECT " + COLUMNS + " FROM saved_users u WHERE +u.environment = ?";
        if (text.codePointCount(0, text.length()) >= SUBSTRING_SEARCH_MIN_LENGTH) {
            // The trigram index narrows to rows containing the text anywhere; the environment is then
            // checked on each of those rows by primary key.
            return new Query(base + " AND u.row_no IN (SELECT rowid FROM saved_users_search WHERE saved_users_search MATCH ?)",
                    List.of(environment.id(), phrase(text)));
        }
        // Short text: prefix ranges, each served by an index. Ids are stored in lower case; labels and
        // external ids compare case-insensitively through their NOCASE indexes.
        String idPrefix = text.toLowerCase(Locale.ROOT);
        return new Query(base + """
                 AND u.row_no IN (
                    SELECT row_no FROM saved_users WHERE environment = ? AND id >= ? AND id < ?
                    UNION SELECT row_no FROM saved_users WHERE environment = ?
                        AND label >= ? COLLATE NOCASE AND label < ? COLLATE NOCASE
                    UNION SELECT row_no FROM saved_users WHERE environment = ?
                        AND external_id >= ? COLLATE NOCASE AND external_id < ? COLLATE NOCASE)""",
                List.of(environment.id(),
                        environment.id(), idPrefix, upperBound(idPrefix),
                        environment.id(), text, upperBound(text),
                        environment.id(), text, upperBound(text)));
    }

    /**
     * PostgreSQL, when the newest users did not fill the page: the label, note and external id by {@code ILIKE}
     * through their pg_trgm GIN indexes (a piece anywhere for three characters or more, the start for fewer,
     * as on SQLite), the id by its start through the {@code (environment, id)} index (ids are lower case,
     * compared byte-wise). The matches are a materialised CTE: under the outer LIMIT the planner would
     * otherwise walk the newest-first index hoping to meet matches early — 300 ms for text that matches
     * nothing among 200,000 users, against 13 ms through the indexes. {@code %}, {@code _} and {@code \}
     * in the text match themselves.
     */
    private static Query postgresSearch(Environment environment, String text) {
        String escaped = likeEscaped(text);
        String idPrefix = likeEscaped(text.toLowerCase(Locale.ROOT)) + "%";
        boolean anywhere = text.codePointCount(0, text.length()) >= SUBSTRING_SEARCH_MIN_LENGTH;
        String pattern = anywhere ? "%" + escaped + "%" : escaped + "%";
        String matches = "SELECT " + COLUMNS + " FROM saved_users u WHERE u.environment = ? AND (u.id LIKE ?"
                + " OR u.label ILIKE ? OR u.external_id ILIKE ?" + (anywhere ? " OR u.note ILIKE ?)" : ")");
        List<Object> parameters = anywhere
                ? List.of(environment.id(), idPrefix, pattern, pattern, pattern)
                : List.of(environment.id(), idPrefix, pattern, pattern);
        return new Query("WITH matches AS MATERIALIZED (" + matches + ") SELECT * FROM matches u", parameters);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** An FTS5 phrase: the text in double quotes, inner quotes doubled, so no character is query syntax. */
    private static String phrase(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The smallest string greater than every string starting with the prefix. */
    private static String upperBound(String prefix) {
        return prefix + Character.toString(Character.MAX_CODE_POINT);
    }

    /** Every saved user, of one environment or all ({@code null}), oldest first: for export. */
    public void forEach(Environment environmentOrAll, Consumer<SavedUser> action) {
        String sql = "SELECT " + COLUMNS + " FROM saved_users u"
                + (environmentOrAll == null ? "" : " WHERE u.environment = ?")
                + " ORDER BY u.environment, u.created_at, u.id";
        workspace.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (environmentOrAll != null) {
                    select.setString(1, environmentOrAll.id());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        action.accept(toSavedUser(row));
                    }
                }
            }
            return null;
        });
    }

    // --- inside a transaction -------------------------------------------------------------------

    SaveResult upsert(Connection connection, SavedUser incoming, UserDetails details) throws SQLException {
        Optional<SavedUser> existing = findForUpdate(connection, incoming.environment(), incoming.id());
        if (existing.isEmpty()) {
            SavedUser user = new SavedUser(incoming.environment(), incoming.id(),
                    pick(details.label(), incoming.label()), pick(details.note(), incoming.note()),
                    pick(details.externalId(), incoming.externalId()),
                    incoming.createdAt(), incoming.lastTokenIssuedAt(), incoming.origin(),
                    1, operatorName(), incoming.createdAt());
            if (insert(connection, user)) {
                return new SaveResult(user, true);
            }
            // Another console saved the same id a moment ago (PostgreSQL): merge into its row instead.
            existing = findForUpdate(connection, incoming.environment(), incoming.id());
        }
        SavedUser old = existing.orElseThrow();
        SavedUser merged = new SavedUser(old.environment(), old.id(),
                merge(old.label(), details.label(), incoming.label()),
                merge(old.note(), details.note(), incoming.note()),
                merge(old.externalId(), details.externalId(), incoming.externalId()),
                old.createdAt(), latest(old.lastTokenIssuedAt(), incoming.lastTokenIssuedAt()), old.origin());
        if (merged.sameDetails(old)) {
            return new SaveResult(old, false);
        }
        return new SaveResult(update(connection, old, merged), false);
    }

    /**
     * Writes the merged details over the old row. A change to the label, note or external id is a new
     * version, naming who and when; a later token time alone is not (it never conflicts with an edit).
     */
    private SavedUser update(Connection connection, SavedUser old, SavedUser merged) throws SQLException {
        boolean detailsChanged = !Objects.equals(old.label(), merged.label()) || !Objects.equals(old.note(), merged.note())
                || !Objects.equals(old.externalId(), merged.externalId());
        SavedUser saved = detailsChanged
                ? merged.withChange(old.version() + 1, operatorName(), clock.instant())
                : merged.withChange(old.version(), old.changedBy(), old.changedAt());
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE saved_users SET label = ?, note = ?, external_id = ?, last_token_issued_at = ?,
                    version = ?, changed_by = ?, changed_at = ?
                WHERE environment = ? AND id = ?""")) {
            update.setString(1, saved.label());
            update.setString(2, saved.note());
            update.setString(3, saved.externalId());
            setInstant(update, 4, saved.lastTokenIssuedAt());
            update.setLong(5, saved.version());
            update.setString(6, saved.changedBy());
            update.setLong(7, saved.changedAt().toEpochMilli());
            update.setString(8, saved.environment().id());
            update.setString(9, saved.id());
            update.executeUpdate();
        }
        return saved;
    }

    private String operatorName() {
        return workspace.operator().name();
    }

    /**
     * Copies a user from another workspace: added as it was there (origin, times, change record) when new
     * here; otherwise its details fill in and replace this one's as an import does, and a later token time
     * wins. Returns what happened, for {@link WorkspaceCopy}.
     */
    WorkspaceCopy.UserOutcome copy(Connection connection, SavedUser from) throws SQLException {
        Optional<SavedUser> existing = findForUpdate(connection, from.environment(), from.id());
        if (existing.isEmpty()) {
            SavedUser user = from.version() < 1 ? from.withChange(1, from.changedBy(), from.changedAt()) : from;
            if (insert(connection, user)) {
                return WorkspaceCopy.UserOutcome.ADDED;
            }
        }
        SaveResult result = upsert(connection, from, new UserDetails(from.label(), from.note(), from.externalId()));
        SavedUser before = existing.orElse(null);
        return before != null && result.user().sameDetails(before) ? WorkspaceCopy.UserOutcome.SAME
                : WorkspaceCopy.UserOutcome.UPDATED;
    }

    boolean markTokenIssued(Connection connection, Environment environment, String id, Instant issuedAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE saved_users SET last_token_issued_at = %s
                WHERE environment = ? AND id = ?""".formatted(
                        workspace.dialect().greatest("coalesce(last_token_issued_at, 0)", "?")))) {
            update.setLong(1, issuedAt.toEpochMilli());
            update.setString(2, environment.id());
            update.setString(3, id);
            return update.executeUpdate() > 0;
        }
    }

    private static String pick(String given, String fallback) {
        return given == null ? fallback : Text.blankToNull(given);
    }

    /** {@code given} from details wins (empty clears); else a value carried by the incoming row; else the old one. */
    private static String merge(String old, String given, String carried) {
        if (given != null) {
            return Text.blankToNull(given);
        }
        return carried != null ? carried : old;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Inserts the user; {@code false} when its id was saved in its environment meanwhile. */
    private static boolean insert(Connection connection, SavedUser user) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO saved_users (environment, id, label, note, external_id, created_at, last_token_issued_at, origin,
                    version, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (environment, id) DO NOTHING""")) {
            insert.setString(1, user.environment().id());
            insert.setString(2, user.id());
            insert.setString(3, user.label());
            insert.setString(4, user.note());
            insert.setString(5, user.externalId());
            insert.setLong(6, user.createdAt().toEpochMilli());
            setInstant(insert, 7, user.lastTokenIssuedAt());
            insert.setString(8, user.origin().name());
            insert.setLong(9, user.version());
            insert.setString(10, user.changedBy());
            insert.setLong(11, user.changedAt().toEpochMilli());
            return insert.executeUpdate() > 0;
        }
    }

    private static Optional<SavedUser> find(Connection connection, Environment environment, String id)
            throws SQLException {
        return find(connection, environment, id, "");
    }

    /** The row, locked until the transaction ends where the backend needs that (PostgreSQL). */
    private Optional<SavedUser> findForUpdate(Connection connection, Environment environment, String id)
            throws SQLException {
        return find(connection, environment, id, workspace.dialect().forUpdate());
    }

    private static Optional<SavedUser> find(Connection connection, Environment environment, String id, String lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM saved_users u WHERE u.environment = ? AND u.id = ?" + lock)) {
            select.setString(1, environment.id());
            select.setString(2, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(toSavedUser(row)) : Optional.empty();
            }
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static SavedUser toSavedUser(ResultSet row) throws SQLException {
        long lastToken = row.getLong("last_token_issued_at");
        Instant lastTokenIssuedAt = row.wasNull() ? null : Instant.ofEpochMilli(lastToken);
        long changed = row.getLong("changed_at");
        Instant changedAt = row.wasNull() ? null : Instant.ofEpochMilli(changed);
        return new SavedUser(
                Environment.fromId(row.getString("environment")).orElseThrow(),
                row.getString("id"),
                row.getString("label"),
                row.getString("note"),
                row.getString("external_id"),
                Instant.ofEpochMilli(row.getLong("created_at")),
                lastTokenIssuedAt,
                UserOrigin.valueOf(row.getString("origin")),
                row.getLong("version"),
                row.getString("changed_by"),
                changedAt);
    }
}
