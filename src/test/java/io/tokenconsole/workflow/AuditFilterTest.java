package io.tokenconsole.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenconsole.argyle.Environment;
import io.tokenconsole.store.AuditAction;
import io.tokenconsole.store.AuditQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String ID = "018051aa-f7a9-a0db-2f38-6cfa325e9d69";

    private static AuditFilter filter(AuditFilter.Period period) {
        return new AuditFilter(period, null, null, Environment.SANDBOX, null, "");
    }

    @Test
    void periodsCountBackFromNowAndTodayStartsAtLocalMidnight() {
        assertEquals(Instant.parse("2026-11-27T09:30:00Z"),
                filter(AuditFilter.Period.LAST_HOUR).toQuery(NOW, BERLIN, 10).since());
        assertEquals(Instant.parse("2026-11-20T10:30:00Z"),
                filter(AuditFilter.Period.LAST_7_DAYS).toQuery(NOW, BERLIN, 10).since());
        assertEquals(Instant.parse("2026-10-28T10:30:00Z"),
                filter(AuditFilter.Period.LAST_30_DAYS).toQuery(NOW, BERLIN, 10).since());
        // Midnight in Berlin (UTC+1 in November) is 23:00 UTC the day before.
        assertEquals(Instant.parse("2026-11-26T23:00:00Z"), filter(AuditFilter.Period.TODAY).toQuery(NOW, BERLIN, 10).since());
        AuditQuery all = filter(AuditFilter.Period.ALL_TIME).toQuery(NOW, BERLIN, 10);
        assertNull(all.since());
        assertNull(all.until());
    }

    @Test
    void betweenDatesTakesWholeLocalDaysBothInclusive() {
        AuditQuery query = new AuditFilter(AuditFilter.Period.BETWEEN, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-03"), null, null, "").toQuery(NOW, BERLIN, 10);
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), query.since());
        assertEquals(Instant.parse("2026-11-03T23:00:00Z"), query.until());

        AuditQuery openEnded = new AuditFilter(AuditFilter.Period.BETWEEN, LocalDate.parse("2026-11-01"), null, null,
                null, "").toQuery(NOW, BERLIN, 10);
        assertNull(openEnded.until());
    }

    @Test
    void datesTheWrongWayRoundAreRefusedWithWhatToDo() {
        AuditFilter backwards = new AuditFilter(AuditFilter.Period.BETWEEN, LocalDate.parse("2026-11-05"),
                LocalDate.parse("2026-11-03"), null, null, "");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> backwards.toQuery(NOW, BERLIN, 10));
        assertEquals("The first day (2026-11-05) is after the last day (2026-11-03): swap the dates.", refused.getMessage());
    }

    @Test
    void environmentActionUserAndLimitGoIntoTheQuery() {
        AuditQuery query = new AuditFilter(AuditFilter.Period.ALL_TIME, null, null, Environment.PRODUCTION,
                AuditAction.TOKEN_ISSUED, "  " + ID.toUpperCase() + " ").toQuery(NOW, BERLIN, 25);
        assertEquals(Environment.PRODUCTION, query.environment());
        assertEquals(AuditAction.TOKEN_ISSUED, query.action());
        assertEquals(ID, query.userId());
        assertEquals(25, query.limit());
    }

    @Test
    void halfAUserIdIsNotAnIdAndTheMessageSaysSo() {
        AuditFilter partial = new AuditFilter(AuditFilter.Period.ALL_TIME, null, null, null, null, "018051aa-f7a9");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> partial.toQuery(NOW, BERLIN, 10));
        assertTrue(refused.getMessage().startsWith("'018051aa-f7a9' is only part of a user id (13 of 36 characters)"),
                refused.getMessage());

        AuditFilter junk = new AuditFilter(AuditFilter.Period.ALL_TIME, null, null, null, null, "jane@example.com");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> junk.toQuery(NOW, BERLIN, 10)).getMessage()
                .contains("is not an Argyle user id"));
    }

    @Test
    void periodsAreFoundByTheirDisplayName() {
        for (AuditFilter.Period period : AuditFilter.Period.values()) {
            assertEquals(period, AuditFilter.Period.fromDisplayName(period.displayName()).orElseThrow());
        }
        assertTrue(AuditFilter.Period.fromDisplayName("Yesterday").isEmpty());
    }
}
