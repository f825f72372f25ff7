package io.tokenconsole.cli;

import io.tokenconsole.argyle.ArgyleClient;
import io.tokenconsole.argyle.ClientSettings;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.workflow.ActionRecorder;
import io.tokenconsole.workflow.ApiAccess;
import io.tokenconsole.workflow.LocalSandboxes;

/**
 * The workspace as one API command uses it: opened before the API is called (so a workspace that
 * can't be used stops the command before it acts), where the action is recorded, and where the
 * saved key, base URL and local sandbox come from.
 */
final class CommandWorkspace implements AutoCloseable {

    private final Workspace workspace;
    private final DataFolder folder;
    private final CommandContext context;
    private final ActionRecorder recorder;
    private LocalSandboxMaterial localKeys;

    private CommandWorkspace(Workspace workspace, DataFolder folder, CommandContext context) {
        this.workspace = workspace;
        this.folder = folder;
        this.context = context;
        // A team workspace that goes away after the API answered: the recording waits on this computer, and
        // the person reads so on standard error (standard output stays what the command prints, e.g. a token).
        this.recorder = new ActionRecorder(workspace, context.clock(), AuditSpool.in(folder, workspace.location()),
                context.err()::println);
    }

    static CommandWorkspace open(WorkspaceOptions options, CommandContext context) {
        return new CommandWorkspace(options.open(context), options.folder(context), context);
    }

    /** Where the action is recorded, for what the command prints. */
    io.tokenconsole.store.WorkspaceLocation location() {
        return workspace.location();
    }

    ActionRecorder recorder() {
        return recorder;
    }

    /**
     * Where calls go and with which key. The saved key is looked up (which may wait a few seconds
     * for an OS credential store that does not answer) only when none was given; a local sandbox is
     * started for the command with this folder's keys and users, and stopped after it.
     */
    ApiAccess apiAccess() {
        return new ApiAccess(workspace.settings(),
                () -> new ApiKeys(workspace.settings(), CredentialStore.detect(context.env()), context.env(), this::localSandbox),
                key -> {
                    var sandbox = LocalSandboxes.start(folder, localSandbox(), context.clock(), key);
                    return new ApiAccess.Lease() {
                        @Override
                        public io.tokenconsole.emulator.LocalSandbox sandbox() {
                            return sandbox;
                        }

                        @Override
                        public void close() {
                            sandbox.close();
                        }
                    };
                },
                ArgyleClient.newHttpClient(ApiAccess.CONNECT_TIMEOUT), ClientSettings.DEFAULT);
    }

    /** The local sandbox's key and signing key, made on first use and reused, as the window's sandbox uses them. */
    LocalSandboxMaterial localSandbox() {
        if (localKeys == null) {
            localKeys = LocalSandboxMaterial.loadOrCreate(folder);
        }
        return localKeys;
    }

    @Override
    public void close() {
        workspace.close();
    }
}
