package io.tokenconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.ui.MemoryThemePreference;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private static final List<PaneSpec> PANES = List.of(
            new PaneSpec("inspector", "Inspector", "inspector", "works offline"),
            new PaneSpec("users", "Users", "users", ""),
            new PaneSpec("settings", "Settings", "settings", "per environment"));

    private static MainViewModel viewModel(ThemePreference theme) {
        return new MainViewModel(new Session(), theme, PANES);
    }

    @Test
    void theStatusLineSaysTheLocalSandboxIsStartingUntilItsAddressIsKnown() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        assertEquals("Local sandbox · starting…", vm.environmentDescriptionProperty().get());
        vm.localSandboxAddressProperty().set("http://127.0.0.1:1/v2");
        assertEquals("Local sandbox · built-in emulator at http://127.0.0.1:1/v2 · no keys needed",
                vm.environmentDescriptionProperty().get());
    }

    @Test
    void panesAreShownByIdOrByTheirNumberInTheSidebarAndTheStatusHintFollows() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        assertEquals("inspector", vm.selectedPaneProperty().get().id());
        assertEquals("works offline", vm.statusHintProperty().get());
        vm.navigate("settings");
        assertEquals("per environment", vm.statusHintProperty().get());
        vm.showPaneNumber(2);
        assertEquals("users", vm.selectedPaneProperty().get().id());
        vm.showPaneNumber(9);
        vm.navigate("no-such-pane");
        assertEquals("users", vm.selectedPaneProperty().get().id());
    }

    @Test
    void windowWideCommandsRunWhatAPaneRegistered() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        List<String> ran = new java.util.ArrayList<>();
        assertFalse(vm.runCommand(MainViewModel.NEW_USER));
        vm.registerCommand(MainViewModel.NEW_USER, () -> ran.add("new user"));
        assertTrue(vm.runCommand(MainViewModel.NEW_USER));
        assertEquals(List.of("new user"), ran);
    }

    @Test
    void switchingEnvironmentClearsTheSelectedUser() {
        Session session = new Session();
        assertTrue(session.selectUser(Environment.LOCAL, "018051aa-f7a9-a0db-2f38-6cfa325e9d69", "ticket"));
        assertFalse(session.selectUser(Environment.SANDBOX, "018051aa-f7a9-a0db-2f38-6cfa325e9d69", "other env"));
        session.environmentProperty().set(Environment.SANDBOX);
        assertTrue(session.selectedUser().isEmpty());
    }

    @Test
    void theStartupStatusShowsProgressUntilItIsEmptyOrAFailure() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        vm.startupStatusProperty().set("Starting the local sandbox…");
        assertTrue(vm.startingProperty().get());
        vm.startupStatusProperty().set("Could not start: disk full");
        assertFalse(vm.startingProperty().get());
        vm.startupStatusProperty().set("");
        assertFalse(vm.startingProperty().get());
    }


    @Test
    void theConsoleAlwaysStartsOnTheLocalSandbox() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        assertEquals(Environment.LOCAL, vm.environmentProperty().get());
        assertEquals("Token Console — Local sandbox", vm.windowTitleProperty().get());
        assertFalse(vm.productionProperty().get());
    }

    @Test
    void productionIsNamedInCapitalsInTheTitle() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertEquals("Token Console — PRODUCTION", vm.windowTitleProperty().get());
        assertTrue(vm.productionProperty().get());
        assertTrue(vm.environmentDescriptionProperty().get().startsWith("PRODUCTION · https://api.argyle.com/v2"));
    }

    @Test
    void aBaseUrlOverrideIsNamedInTheStatusLine() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.baseUrlOverrideProperty().set("https://proxy.example.test/v2");
        assertEquals("Sandbox · https://proxy.example.test/v2 (override) · test data",
                vm.environmentDescriptionProperty().get());
        vm.baseUrlOverrideProperty().set("");
        assertEquals("Sandbox · https://api-sandbox.argyle.com/v2 · test data", vm.environmentDescriptionProperty().get());
    }

    @Test
    void theEnvironmentCanNotBeUnset() {
        MainViewModel vm = viewModel(new MemoryThemePreference());
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.environmentProperty().set(null);
        assertEquals(Environment.SANDBOX, vm.environmentProperty().get());
    }

    @Test
    void theThemeChoiceIsRemembered() {
        MemoryThemePreference preference = new MemoryThemePreference();
        viewModel(preference).darkThemeProperty().set(true);
        assertTrue(preference.dark());
        assertTrue(viewModel(preference).darkThemeProperty().get());
    }
}
