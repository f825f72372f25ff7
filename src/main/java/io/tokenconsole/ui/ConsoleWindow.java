package io.tokenconsole.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenconsole.inspect.TokenInspector;
import io.tokenconsole.ui.inspector.InspectionDefaults;
import io.tokenconsole.ui.inspector.InspectionLog;
import io.tokenconsole.ui.common.BackgroundWork;
import io.tokenconsole.ui.common.ClipboardService;
import io.tokenconsole.ui.common.Debouncer;
import io.tokenconsole.ui.inspector.InspectorController;
import io.tokenconsole.ui.inspector.InspectorViewModel;
import io.tokenconsole.ui.settings.SettingsController;
import io.tokenconsole.ui.settings.SettingsViewModel;
import io.tokenconsole.ui.shell.MainController;
import io.tokenconsole.ui.shell.MainViewModel;
import io.tokenconsole.ui.shell.ThemePreference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Builds the console's window from its services: view models get the services, controllers get
 * the view models, FXML gets the controllers through the controller factory. The one place that
 * wires the desktop console together; tests build it with their own clock and executor.
 */
public final class ConsoleWindow {

    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private final MainViewModel main;
    private final InspectorViewModel inspector;
    private final SettingsViewModel settings;
    private final ClipboardService clipboard;
    private final ResourceBundle text;

    /** What the window is built from; tests make their own. */
    public record Parts(
            BackgroundWork background,
            Debouncer debouncer,
            Clock clock,
            ZoneId zone,
            ThemePreference theme,
            ClipboardService clipboard,
            InspectionLog inspectionLog,
            InspectionDefaults inspectionDefaults,
            Optional<SettingsViewModel.Access> settingsAccess,
            String localSandboxDescription) {
    }

    public ConsoleWindow(Parts parts) {
        ObjectMapper json = TokenInspector.defaultJson();
        this.text = ResourceBundle.getBundle("i18n.messages");
        this.clipboard = parts.clipboard();
        this.main = new MainViewModel(parts.theme(), parts.localSandboxDescription());
        this.inspector = new InspectorViewModel(new TokenInspector(json), json, parts.background(), parts.debouncer(),
                parts.clock(), parts.zone(), parts.inspectionLog(), parts.inspectionDefaults());
        this.inspector.environmentProperty().bind(main.environmentProperty());
        this.settings = new SettingsViewModel(parts.settingsAccess(), parts.background());
        this.settings.environmentProperty().bind(main.environmentProperty());
        this.main.baseUrlOverrideProperty().bind(settings.savedBaseUrlProperty());
        // Findings depend on the settings (the expected client_id): a save judges the loaded token again.
        this.settings.savedRevisionProperty().addListener((o, was, now) -> inspector.recheck());
    }

    public MainViewModel mainViewModel() {
        return main;
    }

    public InspectorViewModel inspectorViewModel() {
        return inspector;
    }

    /** Loads the views, applies the theme and shows them on {@code stage}. */
    public void showOn(Stage stage) {
        Scene scene = new Scene(load());
        scene.getStylesheets().add(resource("/fxml/app.css"));
        applyTheme(main.darkThemeProperty().get());
        main.darkThemeProperty().addListener((o, was, dark) -> applyTheme(dark));
        stage.titleProperty().bind(main.windowTitleProperty());
        for (int size : ICON_SIZES) {
            stage.getIcons().add(new Image(resource("/icons/app-" + size + ".png")));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
    }

    private Parent load() {
        Map<Class<?>, Supplier<Object>> controllers = Map.of(
                MainController.class, () -> new MainController(main, text),
                InspectorController.class, () -> new InspectorController(inspector, clipboard),
                SettingsController.class, () -> new SettingsController(settings));
        FXMLLoader loader = new FXMLLoader(ConsoleWindow.class.getResource("/fxml/main.fxml"), text);
        loader.setControllerFactory(type -> {
            Supplier<Object> controller = controllers.get(type);
            if (controller == null) {
                throw new IllegalStateException("No controller registered for " + type.getName());
            }
            return controller.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The window's views could not be loaded", e);
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private static String resource(String path) {
        java.net.URL url = ConsoleWindow.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing resource " + path);
        }
        return url.toExternalForm();
    }
}
