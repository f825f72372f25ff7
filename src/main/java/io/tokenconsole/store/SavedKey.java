package io.tokenconsole.store;

import io.tokenconsole.argyle.Environment;
import java.util.Objects;
import java.util.Optional;

/**
 * What is saved for an environment's API key, never the secret: the key id and where the secret
 * lives, or why it cannot be found. {@code keys show} and the settings pane print {@link #sentence()}.
 */
public record SavedKey(Environment environment, Optional<String> keyId, State state, String where, String problem) {

    /** Where the secret is, or why there is none to use. */
    public enum State {
        /** {@code ARGYLE_API_KEY_ID} / {@code ARGYLE_API_KEY_SECRET} are set and win over anything saved. */
        ENVIRONMENT_VARIABLES,
        /** In the OS credential store. */
        OS_STORE,
        /** In this process's memory: gone when it ends. */
        SESSION_MEMORY,
        /** The key id is saved but the store has no secret for it: removed outside the console. */
        SECRET_MISSING,
        /** The OS store is locked, or stopped answering: {@link #problem()} says which. */
        STORE_UNUSABLE,
        /** Nothing saved. */
        NONE
    }

    public SavedKey {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(where, "where");
        problem = problem == null ? "" : problem;
    }

    /** {@code true} when a secret is there to use. */
    public boolean usable() {
        return state == State.ENVIRONMENT_VARIABLES || state == State.OS_STORE || state == State.SESSION_MEMORY;
    }

    /** One sentence for a person: where the secret is, or what to do. */
    public String sentence() {
        return switch (state) {
            case ENVIRONMENT_VARIABLES -> "A secret is set in " + ApiKeys.SECRET_VARIABLE + " (with " + ApiKeys.KEY_ID_VARIABLE
                    + "); it wins over anything saved.";
            case OS_STORE -> "A secret is saved in the " + where + " as \"" + OsKeyring.label(environment) + "\".";
            case SESSION_MEMORY -> "A secret is saved in " + where + " only; it is gone when the console closes.";
            case SECRET_MISSING -> "Key id " + keyId.orElse("") + " is saved, but its secret is no longer in the " + where
                    + " (removed outside Token Console?). Set it again in Settings, or run: token-console keys set --env "
                    + environment.id() + " --api-key-id " + keyId.orElse("ID");
            case STORE_UNUSABLE -> problem;
            case NONE -> "No secret saved.";
        };
    }
}
