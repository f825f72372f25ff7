package io.tokenconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.ui.MemoryThemePreference;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private static final String LOCAL = "Local sandbox · built-in emulator at http://127.0.0.1:1/v2";

    @Test
    void theStatusLineNamesTheLocalSandboxItWasGiven() {
        assertEquals(LOCAL, new MainViewModel(new MemoryThemePreference(), LOCAL).environmentDescriptionProperty().get());
    }


    @Test
    void theConsoleAlwaysStartsOnTheLocalSandbox() {
        MainViewModel vm = new MainViewModel(new MemoryThemePreference(), LOCAL);
        assertEquals(Environment.LOCAL, vm.environmentProperty().get());
        assertEquals("Token Console — Local sandbox", vm.windowTitleProperty().get());
        assertFalse(vm.productionProperty().get());
    }

    @Test
    void productionIsNamedInCapitalsInTheTitle() {
        MainViewModel vm = new MainViewModel(new MemoryThemePreference(), LOCAL);
        vm.environmentProperty().set(Environment.PRODUCTION);
        assertEquals("Token Console — PRODUCTION", vm.windowTitleProperty().get());
        assertTrue(vm.productionProperty().get());
        assertTrue(vm.environmentDescriptionProperty().get().startsWith("PRODUCTION · https://api.argyle.com/v2"));
    }

    @Test
    void aBaseUrlOverrideIsNamedInTheStatusLine() {
        MainViewModel vm = new MainViewModel(new MemoryThemePreference(), LOCAL);
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.baseUrlOverrideProperty().set("https://proxy.example.test/v2");
        assertEquals("Sandbox · https://proxy.example.test/v2 (override) · test data",
                vm.environmentDescriptionProperty().get());
        vm.baseUrlOverrideProperty().set("");
        assertEquals("Sandbox · https://api-sandbox.argyle.com/v2 · test data", vm.environmentDescriptionProperty().get());
    }

    @Test
    void theEnvironmentCanNotBeUnset() {
        MainViewModel vm = new MainViewModel(new MemoryThemePreference(), LOCAL);
        vm.environmentProperty().set(Environment.SANDBOX);
        vm.environmentProperty().set(null);
        assertEquals(Environment.SANDBOX, vm.environmentProperty().get());
    }

    @Test
    void theThemeChoiceIsRemembered() {
        MemoryThemePreference preference = new MemoryThemePreference();
        new MainViewModel(preference, LOCAL).darkThemeProperty().set(true);
        assertTrue(preference.dark());
        assertTrue(new MainViewModel(preference, LOCAL).darkThemeProperty().get());
    }
}
