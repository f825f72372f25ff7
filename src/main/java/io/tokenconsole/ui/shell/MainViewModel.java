package io.tokenconsole.ui.shell;

import io.tokenconsole.argyle.Environment;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The window's own state: which environment the console is on (always the local sandbox at
 * start, so nobody lands in production by accident), the title that names it, and the theme.
 */
public final class MainViewModel {

    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment", Environment.LOCAL);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle");
    private final ReadOnlyStringWrapper environmentDescription = new ReadOnlyStringWrapper(this, "environmentDescription");
    private final ReadOnlyBooleanWrapper production = new ReadOnlyBooleanWrapper(this, "production");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final StringProperty baseUrlOverride = new SimpleStringProperty(this, "baseUrlOverride", "");

    public MainViewModel(ThemePreference theme, String localSandboxDescription) {
        environment.addListener((observable, before, now) -> {
            if (now == null) {
                environment.set(before);
            }
        });
        windowTitle.bind(Bindings.createStringBinding(() -> "Token Console — "
                + (environment.get().isProduction() ? "PRODUCTION" : environment.get().displayName()), environment));
        environmentDescription.bind(Bindings.createStringBinding(
                () -> describe(environment.get(), localSandboxDescription, baseUrlOverride.get()),
                environment, baseUrlOverride));
        production.bind(Bindings.createBooleanBinding(() -> environment.get().isProduction(), environment));
        darkTheme.set(theme.dark());
        darkTheme.addListener((observable, before, now) -> theme.setDark(now));
    }

    private static String describe(Environment environment, String localSandbox, String override) {
        String url = override == null || override.isBlank()
                ? environment.defaultBaseUrl().map(Object::toString).orElse("")
                : override + " (override)";
        return switch (environment) {
            case LOCAL -> localSandbox;
            case SANDBOX -> "Sandbox · " + url + " · test data";
            case PRODUCTION -> "PRODUCTION · " + url + " · real users and data";
        };
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty environmentDescriptionProperty() {
        return environmentDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty productionProperty() {
        return production.getReadOnlyProperty();
    }

    /** The base URL saved for the current environment instead of Argyle's; "" for none. */
    public StringProperty baseUrlOverrideProperty() {
        return baseUrlOverride;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
