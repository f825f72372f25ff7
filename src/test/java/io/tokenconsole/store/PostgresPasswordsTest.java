package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresPasswordsTest {

    private static final PostgresAddress TEAM = PostgresAddress.parse("postgresql://support@db.example.com:5432/tokenconsole");

    @TempDir
    Path home;

    private final SessionCredentialStore store = new SessionCredentialStore("test");

    private PostgresPasswords passwords(Map<String, String> env) {
        return new PostgresPasswords(env, home, "Linux", store);
    }

    private void pgpass(String text) throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, text);
        if (DataFolder.supportsPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void pgpasswordComesFirstAndIsTakenExactlyAsGiven() throws Exception {
        pgpass("*:*:*:*:from-the-file\n");
        store.storeWorkspacePassword(TEAM.uri(), Secret.of("from-the-store"));

        PostgresPasswords.Lookup lookup = passwords(Map.of("PGPASSWORD", " spaced ")).lookup(TEAM);

        assertEquals(" spaced ", lookup.found().orElseThrow().password().reveal());
        assertEquals("$PGPASSWORD", lookup.found().orElseThrow().source());
    }

    @Test
    void theFirstMatchingLineOfPgpassWinsWithWildcardsAndEscapes() throws Exception {
        pgpass("""
                # comments and short lines are skipped
                db.example.com:5432:other:support:not-this-database
                db.example.com:5432
                db.example.com:*:tokenconsole:support:pa\\:ss\\\\word:with:colons
                *:*:*:*:catch-all
                """);

        assertEquals("pa:ss\\word:with:colons", passwords(Map.of()).find(TEAM).orElseThrow().reveal());
        PostgresAddress elsewhere = PostgresAddress.parse("postgresql://jane@other.example.com:6543/x");
        assertEquals("catch-all", passwords(Map.of()).find(elsewhere).orElseThrow().reveal());
    }

    @Test
    void pgpassfileNamesAnotherFile() throws Exception {
        Path file = home.resolve("team.pgpass");
        Files.writeString(file, "db.example.com:5432:tokenconsole:support:named-file\n");
        if (DataFolder.supportsPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        PostgresPasswords.Lookup lookup = passwords(Map.of("PGPASSFILE", file.toString())).lookup(TEAM);
        assertEquals("named-file", lookup.found().orElseThrow().password().reveal());
        assertEquals(file.toString(), lookup.found().orElseThrow().source());
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredWithAWarning() throws Exception {
        assumeTrue(DataFolder.supportsPosix(), "file modes are a POSIX rule");
        pgpass("*:*:*:*:readable-by-all\n");
        Files.setPosixFilePermissions(home.resolve(".pgpass"), PosixFilePermissions.fromString("rw-r--r--"));
        store.storeWorkspacePassword(TEAM.uri(), Secret.of("from-the-store"));

        PostgresPasswords.Lookup lookup = passwords(Map.of()).lookup(TEAM);

        assertEquals("from-the-store", lookup.found().orElseThrow().password().reveal());
        assertEquals(List.of("The password file " + home.resolve(".pgpass") + " is ignored: others may read it."
                + " Make it readable by you only (chmod 0600 " + home.resolve(".pgpass") + ")."), lookup.warnings());
    }

    @Test
    void theCredentialStoreKeepsAPasswordPerAddress() {
        PostgresPasswords passwords = passwords(Map.of());
        assertTrue(passwords.find(TEAM).isEmpty());

        passwords.save(TEAM, Secret.verbatim("kept in the store"));

        assertEquals("kept in the store", passwords.find(TEAM).orElseThrow().reveal());
        assertEquals(Optional.empty(), passwords.find(PostgresAddress.parse("postgresql://support@db.example.com:5432/other")));
        assertTrue(passwords.forget(TEAM));
        assertFalse(passwords.forget(TEAM));
        assertTrue(passwords.find(TEAM).isEmpty());
    }

    @Test
    void onWindowsTheFileIsInAppData() {
        PostgresPasswords windows = new PostgresPasswords(Map.of("APPDATA", "C:\\Users\\jane\\AppData\\Roaming"), home,
                "Windows 11", store);
        assertEquals(Path.of("C:\\Users\\jane\\AppData\\Roaming", "postgresql", "pgpass.conf"), windows.passwordFile());
    }
}
