package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.SaveResult;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an action leaves in the workspace, the same from the window and the command line: the user
 * saved in its environment, and an audit row with the token's {@code jti} and {@code exp} — read
 * from the token, which itself is never kept.
 */
public final class ActionRecorder {

    private final Workspace workspace;
    private final Clock clock;
    private final TokenInspector inspector = new TokenInspector();

    public ActionRecorder(Workspace workspace, Clock clock) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A user Argyle just created: saved with what it was created with, audited as {@code user-created}. */
    public SaveResult userCreated(Environment environment, String userId, UserDetails details, String firstToken) {
        return workspace.users().recordUserCreated(environment, userId, details, factsOf(firstToken));
    }

    /** A token Argyle just issued: the user saved (or its last-token time moved on), audited as {@code token-issued}. */
    public SaveResult tokenIssued(Environment environment, String userId, String token) {
        return workspace.users().recordTokenIssued(environment, userId, factsOf(token));
    }

    /** A user deleted at Argyle: audited; the saved user, if any, is forgotten too (it no longer exists). */
    public void userDeleted(Environment environment, String userId) {
        workspace.audit().record(AuditEvent.ok(environment, AuditAction.USER_DELETED, userId)
                .withDetail("deleted at Argyle with all its accounts and data"));
        if (workspace.users().find(environment, userId).isPresent()) {
            workspace.users().forget(environment, userId);
        }
    }

    /** A call that failed: audited with the reason in plain words; a user id that is not one is left out. */
    public void failed(Environment environment, AuditAction action, String userId, Throwable failure) {
        workspace.audit().record(AuditEvent.failed(environment, action, UserIds.parse(userId).orElse(null),
                Failures.describe(failure)));
    }

    /** The token's {@code jti} and {@code exp}, or nothing for what does not decode. */
    public TokenFacts factsOf(String token) {
        return factsOf(inspector, token, clock.instant());
    }

    public static TokenFacts factsOf(TokenInspector inspector, String token, Instant now) {
        Inspection inspection = inspector.inspect(token, InspectionContext.at(now));
        if (!(inspection instanceof Inspection.Decoded decoded)) {
            return TokenFacts.of(null, null);
        }
        return factsOf(decoded.report()).orElse(TokenFacts.of(null, null));
    }

    /** A report's {@code jti} and {@code exp}; empty when the workspace would refuse the jti (as long as a token). */
    public static Optional<TokenFacts> factsOf(TokenReport report) {
        try {
            return Optional.of(TokenFacts.of(report.tokenId().orElse(null),
                    report.expiresAt().flatMap(TimeClaim::instant).orElse(null)));
        } catch (IllegalArgumentException notAJti) {
            return Optional.empty();
        }
    }
}
