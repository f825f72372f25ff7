package io.tokenconsole.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two backends of the workspace contract suite ({@link OnBothBackends}): every test of a class so marked
 * runs once on SQLite and once on PostgreSQL — the same test, the same assertions. On PostgreSQL each named
 * workspace a test opens is a {@link TestPostgres#freshDatabase() database of its own}, opened as the app role
 * an engineer's console signs in as; without the test cluster those runs are skipped and say how to run them.
 */
public enum TestBackend {
    SQLITE, POSTGRESQL;

    @Override
    public String toString() {
        return this == SQLITE ? "SQLite" : "PostgreSQL";
    }

    /**
     * The workspaces one test opens; {@link Workspaces#close()} drops what it made. On PostgreSQL without the
     * test cluster the first {@link Workspaces#open} skips the test.
     */
    public Workspaces workspaces(Path folder) {
        return new Workspaces(this, folder);
    }

    public static final class Workspaces implements AutoCloseable {

        private final TestBackend backend;
        private final Path folder;
        private final Map<String, TestPostgres.Database> databases = new LinkedHashMap<>();
        private final List<Workspace> opened = new ArrayList<>();

        private Workspaces(TestBackend backend, Path folder) {
            this.backend = backend;
            this.folder = folder;
        }

        public TestBackend backend() {
            return backend;
        }

        /** Opens (the first time: creates) the workspace called {@code name} in this test. */
        public Workspace open(String name, Clock clock, Operator operator) {
            Workspace workspace = backend == SQLITE
                    ? Workspace.open(folder.resolve(name), clock, operator)
                    : databases.computeIfAbsent(name, ignored -> TestPostgres.freshDatabase()).open(clock, operator);
            opened.add(workspace);
            return workspace;
        }

        /** The PostgreSQL database behind a named workspace (PostgreSQL only). */
        public TestPostgres.Database database(String name) {
            if (backend != POSTGRESQL) {
                throw new IllegalStateException("Only a PostgreSQL workspace has a database");
            }
            return databases.get(name);
        }

        @Override
        public void close() {
            opened.forEach(Workspace::close);
            databases.values().forEach(TestPostgres.Database::close);
        }
    }
}
