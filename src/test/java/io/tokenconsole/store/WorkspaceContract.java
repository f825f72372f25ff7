package io.tokenconsole.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A class of the workspace contract suite: its tests run once on SQLite and once on PostgreSQL
 * ({@link OnBothBackends}), opening their workspaces through {@link #workspaces}, which drops what they made.
 */
@OnBothBackends
abstract class WorkspaceContract {

    @Parameter
    TestBackend backend;

    @TempDir
    Path folder;

    TestBackend.Workspaces workspaces;

    @BeforeEach
    void startBackend() {
        workspaces = backend.workspaces(folder);
    }

    @AfterEach
    void dropWorkspaces() {
        workspaces.close();
    }
}
