package io.tokenconsole.ui.shell;

import io.tokenconsole.argyle.Environment;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the panes share: the environment the console is on (always the local sandbox at start, so
 * nobody lands in production by accident) and the selected user, which belongs to one environment
 * and is cleared when the environment changes. Panes meet here, never by importing each other.
 */
public final class Session {

    /** A user picked in one pane for the others (Users → Tokens, Audit → Users). */
    public record SelectedUser(Environment environment, String id, String label) {
        public SelectedUser {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(id, "id");
        }

        /** The label when there is one, else the id. */
        public String displayName() {
            return label == null || label.isBlank() ? id : label + " (" + id + ")";
        }
    }

    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.LOCAL);
    private final ReadOnlyObjectWrapper<SelectedUser> selectedUser = new ReadOnlyObjectWrapper<>(this, "selectedUser");
    private final ReadOnlyLongWrapper workspaceChanges = new ReadOnlyLongWrapper(this, "workspaceChanges");
    private final ObjectProperty<String> tokenToInspect = new SimpleObjectProperty<>(this, "tokenToInspect");
    private final LongProperty settingsChanges = new SimpleLongProperty(this, "settingsChanges");

    public Session() {
        environment.addListener((observable, before, now) -> {
            if (now == null) {
                environment.set(before);
                return;
            }
            // A user id of one environment is never offered in another.
            selectedUser.set(null);
        });
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public Environment environment() {
        return environment.get();
    }

    /** Selects a user of the current environment; one of another environment is refused. */
    public boolean selectUser(Environment of, String id, String label) {
        if (of != environment.get()) {
            return false;
        }
        selectedUser.set(new SelectedUser(of, id, label));
        return true;
    }

    public void clearSelectedUser() {
        selectedUser.set(null);
    }

    public Optional<SelectedUser> selectedUser() {
        return Optional.ofNullable(selectedUser.get());
    }

    public ReadOnlyObjectProperty<SelectedUser> selectedUserProperty() {
        return selectedUser.getReadOnlyProperty();
    }

    /** Says that the workspace changed (a user saved, an audit row written): lists read it again. */
    public void workspaceChanged() {
        workspaceChanges.set(workspaceChanges.get() + 1);
    }

    public ReadOnlyLongProperty workspaceChangesProperty() {
        return workspaceChanges.getReadOnlyProperty();
    }

    /** Says that saved settings changed, so what depends on them (the inspector's findings) is worked out again. */
    public void settingsChanged() {
        settingsChanges.set(settingsChanges.get() + 1);
    }

    public LongProperty settingsChangesProperty() {
        return settingsChanges;
    }

    /**
     * Hands a token to the inspector ("Open in inspector"). The inspector takes it and sets this back
     * to {@code null}: the session holds a token only for that moment.
     */
    public ObjectProperty<String> tokenToInspectProperty() {
        return tokenToInspect;
    }
}
