package io.tokenconsole.ui;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.emulator.ApiKey;
import io.tokenconsole.emulator.EmulatorConfig;
import io.tokenconsole.emulator.LocalSandbox;
import io.tokenconsole.emulator.SigningKey;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.Operator;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceException;
import io.tokenconsole.inspect.VerificationKey;
import io.tokenconsole.ui.inspector.InspectionDefaults;
import io.tokenconsole.ui.inspector.InspectionLog;
import io.tokenconsole.ui.settings.SettingsViewModel;
import io.tokenconsole.ui.shell.ThemePreference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * What the window needs from disk and from the local network, opened once before the window
 * shows (on the launcher thread, not the FX thread): the workspace and the local sandbox. Either
 * may be missing — a workspace from a newer version, a port that can't be bound — and the window
 * still opens, says why, and the inspector works as ever.
 */
public final class DesktopServices implements AutoCloseable {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final Workspace workspace;
    private final LocalSandbox localSandbox;
    private final LocalSandboxMaterial localKeys;
    private final List<String> problems;
    private final boolean darkTheme;

    private DesktopServices(Workspace workspace, LocalSandbox localSandbox, LocalSandboxMaterial localKeys,
            List<String> problems) {
        this.workspace = workspace;
        this.localSandbox = localSandbox;
        this.localKeys = localKeys;
        this.problems = List.copyOf(problems);
        this.darkTheme = workspace != null && "dark".equals(workspace.settings().theme());
    }

    /** Opens the workspace in {@code folder} and starts the local sandbox with the workspace's keys. */
    public static DesktopServices open(DataFolder folder, Clock clock) {
        List<String> problems = new ArrayList<>();
        Workspace workspace = null;
        LocalSandbox sandbox = null;
        LocalSandboxMaterial material = null;
        try {
            workspace = Workspace.open(folder, clock, Operator.fromSystem());
        } catch (WorkspaceException unusable) {
            problems.add(unusable.getMessage() + " Nothing is saved in this session.");
        }
        try {
            material = LocalSandboxMaterial.loadOrCreate(folder);
            sandbox = LocalSandbox.start(EmulatorConfig.defaults()
                    .withApiKey(new ApiKey(material.apiKeyId(), material.apiSecret()))
                    .withSigningKey(SigningKey.of(material.signingKeys()))
                    .withClock(clock));
        } catch (IOException | UncheckedIOException | WorkspaceException | IllegalArgumentException cannotStart) {
            problems.add("The local sandbox could not start: " + cannotStart.getMessage());
        }
        return new DesktopServices(workspace, sandbox, material, problems);
    }

    /** What went wrong at start, in words for the person; empty when all is well. */
    public List<String> problems() {
        return problems;
    }

    public Optional<LocalSandbox> localSandbox() {
        return Optional.ofNullable(localSandbox);
    }

    /** The status line for the local sandbox. */
    public String localSandboxDescription() {
        return localSandbox().map(s -> "Local sandbox · built-in emulator at " + s.baseUrl() + " · no keys needed")
                .orElse("Local sandbox · not running (see the message at start)");
    }

    /** The theme, read at start; a change is saved in the background. */
    public ThemePreference theme(Executor background) {
        return new ThemePreference() {
            private volatile boolean dark = darkTheme;

            @Override
            public boolean dark() {
                return dark;
            }

            @Override
            public void setDark(boolean value) {
                dark = value;
                if (workspace != null) {
                    background.execute(() -> workspace.settings().setTheme(value ? "dark" : "light"));
                }
            }
        };
    }

    /** Records pasted tokens in the audit log, in the background: the jti and exp, never the token. */
    public InspectionLog inspectionLog(Executor background) {
        if (workspace == null) {
            return InspectionLog.none();
        }
        return (environment, report) -> {
            AuditEvent event = AuditEvent.ok(environment, AuditAction.TOKEN_INSPECTED,
                    report.userId().filter(id -> UUID.matcher(id).matches()).orElse(null));
            Optional<TokenFacts> facts = factsOf(report);
            AuditEvent withFacts = facts.map(event::withToken).orElse(event)
                    .withDetail("from " + report.environment().displayName() + ", pasted into the inspector");
            background.execute(() -> workspace.audit().record(withFacts));
        };
    }

    private static Optional<TokenFacts> factsOf(TokenReport report) {
        try {
            return Optional.of(TokenFacts.of(report.tokenId().orElse(null),
                    report.expiresAt().flatMap(TimeClaim::instant).orElse(null)));
        } catch (IllegalArgumentException notAJti) {
            // A jti the workspace refuses (as long as a token, say) is left out; the row still says what happened.
            return Optional.empty();
        }
    }

    /**
     * The settings pane's access to the workspace. Finding the OS credential store may take a few
     * seconds when it does not answer, so call this off the FX thread (the application does, in init).
     */
    public Optional<SettingsViewModel.Access> settingsAccess(Map<String, String> environmentVariables) {
        if (workspace == null || localKeys == null) {
            return Optional.empty();
        }
        return Optional.of(new SettingsViewModel.Access(workspace.settings(),
                new ApiKeys(workspace.settings(), CredentialStore.detect(environmentVariables), environmentVariables,
                        localKeys)));
    }

    /** The team's expected client ids (from the settings) and the local sandbox's public key. */
    public InspectionDefaults inspectionDefaults() {
        Optional<VerificationKey> ownKey = localSandbox().map(sandbox ->
                new VerificationKey.Public(sandbox.signingKey().publicKey(), Optional.of(sandbox.signingKey().keyId())));
        return new InspectionDefaults() {
            @Override
            public Optional<String> expectedClientId(Environment environment) {
                return workspace == null ? Optional.empty() : workspace.settings().expectedClientId(environment);
            }

            @Override
            public Optional<VerificationKey> localSandboxKey() {
                return ownKey;
            }
        };
    }

    @Override
    public void close() {
        if (localSandbox != null) {
            localSandbox.close();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
