package io.tokenconsole.ui.common;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.workflow.SupportActions;

/**
 * Asks before a change at Argyle (create a user, issue a token, delete a user) where the
 * environment's setting says to — production, unless someone turned it off. The question names the
 * environment, where the call goes and the user; Cancel sends nothing. Reading the setting touches
 * the workspace, so it happens in the background; the question itself is asked on the UI thread.
 */
public final class ChangeGuard {

    /** What a view model learns from the guard. */
    public interface Outcome {
        /** The person said yes, or no question was needed: now send the request. */
        void proceed();

        /** The person said no: nothing is sent. */
        default void cancelled() {
        }

        /** The setting could not be read (no workspace, say): nothing is sent. */
        default void failed(Throwable why) {
        }
    }

    private final BackendStartup backend;
    private final BackgroundWork background;
    private final DialogService dialogs;

    public ChangeGuard(BackendStartup backend, BackgroundWork background, DialogService dialogs) {
        this.backend = backend;
        this.background = background;
        this.dialogs = dialogs;
    }

    /**
     * @param action what will be done, as a person says it: "Issue a new user token"
     * @param userId the user it concerns, or {@code null} (a user yet to be created)
     * @param confirmLabel the yes button: "Issue token", "Create user", "Delete user"
     */
    public void check(Environment environment, String action, String userId, String confirmLabel, Outcome outcome) {
        background.submit(() -> {
            SupportActions actions = backend.await().actions();
            return actions.mustAsk(environment) ? actions.question(action, environment, userId) : null;
        }, question -> {
            if (question == null) {
                outcome.proceed();
            } else if (dialogs.confirm(action + " in " + environment.displayName() + "?", question, confirmLabel)) {
                outcome.proceed();
            } else {
                outcome.cancelled();
            }
        }, outcome::failed);
    }
}
