package io.tokenconsole.workflow;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.inspect.Inspection;
import io.tokenconsole.inspect.InspectionContext;
import io.tokenconsole.inspect.TimeClaim;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.inspect.TokenReport;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditEntry;
import io.tokenconsole.store.AuditEvent;
import io.tokenconsole.store.AuditSpool;
import io.tokenconsole.store.AuditStamp;
import io.tokenconsole.store.TokenFacts;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.Workspace;
import io.tokenconsole.store.WorkspaceUnavailableException;
import io.tokenconsole.store.WorkspaceWatcher;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an action leaves in the workspace, the same from the window and the command line: the user
 * saved in its environment, and an audit row with the token's {@code jti} and {@code exp} — read
 * from the token, which itself is never kept.
 *
 * <p>A team workspace can be away when an action's API call has already succeeded: with a spool, the
 * recording then waits on this computer ({@link AuditSpool}) and the person is told so through the
 * notices; {@link #flushSpool()} writes what waits once the server answers. Every recording carries the
 * row id made when the action happened, so a recording written both before a connection broke and again
 * from the spool is in the log once.
 */
public final class ActionRecorder {

    /** How a recording ended up. */
    public enum Recorded {
        /** In the workspace. */
        WRITTEN,
        /** Waiting on this computer for the team workspace's server. */
        SPOOLED
    }

    private final Workspace workspace;
    private final Clock clock;
    private final AuditSpool spool;
    private final Consumer<String> notices;
    private final TokenInspector inspector = new TokenInspector();

    /** Without a spool: a workspace that cannot be written fails the recording (and says so). */
    public ActionRecorder(Workspace workspace, Clock clock) {
        this(workspace, clock, null, message -> { });
    }

    /**
     * With a spool: when the team workspace cannot be reached, the recording waits in {@code spool} and
     * {@code notices} gets a sentence saying so (for the command's standard error or the window's message line).
     */
    public ActionRecorder(Workspace workspace, Clock clock, AuditSpool spool, Consumer<String> notices) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.spool = spool;
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * Before an action calls the API: refuses it, with a plain message, when the team workspace cannot be
     * reached — so nothing is done that could not be recorded.
     *
     * @throws WorkspaceUnavailableException the server does not answer
     */
    public void checkCanRecord() {
        workspace.checkReachable();
    }

    /** A user Argyle just created: saved with what it was created with, audited as {@code user-created}. */
    public Recorded userCreated(Environment environment, String userId, UserDetails details, String firstToken) {
        TokenFacts facts = factsOf(firstToken);
        AuditStamp stamp = AuditStamp.now(clock);
        try {
            knownAway();
            workspace.users().recordUserCreated(environment, userId, details, facts, stamp);
            return Recorded.WRITTEN;
        } catch (WorkspaceUnavailableException away) {
            return spool(new AuditSpool.Waiting.UserCreated(stamp, operator(), environment, UserIds.normalize(userId),
                    details, facts), away, actor(environment) + " created the user " + UserIds.normalize(userId));
        }
    }

    /** A token Argyle just issued: the user saved (or its last-token time moved on), audited as {@code token-issued}. */
    public Recorded tokenIssued(Environment environment, String userId, String token) {
        TokenFacts facts = factsOf(token);
        AuditStamp stamp = AuditStamp.now(clock);
        try {
            knownAway();
            workspace.users().recordTokenIssued(environment, userId, facts, stamp);
            return Recorded.WRITTEN;
        } catch (WorkspaceUnavailableException away) {
            return spool(new AuditSpool.Waiting.TokenIssued(stamp, operator(), environment, UserIds.normalize(userId), facts),
                    away, actor(environment) + " issued the token for user " + UserIds.normalize(userId));
        }
    }

    /** A user deleted at Argyle: audited; the saved user, if any, is forgotten too (it no longer exists). */
    public Recorded userDeleted(Environment environment, String userId) {
        AuditEvent event = AuditEvent.ok(environment, AuditAction.USER_DELETED, userId)
                .withDetail("deleted at Argyle with all its accounts and data").stamped(AuditStamp.now(clock));
        try {
            knownAway();
            workspace.audit().record(event);
            if (workspace.users().find(environment, userId).isPresent()) {
                workspace.users().forget(environment, userId);
            }
            return Recorded.WRITTEN;
        } catch (WorkspaceUnavailableException away) {
            return spool(new AuditSpool.Waiting.Row(entryOf(event), true), away,
                    actor(environment) + " deleted the user " + event.userId());
        }
    }

    /**
     * Any other audit row (a Link session's callbacks): written, or — a team workspace away — kept on this
     * computer like the others.
     */
    public Recorded record(AuditEvent event) {
        return row(event, "Noted " + event.action().displayName());
    }

    /** A call that failed: audited with the reason in plain words; a user id that is not one is left out. */
    public Recorded failed(Environment environment, AuditAction action, String userId, Throwable failure) {
        return row(AuditEvent.failed(environment, action, UserIds.parse(userId).orElse(null),
                Failures.describe(failure)), "The call failed");
    }

    /** One audit row alone, stamped now unless it was: written, or kept here while the team workspace is away. */
    private Recorded row(AuditEvent given, String whatHappened) {
        AuditEvent event = given.stamp() == null ? given.stamped(AuditStamp.now(clock)) : given;
        try {
            knownAway();
            workspace.audit().record(event);
            return Recorded.WRITTEN;
        } catch (WorkspaceUnavailableException away) {
            return spool(new AuditSpool.Waiting.Row(entryOf(event), false), away, whatHappened);
        }
    }

    /**
     * Writes the recordings that waited on this computer, if any (none without a spool). The window calls it
     * when its workspace reports the server reachable again ({@link #flushWhenReachable()}); a command calls it
     * when it opens the workspace.
     */
    public AuditSpool.FlushReport flushSpool() {
        return spool == null ? AuditSpool.FlushReport.NOTHING : spool.flush(workspace);
    }

    /**
     * Writes what waited on this computer, as {@link #flushSpool()} does, and tells the notices how many rows
     * went (nothing when none did). Blocking: never on the FX thread.
     */
    public void flushSpoolAndTell() {
        try {
            AuditSpool.FlushReport report = flushSpool();
            if (report.written() > 0) {
                notices.accept(report.written() + (report.written() == 1 ? " audit row that waited" : " audit rows that waited")
                        + " on this computer " + (report.written() == 1 ? "is" : "are") + " now in the team workspace.");
            }
        } catch (UncheckedIOException spoolUnusable) {
            // What waits stays in the file; the person reads why.
            notices.accept(spoolUnusable.getMessage());
        }
    }

    /**
     * For {@link Workspace#watch}: flushes the spool whenever the server is reported reachable again, and tells
     * the notices what was written. Runs on the workspace's watch thread, never the FX thread. Rows left from
     * an earlier run wait until then, or until {@link #flushSpoolAndTell()} is called — once when the workspace
     * opens.
     */
    public WorkspaceWatcher flushWhenReachable() {
        return new WorkspaceWatcher() {
            @Override
            public void reachabilityChanged(boolean reachable, String plainWords) {
                if (reachable) {
                    flushSpoolAndTell();
                }
            }
        };
    }

    /**
     * With a spool, a workspace already known to be away (its watch, or the last write, said so) is not
     * asked again: each action would wait the connection timeout for nothing. Its watch flushes the spool
     * once the server answers.
     */
    private void knownAway() {
        if (spool != null && !workspace.isReachable()) {
            throw new WorkspaceUnavailableException("The team workspace " + workspace.location().describe()
                    + " is unreachable.", null);
        }
    }

    private Recorded spool(AuditSpool.Waiting waiting, WorkspaceUnavailableException away, String whatHappened) {
        if (spool == null) {
            throw away;
        }
        try {
            spool.add(waiting);
        } catch (UncheckedIOException cannotKeep) {
            throw new WorkspaceUnavailableException(whatHappened + ", but its audit row could not be kept: the team"
                    + " workspace is unreachable and this computer's spool failed (" + cannotKeep.getMessage() + ").", away);
        }
        notices.accept(whatHappened + "; the team workspace is unreachable, so the audit row waits on this computer"
                + " and is written when the server is back.");
        return Recorded.SPOOLED;
    }

    private String operator() {
        return workspace.operator().name();
    }

    /** Who answered the call, in the words of the message. */
    private static String actor(Environment environment) {
        return environment == Environment.LOCAL ? "The local sandbox" : "Argyle";
    }

    private AuditEntry entryOf(AuditEvent event) {
        return new AuditEntry(-1, event.stamp().at(), operator(), event.environment(), event.action(), event.userId(),
                event.token(), event.outcome(), event.detail(), event.stamp().uid());
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
