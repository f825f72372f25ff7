package io.tokenconsole.cli;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.ApiCredentials;
import io.tokenconsole.store.ApiKeys;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.CredentialStore;
import io.tokenconsole.store.CredentialStoreException;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.DataFolder;
import io.tokenconsole.store.LocalSandboxMaterial;
import io.tokenconsole.store.SavedKey;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.Workspace;
import java.net.URI;
import java.util.Optional;

/**
 * What the API commands leave in the workspace: the user saved in its environment, and an audit
 * row with the token's {@code jti} and {@code exp} — read from the token, which itself is never kept.
 * Opened before the API is called, so a workspace that can't be used stops the command before it acts.
 */
final class ActionRecorder implements AutoCloseable {

    private final Workspace workspace;
    private final DataFolder folder;
    private final CommandContext context;
    private final TokenInspector inspector = new TokenInspector();
    private LocalSandboxMaterial localKeys;

    private ActionRecorder(Workspace workspace, DataFolder folder, CommandContext context) {
        this.workspace = workspace;
        this.folder = folder;
        this.context = context;
    }

    static ActionRecorder open(WorkspaceOptions options, CommandContext context) {
        return new ActionRecorder(options.open(context), options.folder(context), context);
    }

    /**
     * The API key saved for {@code environment} in the window's settings (key id in the workspace,
     * secret in the OS credential store). Looking for the credential store can take a few seconds
     * when it does not answer, so this is asked only when no key was given.
     */
    Optional<ApiCredentials> savedKey(Environment environment) {
        ApiKeys keys = apiKeys();
        String orSet = " Or set " + ApiKeys.KEY_ID_VARIABLE + " and " + ApiKeys.SECRET_VARIABLE + " for this command.";
        try {
            Optional<ApiCredentials> found = keys.forEnvironment(environment);
            if (found.isPresent()) {
                return found;
            }
        } catch (IllegalStateException halfOverride) {
            throw new CommandFailure(halfOverride.getMessage());
        } catch (CredentialStoreException unusable) {
            throw new CommandFailure(unusable.getMessage() + orSet);
        }
        // A key id without its secret: say why (removed from the keyring, no keyring answering) rather than "no key".
        SavedKey saved = keys.savedKey(environment);
        return switch (saved.state()) {
            case SECRET_MISSING -> throw new CommandFailure(saved.sentence());
            case STORE_UNUSABLE -> throw new CommandFailure(saved.sentence() + orSet);
            default -> Optional.empty();
        };
    }

    /** The saved keys, with the OS credential store of the command's session bus (if one answers). */
    ApiKeys apiKeys() {
        return new ApiKeys(workspace.settings(), CredentialStore.detect(context.env()), context.env(), this::localSandbox);
    }

    Optional<URI> savedBaseUrl(Environment environment) {
        return workspace.settings().baseUrlOverride(environment);
    }

    /** The local sandbox's key and signing key, made on first use and reused, as the window's sandbox uses them. */
    LocalSandboxMaterial localSandbox() {
        if (localKeys == null) {
            localKeys = LocalSandboxMaterial.loadOrCreate(folder);
        }
        return localKeys;
    }

    /**
     * A user created in a sandbox that lives only for this command is not saved (it is gone with the
     * sandbox), but the audit log still says it was made.
     */
    void userCreated(Environment environment, String userId, String externalId, String token,
            boolean sandboxOutlivesCommand) {
        TokenFacts facts = factsOf(token);
        if (sandboxOutlivesCommand) {
            workspace.users().recordUserCreated(environment, userId, new UserDetails(null, null, externalId), facts);
        } else {
            workspace.audit().record(AuditEvent.ok(environment, AuditAction.USER_CREATED, userId).withToken(facts)
                    .withDetail("in a local sandbox started for one command; not saved"));
        }
    }

    void tokenIssued(Environment environment, String userId, String token) {
        workspace.users().recordTokenIssued(environment, userId, factsOf(token));
    }

    void failed(Environment environment, AuditAction action, String userId, RuntimeException failure) {
        workspace.audit().record(AuditEvent.failed(environment, action, validOrNull(userId), Failures.describe(failure)));
    }

    private static String validOrNull(String userId) {
        // An unknown id may be junk; keep it only when it is shaped like an Argyle id.
        return userId != null && userId.matches("[0-9a-fA-F-]{36}") ? userId : null;
    }

    private TokenFacts factsOf(String token) {
        Inspection inspection = inspector.inspect(token, InspectionContext.at(context.clock().instant()));
        if (!(inspection instanceof Inspection.Decoded decoded)) {
            return TokenFacts.of(null, null);
        }
        TokenReport report = decoded.report();
        Optional<java.time.Instant> expiry = report.expiresAt().flatMap(TimeClaim::instant);
        return TokenFacts.of(report.tokenId().orElse(null), expiry.orElse(null));
    }

    @Override
    public void close() {
        workspace.close();
    }
}
