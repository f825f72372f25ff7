package io.tokenconsole.store;

/**
 * Changes made by anyone — this process, another process, another engineer — delivered on a workspace
 * thread within about a second of their commit. PostgreSQL: {@code LISTEN}/{@code NOTIFY} (triggers notify
 * on audit inserts and on saved-user changes). SQLite: a light poll of {@code PRAGMA data_version}, so a
 * command run beside the window shows up too. A team workspace also checks its server every ~2 s while
 * watched and says when it stops or starts answering. A method that throws does not stop the watch.
 */
public interface WorkspaceWatcher {

    /** One or more audit rows were appended. */
    default void auditAppended() {
    }

    /** Saved users were added, changed or forgotten. */
    default void usersChanged() {
    }

    /** The server stopped or started answering; {@code plainWords} says so for the status bar. */
    default void reachabilityChanged(boolean reachable, String plainWords) {
    }
}
