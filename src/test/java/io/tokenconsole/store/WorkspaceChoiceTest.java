package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceChoiceTest {

    @TempDir
    Path dir;

    private DataFolder folder() {
        return new DataFolder(dir, DataFolder.Source.DATA_DIR_OPTION);
    }

    private static final String TEAM = "postgresql://support@db.example.com:5432/tokenconsole";

    @Test
    void withNothingChosenTheWorkspaceIsOnThisComputer() {
        WorkspaceChoice choice = WorkspaceChoice.resolve(Optional.empty(), Map.of(), folder());
        assertEquals(new WorkspaceLocation.ThisComputer(folder()), choice.location());
        assertEquals(WorkspaceChoice.Source.DEFAULT, choice.source());
        assertEquals("This computer (" + dir.resolve("workspace.db") + ")", choice.location().describe());
        assertEquals(Operator.fromSystem(), choice.operator());
    }

    @Test
    void theOptionBeatsTheVariableWhichBeatsTheSavedChoice() {
        WorkspaceChoice.save(folder(), new WorkspaceLocation.Team(PostgresAddress.parse(TEAM)), Optional.empty());
        String variable = "postgresql://jane@other.example.com/tc";

        assertEquals(WorkspaceChoice.Source.SAVED, WorkspaceChoice.resolve(Optional.empty(), Map.of(), folder()).source());
        assertEquals("Team: support@db.example.com:5432/tokenconsole",
                WorkspaceChoice.resolve(Optional.empty(), Map.of(), folder()).location().describe());
        WorkspaceChoice fromVariable = WorkspaceChoice.resolve(Optional.empty(), Map.of(WorkspaceChoice.VARIABLE, variable), folder());
        assertEquals(WorkspaceChoice.Source.VARIABLE, fromVariable.source());
        assertEquals("Team: jane@other.example.com:5432/tc", fromVariable.location().describe());
        WorkspaceChoice fromOption = WorkspaceChoice.resolve(Optional.of("this-computer"),
                Map.of(WorkspaceChoice.VARIABLE, variable), folder());
        assertEquals(WorkspaceChoice.Source.OPTION, fromOption.source());
        assertEquals(new WorkspaceLocation.ThisComputer(folder()), fromOption.location());
    }

    @Test
    void anOperatorNameLongerThanALabelIsRefusedInPlainWordsAndNotSaved() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> WorkspaceChoice.save(folder(), new WorkspaceLocation.ThisComputer(folder()), Optional.of("n".repeat(201))));
        assertEquals("A name for the audit log is at most 200 characters; this one has 201.", refused.getMessage());
        assertTrue(Files.notExists(dir.resolve(WorkspaceChoice.FILE_NAME)));
        assertEquals("n".repeat(200), new Operator("n".repeat(200)).name());
    }

    @Test
    void localInTheVariableMeansThisComputerAsOnTheCommandLine() {
        WorkspaceChoice.save(folder(), new WorkspaceLocation.Team(PostgresAddress.parse(TEAM)), Optional.empty());
        WorkspaceChoice choice = WorkspaceChoice.resolve(Optional.empty(), Map.of(WorkspaceChoice.VARIABLE, "local"), folder());
        assertEquals(new WorkspaceLocation.ThisComputer(folder()), choice.location());
        assertEquals(WorkspaceChoice.Source.VARIABLE, choice.source());
    }

    @Test
    void inATeamWorkspaceTheOperatorIsTheConfiguredNameElseTheDatabaseRole() {
        Optional<String> team = Optional.of(TEAM);
        assertEquals(new Operator("support"), WorkspaceChoice.resolve(team, Map.of(), folder()).operator());

        WorkspaceChoice.save(folder(), new WorkspaceLocation.ThisComputer(folder()), Optional.of("  Jane Doe "));

        assertEquals(new Operator("Jane Doe"), WorkspaceChoice.resolve(team, Map.of(), folder()).operator());
        assertEquals(new Operator("Jane Doe"), WorkspaceChoice.resolve(Optional.empty(), Map.of(), folder()).operator());
    }

    @Test
    void theSavedFileHoldsTheAddressAndNeverAPassword() throws Exception {
        WorkspaceChoice.save(folder(), new WorkspaceLocation.Team(PostgresAddress.parse(TEAM + "?sslmode=require")),
                Optional.of("jane"));
        String saved = Files.readString(dir.resolve(WorkspaceChoice.FILE_NAME));
        assertTrue(saved.contains("location=postgresql\\://support@db.example.com\\:5432/tokenconsole?sslmode\\=require"), saved);
        assertTrue(saved.contains("operator=jane"), saved);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> WorkspaceChoice.resolve(
                Optional.of("postgresql://support:Hunter2-secret@db/tc"), Map.of(), folder()));
        assertTrue(refused.getMessage().startsWith("The workspace in --workspace is not usable. Leave the password out"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("Hunter2"), refused.getMessage());
    }

    @Test
    void aBadAddressSaysWhereItCameFrom() throws Exception {
        Files.writeString(dir.resolve(WorkspaceChoice.FILE_NAME), "location=mysql://db/tc\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WorkspaceChoice.resolve(Optional.empty(), Map.of(), folder()));
        assertTrue(refused.getMessage().startsWith("The workspace in " + dir.resolve(WorkspaceChoice.FILE_NAME)
                + " is not usable. A team workspace address starts with postgresql://"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("(Or write this-computer for the workspace on this computer.)"),
                refused.getMessage());
    }
}
