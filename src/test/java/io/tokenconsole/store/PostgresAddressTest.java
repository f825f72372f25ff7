package io.tokenconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostgresAddressTest {

    @Test
    void theFullFormIsReadAndWrittenBackCanonically() {
        PostgresAddress address = PostgresAddress.parse("postgresql://support@db.example.com:5433/tokenconsole");
        assertEquals(new PostgresAddress("db.example.com", 5433, "tokenconsole", "support"), address);
        assertEquals("postgresql://support@db.example.com:5433/tokenconsole", address.uri());
        assertEquals("support@db.example.com:5433/tokenconsole", address.shortForm());
        assertEquals("jdbc:postgresql://db.example.com:5433/tokenconsole", address.jdbcUrl());
    }

    @Test
    void theShortSchemeAndADefaultPortAreAccepted() {
        PostgresAddress address = PostgresAddress.parse("  postgres://support@db.example.com/tokenconsole ");
        assertEquals(PostgresAddress.DEFAULT_PORT, address.port());
        assertEquals("postgresql://support@db.example.com:5432/tokenconsole", address.uri());
    }

    @Test
    void anIpv6ServerGoesInBrackets() {
        PostgresAddress address = PostgresAddress.parse("postgresql://support@[::1]:54329/tc");
        assertEquals("::1", address.host());
        assertEquals(54329, address.port());
        assertEquals("postgresql://support@[::1]:54329/tc", address.uri());

        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> PostgresAddress.parse("postgresql://support@::1:54329/tc"));
        assertTrue(bare.getMessage().contains("Put an IPv6 address in brackets"), bare.getMessage());
    }

    @Test
    void escapedCharactersInTheUserAndDatabaseAreDecodedAndEncodedAgain() {
        PostgresAddress address = PostgresAddress.parse("postgresql://jane%40support@db/token%20console");
        assertEquals("jane@support", address.user());
        assertEquals("token console", address.database());
        assertEquals("postgresql://jane%40support@db:5432/token%20console", address.uri());
        assertEquals(address, PostgresAddress.parse(address.uri()));
    }

    @Test
    void sslmodeIsTheOneOptionKept() {
        PostgresAddress address = PostgresAddress.parse("postgresql://support@db/tc?sslmode=verify-full");
        assertEquals("verify-full", address.sslMode());
        assertEquals("postgresql://support@db:5432/tc?sslmode=verify-full", address.uri());
        assertNull(PostgresAddress.parse("postgresql://support@db/tc").sslMode());

        assertRefused("postgresql://support@db/tc?sslmode=sometimes", "sslmode must be one of");
        assertRefused("postgresql://support@db/tc?application_name=x", "Only sslmode may follow '?'");
    }

    @Test
    void aPasswordInTheAddressIsRefusedWithoutRepeatingIt() {
        for (String uri : new String[] {"postgresql://support:Hunter2-secret@db.example.com:5432/tc",
                "postgresql://support:Hunter2-secret@db.example.com/tc", "postgresql://support@db.example.com/tc?password=Hunter2-secret",
                "postgresql://support:Hunter2-secret@db.example.com"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PostgresAddress.parse(uri));
            assertFalse(refused.getMessage().contains("Hunter2"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Leave the password out of the address"), refused.getMessage());
            assertTrue(refused.getMessage().contains("~/.pgpass"), refused.getMessage());
        }
        IllegalArgumentException withPath = assertThrows(IllegalArgumentException.class,
                () -> PostgresAddress.parse("postgresql://support:Hunter2-secret@db.example.com:5432/tc"));
        assertTrue(withPath.getMessage().contains("write postgresql://support@db.example.com:5432/tc"), withPath.getMessage());
    }

    @Test
    void whatIsMissingIsNamedWithWhatToWrite() {
        assertRefused("postgresql://db.example.com/tc", "Name the database user before the server: postgresql://USER@db.example.com/tc");
        assertRefused("postgresql://support@db.example.com", "Name the database after the server: postgresql://support@db.example.com/DATABASE");
        assertRefused("postgresql://support@db.example.com:5432/", "/DATABASE");
        assertRefused("postgresql://support@/tc", "Name the server after '@'");
        assertRefused("", "is empty");
        assertRefused("postgresql://support@db.example.com:http/tc", "number from 1 to 65535, not 'http'");
        assertRefused("postgresql://support@db.example.com:70000/tc", "not '70000'");
        assertRefused("postgresql://support@a,b/tc", "names one server");
        assertRefused("postgresql://support@db/t%zzc", "two hex digits");
    }

    @Test
    void anotherSchemeIsRefusedWithTheFormToUse() {
        assertRefused("jdbc:postgresql://db/tc", "Leave out 'jdbc:'");
        assertRefused("mysql://support@db/tc", "starts with postgresql:// (this one has 'mysql:')");
        assertRefused("db.example.com/tc", "(this one has no scheme)");
    }

    private static void assertRefused(String uri, String expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PostgresAddress.parse(uri));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
