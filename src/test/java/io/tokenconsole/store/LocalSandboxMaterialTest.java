package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSandboxMaterialTest {

    @TempDir
    Path folder;

    @Test
    void theKeysGeneratedOnFirstStartAreTheKeysOfEveryLaterStart() throws Exception {
        LocalSandboxMaterial first = LocalSandboxMaterial.loadOrCreate(folder);
        byte[] signed = sign(first, "a user token");

        LocalSandboxMaterial later = LocalSandboxMaterial.loadOrCreate(folder);

        assertEquals(first.apiKeyId(), later.apiKeyId());
        assertEquals(first.apiSecret(), later.apiSecret());
        assertEquals(first.kid(), later.kid());
        assertArrayEquals(first.signingKeys().getPrivate().getEncoded(), later.signingKeys().getPrivate().getEncoded());
        assertTrue(verify(later, "a user token", signed), "yesterday's token still verifies");
        assertEquals(2048, later.publicKey().getModulus().bitLength());
    }

    @Test
    void anotherFolderGetsItsOwnKeys(@TempDir Path elsewhere) {
        LocalSandboxMaterial mine = LocalSandboxMaterial.loadOrCreate(folder);
        LocalSandboxMaterial theirs = LocalSandboxMaterial.loadOrCreate(elsewhere);
        assertNotEquals(mine.apiSecret(), theirs.apiSecret());
        assertNotEquals(mine.kid(), theirs.kid());
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
        assumeTrue(DataFolder.supportsPosix());
        LocalSandboxMaterial.loadOrCreate(folder);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(LocalSandboxMaterial.FILE_NAME))));
    }

    @Test
    void theKidIsTheRfc7638ThumbprintOfThePublicKey() {
        LocalSandboxMaterial material = LocalSandboxMaterial.loadOrCreate(folder);
        assertEquals(LocalSandboxMaterial.thumbprint(material.publicKey()), material.kid());
        assertEquals(43, material.kid().length(), "base64url of 32 bytes, unpadded");
    }

    @Test
    void printingTheMaterialShowsNoSecret() {
        LocalSandboxMaterial material = LocalSandboxMaterial.loadOrCreate(folder);
        assertFalse(material.toString().contains(material.apiSecret()));
    }

    @Test
    void aDamagedKeyFileIsReportedNotSilentlyReplaced() throws Exception {
        Path file = folder.resolve(LocalSandboxMaterial.FILE_NAME);
        Files.writeString(file, "{\"format\": 1, \"api_key_id\": \"x\"", StandardCharsets.UTF_8);

        WorkspaceException damaged = assertThrows(WorkspaceException.class, () -> LocalSandboxMaterial.loadOrCreate(folder));

        assertTrue(damaged.getMessage().contains("Delete the file to generate new ones"), damaged.getMessage());
        assertEquals("{\"format\": 1, \"api_key_id\": \"x\"", Files.readString(file));
    }

    private static byte[] sign(LocalSandboxMaterial material, String text) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(material.signingKeys().getPrivate());
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }

    private static boolean verify(LocalSandboxMaterial material, String text, byte[] signed) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(material.signingKeys().getPublic());
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return signature.verify(signed);
    }
}
