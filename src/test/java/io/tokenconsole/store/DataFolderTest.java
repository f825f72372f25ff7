package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    private static final Path HOME = Path.of("/home/jane");

    @Test
    void onLinuxTheFolderFollowsXdgDataHome() {
        DataFolder folder = DataFolder.resolve(Optional.empty(), "Linux", Map.of("XDG_DATA_HOME", "/data/jane"), HOME);
        assertEquals(Path.of("/data/jane/token-console"), folder.path());
        assertEquals(DataFolder.Source.PLATFORM_DEFAULT, folder.source());
    }

    @Test
    void onLinuxWithoutXdgDataHomeTheFolderIsInLocalShare() {
        assertEquals(Path.of("/home/jane/.local/share/token-console"),
                DataFolder.resolve(Optional.empty(), "Linux", Map.of(), HOME).path());
    }

    @Test
    void aRelativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        assertEquals(Path.of("/home/jane/.local/share/token-console"),
                DataFolder.resolve(Optional.empty(), "Linux", Map.of("XDG_DATA_HOME", "relative/path"), HOME).path());
    }

    @Test
    void onMacTheFolderIsInApplicationSupport() {
        assertEquals(Path.of("/home/jane/Library/Application Support/Token Console"),
                DataFolder.resolve(Optional.empty(), "Mac OS X", Map.of(), HOME).path());
    }

    @Test
    void onWindowsTheFolderIsInAppData() {
        DataFolder folder = DataFolder.resolve(Optional.empty(), "Windows 11",
                Map.of("APPDATA", "/roaming/jane"), HOME);
        assertEquals(Path.of("/roaming/jane/Token Console"), folder.path());
        assertEquals(Path.of("/home/jane/AppData/Roaming/Token Console"),
                DataFolder.resolve(Optional.empty(), "Windows 10", Map.of(), HOME).path());
    }

    @Test
    void tokenConsoleHomeMovesTheFolderOnEveryPlatform() {
        DataFolder folder = DataFolder.resolve(Optional.empty(), "Mac OS X",
                Map.of("TOKEN_CONSOLE_HOME", "/srv/console", "XDG_DATA_HOME", "/data"), HOME);
        assertEquals(Path.of("/srv/console"), folder.path());
        assertEquals(DataFolder.Source.HOME_VARIABLE, folder.source());
    }

    @Test
    void anExplicitDataDirWinsOverEverything() {
        DataFolder folder = DataFolder.resolve(Optional.of(Path.of("~/cases/4711")), "Linux",
                Map.of("TOKEN_CONSOLE_HOME", "/srv/console"), HOME);
        assertEquals(Path.of("/home/jane/cases/4711"), folder.path());
        assertEquals(DataFolder.Source.DATA_DIR_OPTION, folder.source());
    }

    @Test
    void aNewFolderIsCreatedForItsOwnerOnly(@TempDir Path temp) throws Exception {
        assumeTrue(DataFolder.supportsPosix());
        DataFolder folder = new DataFolder(temp.resolve("nested/token-console"), DataFolder.Source.DATA_DIR_OPTION);
        folder.ensureExists();
        assertTrue(Files.isDirectory(folder.path()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.path())));
        folder.ensureExists(); // a second start finds it and is content
    }
}
