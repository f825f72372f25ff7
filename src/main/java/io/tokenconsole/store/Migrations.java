package io.tokenconsole.store;

import java.util.List;

/**
 * The workspace schema, one step per version. A step is never edited once released: a change is a
 * new step, so every workspace on every machine walks the same path. {@code PRAGMA user_version}
 * holds the number of the last step applied; it lives in the database header, so it can be read
 * without touching any table.
 */
final class Migrations {

    record Migration(int version, String description, List<String> statements) {
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
            )));

    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
