package io.tokenconsole.store;

import java.util.List;

/**
 * The workspace schema, one step per version, for both backends: each step has its SQLite text and its
 * PostgreSQL text, so the two walk the same numbered path and one number says what a database holds. A
 * step is never edited once released: a change is a new step. SQLite keeps the number of the last step
 * applied in {@code PRAGMA user_version} (the database header, readable without touching a table);
 * PostgreSQL in the one-row table {@code schema_version}.
 *
 * <p>Not Flyway: it would add about a megabyte (core, its PostgreSQL module, a TOML parser) to an
 * installer issue 11 caps, it cannot read SQLite's {@code user_version} that every existing workspace
 * already carries, and what it would do here — ordered steps, a lock, refusing a newer schema — is the
 * few lines of {@link Workspace} and {@link PostgresBackend} this class feeds.
 */
final class Migrations {

    /**
     * @param statements the SQLite text
     * @param postgres the PostgreSQL text
     */
    record Migration(int version, String description, List<String> statements, List<String> postgres) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "saved users, audit log, settings", List.of(
                    // row_no is an explicit INTEGER PRIMARY KEY so the rowid stays stable through VACUUM:
                    // the search index of step 2 refers to rows by it.
                    """
                    CREATE TABLE saved_users (
                        row_no               INTEGER PRIMARY KEY,
                        environment          TEXT    NOT NULL CHECK (environment IN ('local', 'sandbox', 'production')),
                        id                   TEXT    NOT NULL,
                        label                TEXT,
                        note                 TEXT,
                        external_id          TEXT,
                        created_at           INTEGER NOT NULL,
                        last_token_issued_at INTEGER,
                        origin               TEXT    NOT NULL CHECK (origin IN ('CREATED_HERE', 'IMPORTED', 'FETCHED_FROM_API')),
                        UNIQUE (environment, id)
                    )""",
                    // The list a support engineer sees first: newest first, within one environment.
                    "CREATE INDEX saved_users_newest ON saved_users (environment, created_at DESC, id)",
                    "CREATE INDEX saved_users_by_label ON saved_users (environment, label COLLATE NOCASE)",
                    "CREATE INDEX saved_users_by_external_id ON saved_users (environment, external_id COLLATE NOCASE)",
                    """
                    CREATE TABLE audit_log (
                        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
                        at          INTEGER NOT NULL,
                        operator    TEXT    NOT NULL,
                        environment TEXT    CHECK (environment IN ('local', 'sandbox', 'production')),
                        action      TEXT    NOT NULL,
                        user_id     TEXT,
                        token_jti   TEXT,
                        token_exp   INTEGER,
                        outcome     TEXT    NOT NULL CHECK (outcome IN ('ok', 'failed')),
                        error       TEXT,
                        detail      TEXT
                    )""",
                    "CREATE INDEX audit_log_by_time ON audit_log (at)",
                    "CREATE INDEX audit_log_by_user ON audit_log (user_id, at)",
                    // Append-only is enforced by the database itself, not only by the absence of an API:
                    // a hand-written UPDATE in a SQL shell is refused too.
                    """
                    CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                    """
                    CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
                    """
                    CREATE TABLE settings (
                        scope TEXT NOT NULL,
                        name  TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (scope, name)
                    ) WITHOUT ROWID"""
            ), List.of(
                    """
                    CREATE TABLE saved_users (
                        row_no               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        environment          text   NOT NULL CHECK (environment IN ('local', 'sandbox', 'production')),
                        id                   text   COLLATE "C" NOT NULL,
                        label                text,
                        note                 text,
                        external_id          text,
                        created_at           bigint NOT NULL,
                        last_token_issued_at bigint,
                        origin               text   NOT NULL CHECK (origin IN ('CREATED_HERE', 'IMPORTED', 'FETCHED_FROM_API')),
                        UNIQUE (environment, id)
                    )""",
                    "CREATE INDEX saved_users_newest ON saved_users (environment, created_at DESC, id)",
                    """
                    CREATE TABLE audit_log (
                        seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        at          bigint NOT NULL,
                        operator    text   NOT NULL,
                        environment text   CHECK (environment IN ('local', 'sandbox', 'production')),
                        action      text   NOT NULL,
                        user_id     text,
                        token_jti   text,
                        token_exp   bigint,
                        outcome     text   NOT NULL CHECK (outcome IN ('ok', 'failed')),
                        error       text,
                        detail      text
                    )""",
                    "CREATE INDEX audit_log_by_time ON audit_log (at)",
                    "CREATE INDEX audit_log_by_user ON audit_log (user_id, at)",
                    // Append-only on the server: even the owner's UPDATE, DELETE or TRUNCATE is refused by the
                    // trigger, and the app role is granted only SELECT and INSERT on the table.
                    """
                    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
                    END $$""",
                    """
                    CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()""",
                    """
                    CREATE TRIGGER audit_log_is_never_truncated BEFORE TRUNCATE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()""",
                    """
                    CREATE TABLE settings (
                        scope text NOT NULL,
                        name  text NOT NULL,
                        value text NOT NULL,
                        PRIMARY KEY (scope, name)
                    )"""
            )),
            new Migration(2, "substring search over saved users", List.of(
                    // A trigram index finds a piece of a label, note, external id or user id anywhere in
                    // the text without scanning the table; plain LIKE '%x%' cannot use an index.
                    """
                    CREATE VIRTUAL TABLE saved_users_search USING fts5(
                        id, label, note, external_id,
                        content = 'saved_users', content_rowid = 'row_no', tokenize = 'trigram')""",
                    """
                    CREATE TRIGGER saved_users_search_insert AFTER INSERT ON saved_users BEGIN
                        INSERT INTO saved_users_search (rowid, id, label, note, external_id)
                        VALUES (new.row_no, new.id, new.label, new.note, new.external_id);
                    END""",
                    """
                    CREATE TRIGGER saved_users_search_delete AFTER DELETE ON saved_users BEGIN
                        INSERT INTO saved_users_search (saved_users_search, rowid, id, label, note, external_id)
                        VALUES ('delete', old.row_no, old.id, old.label, old.note, old.external_id);
                    END""",
                    """
                    CREATE TRIGGER saved_users_search_update AFTER UPDATE OF id, label, note, external_id ON saved_users BEGIN
                        INSERT INTO saved_users_search (saved_users_search, rowid, id, label, note, external_id)
                        VALUES ('delete', old.row_no, old.id, old.label, old.note, old.external_id);
                        INSERT INTO saved_users_search (rowid, id, label, note, external_id)
                        VALUES (new.row_no, new.id, new.label, new.note, new.external_id);
                    END""",
                    // Users saved under schema 1 become searchable too.
                    "INSERT INTO saved_users_search (saved_users_search) VALUES ('rebuild')"
            ), List.of(
                    // pg_trgm is a trusted extension: the database's owner may create it without a superuser.
                    // Its GIN indexes serve ILIKE '%piece%' and ILIKE 'prefix%' on each searched text column; an id
                    // matches by its start, which the (environment, id) index serves (ids compare byte-wise).
                    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
                    "CREATE INDEX saved_users_search_label ON saved_users USING gin (label gin_trgm_ops)",
                    "CREATE INDEX saved_users_search_note ON saved_users USING gin (note gin_trgm_ops)",
                    "CREATE INDEX saved_users_search_external_id ON saved_users USING gin (external_id gin_trgm_ops)"
            )),
            new Migration(3, "versions on saved users, a unique id on every audit row", List.of(
                    // An edit names the version it started from; a change made meanwhile is reported, not lost.
                    "ALTER TABLE saved_users ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE saved_users ADD COLUMN changed_by TEXT",
                    "ALTER TABLE saved_users ADD COLUMN changed_at INTEGER",
                    // Made by the client when the event happens, so a row written twice (a spool replayed, a
                    // workspace copied again) is kept once. Rows from before have none (NULLs never collide);
                    // AuditLog gives them a stable one derived from the row.
                    "ALTER TABLE audit_log ADD COLUMN uid TEXT",
                    "CREATE UNIQUE INDEX audit_log_by_uid ON audit_log (uid)"
            ), List.of(
                    """
                    ALTER TABLE saved_users ADD COLUMN version bigint NOT NULL DEFAULT 1,
                        ADD COLUMN changed_by text, ADD COLUMN changed_at bigint""",
                    "ALTER TABLE audit_log ADD COLUMN uid text NOT NULL UNIQUE",
                    // Who wrote the row as the server saw it: the client names the operator, but a modified
                    // client cannot make this column say anything but the role it signed in as.
                    "ALTER TABLE audit_log ADD COLUMN db_role text NOT NULL DEFAULT session_user",
                    """
                    CREATE FUNCTION audit_log_stamp_role() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.db_role := session_user;
                        RETURN NEW;
                    END $$""",
                    """
                    CREATE TRIGGER audit_log_records_the_role BEFORE INSERT ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_role()""",
                    // Every console watching the workspace hears of a change within moments (LISTEN/NOTIFY).
                    """
                    CREATE FUNCTION workspace_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        PERFORM pg_notify(TG_ARGV[0], '');
                        RETURN NULL;
                    END $$""",
                    """
                    CREATE TRIGGER audit_log_notifies AFTER INSERT ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION workspace_notify('tokenconsole_audit')""",
                    """
                    CREATE TRIGGER saved_users_notify AFTER INSERT OR UPDATE OR DELETE ON saved_users
                    FOR EACH STATEMENT EXECUTE FUNCTION workspace_notify('tokenconsole_users')"""
            )));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
