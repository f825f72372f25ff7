package io.tokenconsole.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of DESIGN.md, checked on the compiled classes. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tokenconsole");
    }

    @Test
    void onlyTheWindowAndTheLauncherTouchJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.tokenconsole.ui..")
                .and().doNotHaveFullyQualifiedName("io.tokenconsole.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void servicesDoNotReachUpIntoTheWindowOrTheCommands() {
        noClasses().that().resideInAnyPackage(
                        "io.tokenconsole.argyle..", "io.tokenconsole.inspect..", "io.tokenconsole.store..",
                        "io.tokenconsole.link..", "io.tokenconsole.emulator..", "io.tokenconsole.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tokenconsole.ui..", "io.tokenconsole.cli..")
                .check(classes);
    }

    @Test
    void commandsDoNotUseTheWindow() {
        noClasses().that().resideInAPackage("io.tokenconsole.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.tokenconsole.ui..")
                .check(classes);
    }

    @Test
    void inspectorNeedsNoNetworkOrDatabase() {
        noClasses().that().resideInAPackage("io.tokenconsole.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.net.http..", "java.sql..", "io.tokenconsole.store..", "io.tokenconsole.emulator..")
                .check(classes);
    }

    @Test
    void theWindowDoesNotUseTheCommands() {
        noClasses().that().resideInAPackage("io.tokenconsole.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.tokenconsole.cli..")
                .check(classes);
    }

    private static final String[] PANES = {"inspector", "users", "tokens", "link", "audit", "settings"};

    @Test
    void panesMeetThroughTheSessionNeverByImportingEachOther() {
        for (String pane : PANES) {
            String[] others = java.util.Arrays.stream(PANES).filter(other -> !other.equals(pane))
                    .map(other -> "io.tokenconsole.ui." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.tokenconsole.ui." + pane + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void controllersOnlyBindTheyReachNoServiceDirectly() {
        // The environment is the one service value a controller may name: the switch binds to it.
        noClasses().that().haveSimpleNameEndingWith("Controller").and().resideInAPackage("io.tokenconsole.ui..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "io.tokenconsole.store..", "io.tokenconsole.argyle..", "io.tokenconsole.emulator..",
                                "io.tokenconsole.workflow..", "io.tokenconsole.link..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                                        io.tokenconsole.argyle.Environment.class))))
                .check(classes);
    }

    @Test
    void theSharedWorkflowKnowsNothingOfEitherFrontEnd() {
        noClasses().that().resideInAPackage("io.tokenconsole.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tokenconsole.ui..", "io.tokenconsole.cli..",
                        "javafx..")
                .check(classes);
    }
}
