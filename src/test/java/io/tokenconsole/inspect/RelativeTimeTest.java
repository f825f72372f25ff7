package io.tokenconsole.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void saysHowFarAheadOrBehindInTheLargestSensibleUnit() {
        assertEquals("in 42 min", RelativeTime.between(NOW, NOW.plusSeconds(42 * 60 + 10)));
        assertEquals("3 days ago", RelativeTime.between(NOW, NOW.minus(Duration.ofDays(3))));
        assertEquals("in 30 s", RelativeTime.between(NOW, NOW.plusSeconds(30)));
        assertEquals("1 h 5 min ago", RelativeTime.between(NOW, NOW.minusSeconds(3900)));
        assertEquals("in 2 days", RelativeTime.between(NOW, NOW.plus(Duration.ofHours(48))));
        assertEquals("in 47 h", RelativeTime.between(NOW, NOW.plus(Duration.ofHours(47))));
        assertEquals("2 months ago", RelativeTime.between(NOW, NOW.minus(Duration.ofDays(65))));
        assertEquals("4 years ago", RelativeTime.between(NOW, NOW.minus(Duration.ofDays(4 * 365 + 10))));
        assertEquals("now", RelativeTime.between(NOW, NOW));
    }

    @Test
    void lifetimesUseWholeUnitsWhenTheyFit() {
        assertEquals("1 hour", RelativeTime.lifetime(Duration.ofHours(1)));
        assertEquals("30 days", RelativeTime.lifetime(Duration.ofDays(30)));
        assertEquals("1 h 30 min", RelativeTime.lifetime(Duration.ofMinutes(90)));
    }
}
