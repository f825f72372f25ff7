package io.tokenconsole.workflow;

import io.tokenconsole.argyle.ApiTarget;
import io.tokenconsole.argyle.CreatedUser;
import io.tokenconsole.argyle.Environment;
import io.tokenconsole.argyle.IssuedToken;
import io.tokenconsole.argyle.NewUser;
import io.tokenconsole.argyle.User;
import io.tokenconsole.argyle.UserIds;
import io.tokenconsole.argyle.UserListRequest;
import io.tokenconsole.argyle.UserPage;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.SaveResult;
import io.tokenconsole.store.UserDetails;
import io.tokenconsole.store.UserOrigin;
import io.tokenconsole.store.Workspace;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The support workflow's actions against Argyle, each done the one way: connect to the
 * environment, call, and record what happened (the user saved, an audit row with the token's
 * {@code jti}/{@code exp} — or the failure in plain words). Blocking: call off the UI thread.
 * Asking before acting in production is the caller's part ({@link #mustAsk}, {@link #question}). An action
 * whose team workspace cannot be reached is refused before it calls the API ({@link ActionRecorder#checkCanRecord}).
 */
public final class SupportActions {

    private final Workspace workspace;
    private final ApiAccess access;
    private final ActionRecorder recorder;

    public SupportActions(Workspace workspace, ApiAccess access, ActionRecorder recorder) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.access = Objects.requireNonNull(access, "access");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * Whether the person must be asked before a change in {@code environment}: as the environment's
     * setting says (production, by default) — and always when the call would reach Argyle's
     * production API, whatever the environment is called (a saved base URL override, say).
     */
    public boolean mustAsk(Environment environment) {
        return workspace.settings().confirmBeforeChanges(environment) || reachesProduction(environment);
    }

    private boolean reachesProduction(Environment environment) {
        return access.plannedTarget(environment, ApiAccess.Given.NOTHING)
                .map(ProductionPolicy::actsOnProduction).orElse(false);
    }

    /** The question to ask, naming the environment, where the call goes and the user. */
    public String question(String action, Environment environment, String userId) {
        Optional<ApiTarget> target = access.plannedTarget(environment, ApiAccess.Given.NOTHING);
        String where = environment.displayName() + target.map(t -> " (" + t.baseUrl() + ")").orElse("");
        String what = userId == null ? action : action + " for user " + userId;
        return what + " in " + where + "?" + (reachesProduction(environment) ? " This acts on real customer data." : "");
    }

    /** {@code POST /users}; the user is saved with its label, note and external id, and audited. */
    public CreatedUser createUser(Environment environment, NewUser user, UserDetails details) throws IOException {
        recorder.checkCanRecord();
        try (ApiAccess.Connection connection = access.connect(environment, ApiAccess.Given.NOTHING)) {
            CreatedUser created;
            try {
                created = connection.client().createUser(user);
            } catch (RuntimeException failure) {
                recorder.failed(environment, AuditAction.USER_CREATED, null, failure);
                throw failure;
            }
            recorder.userCreated(environment, created.id(), details, created.userToken());
            return created;
        }
    }

    /** {@code POST /user-tokens} for a checked user id; the user is saved (or its last token noted), and audited. */
    public IssuedToken issueToken(Environment environment, String userId) throws IOException {
        return issueTokenShowingCall(environment, userId).token();
    }

    /** As {@link #issueToken}, and says where the call went and with which key id (to reproduce it with curl). */
    public TokenIssue issueTokenShowingCall(Environment environment, String userId) throws IOException {
        String id = UserIds.normalize(userId);
        recorder.checkCanRecord();
        try (ApiAccess.Connection connection = access.connect(environment, ApiAccess.Given.NOTHING)) {
            IssuedToken token = new RecordedTokenIssuer(connection.client(), recorder).issue(environment, id);
            return new TokenIssue(environment, id, token, connection.target().baseUrl(), connection.client().keyId());
        }
    }

    /** The environment's users at Argyle, one page ({@code GET /users}); nothing is recorded. */
    public UserPage listUsers(Environment environment, UserListRequest request) throws IOException {
        try (ApiAccess.Connection connection = access.connect(environment, ApiAccess.Given.NOTHING)) {
            return connection.client().listUsers(request);
        }
    }

    /** {@code DELETE /users/{id}}: the user and all its accounts and data go at Argyle; audited. */
    public void deleteUser(Environment environment, String userId) throws IOException {
        String id = UserIds.normalize(userId);
        recorder.checkCanRecord();
        try (ApiAccess.Connection connection = access.connect(environment, ApiAccess.Given.NOTHING)) {
            try {
                connection.client().deleteUser(id);
            } catch (RuntimeException failure) {
                recorder.failed(environment, AuditAction.USER_DELETED, id, failure);
                throw failure;
            }
            recorder.userDeleted(environment, id);
        }
    }

    /** Saves a user found at Argyle in this environment's list, with its external id. */
    public SaveResult saveFound(Environment environment, User user) {
        return workspace.users().save(environment, user.id(), new UserDetails(null, null, user.externalId()),
                UserOrigin.FETCHED_FROM_API);
    }
}
