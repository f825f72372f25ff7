package io.tokenconsole.ui;

import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.ui.common.BackendStartup;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.inspector.InspectionDefaults;
import io.tokenconsole.ui.inspector.InspectionLog;
import io.tokenconsole.workflow.ActionRecorder;
import io.tokenconsole.workflow.ConsoleBackend;
import java.util.Optional;

/**
 * What the inspector gets from the console's services: the audit log for pasted tokens (jti and
 * exp, never the token), the expected client ids and the local sandbox's key. The inspector works
 * before the services are up: until then it judges without them, and decodes again once they are.
 */
public final class BackendInspection implements InspectionLog, InspectionDefaults {

    private final BackendStartup startup;
    private final BackgroundWork background;
    private final Runnable recorded;

    /** {@code recorded} hears that an audit row was written (the audit pane reads again). */
    public BackendInspection(BackendStartup startup, BackgroundWork background, Runnable recorded) {
        this.startup = startup;
        this.background = background;
        this.recorded = recorded;
    }

    @Override
    public void tokenInspected(Environment environment, TokenReport report) {
        AuditEvent event = AuditEvent.ok(environment, AuditAction.TOKEN_INSPECTED,
                        report.userId().flatMap(io.tokenconsole.argyle.UserIds::parse).orElse(null))
                .withDetail("from " + report.environment().displayName() + ", pasted into the inspector");
        Optional<TokenFacts> facts = ActionRecorder.factsOf(report);
        AuditEvent withFacts = facts.map(event::withToken).orElse(event);
        background.submit(() -> {
            // Through the recorder: with a team workspace whose server is away, the row waits on this computer.
            ConsoleBackend backend = startup.await();
            if (backend.workspace().isPresent()) {
                backend.recorder().record(withFacts);
            }
            return null;
        }, done -> recorded.run(), notRecorded -> { });
    }

    @Override
    public Optional<String> expectedClientId(Environment environment) {
        // A team workspace whose server is away is not waited for: the inspector judges without the setting.
        return startup.now().flatMap(ConsoleBackend::workspace).filter(Workspace::isReachable).flatMap(workspace -> {
            try {
                return workspace.settings().expectedClientId(environment);
            } catch (WorkspaceException away) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<VerificationKey> localSandboxKey() {
        return startup.now().flatMap(ConsoleBackend::localSandbox).map(sandbox ->
                new VerificationKey.Public(sandbox.signingKey().publicKey(), Optional.of(sandbox.signingKey().keyId())));
    }
}
