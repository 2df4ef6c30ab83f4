package dev.quietloop.protocol.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpTest
{
    @Test
    void shouldTakeFivePercentOfTheTicksByDefault()
    {
        assertEquals(2_500, WarmUp.defaultTicks(50_000), "the shipped sample");
        assertEquals(100_000, WarmUp.defaultTicks(2_000_000));
        assertEquals(0, WarmUp.defaultTicks(19), "too short for a warm-up");
        assertEquals(0, WarmUp.defaultTicks(0));
    }

    @Test
    void shouldCapTheDefaultWarmUpsTicks()
    {
        assertEquals(WarmUp.DEFAULT_MAX_TICKS, WarmUp.defaultTicks(100_000_000));
        assertEquals(WarmUp.DEFAULT_MAX_TICKS, WarmUp.defaultTicks(Long.MAX_VALUE / WarmUp.DEFAULT_TICKS_PERCENT));
    }

    @Test
    void shouldNeverTakeMoreThanTenPercentOfAnyTickCount()
    {
        for (long ticks = 0; ticks <= 100_000; ticks += 7)
        {
            final long warmUp = WarmUp.defaultTicks(ticks);
            assertTrue(warmUp * 10 <= ticks, ticks + " ticks: " + warmUp);
            assertTrue(WarmUp.fitsIn(warmUp, ticks), ticks + " ticks: " + warmUp);
        }
        for (long ticks = 1; ticks <= 4_000_000_000L; ticks *= 3)
        {
            assertTrue(WarmUp.fitsIn(WarmUp.defaultTicks(ticks), ticks), ticks + " ticks");
        }
    }

    @Test
    void shouldFitAWarmUpOfAtMostTenPercentOfTheEvents()
    {
        assertTrue(WarmUp.fitsIn(409, 4_092));
        assertFalse(WarmUp.fitsIn(410, 4_092));
        assertTrue(WarmUp.fitsIn(0, 0));
        assertFalse(WarmUp.fitsIn(1, 0));
    }

    @Test
    void shouldHoldEveryEventUntilTheTradingThreadEndsAWarmUpByTicks()
    {
        final WarmUp warmUp = WarmUp.ofTicks(2_500);
        assertTrue(warmUp.isOpen());
        assertEquals(Long.MAX_VALUE, warmUp.lastSequence());

        warmUp.endAt(176);

        assertFalse(warmUp.isOpen());
        assertEquals(176, warmUp.lastSequence());
        assertEquals(2_500, warmUp.ticks());
    }

    @Test
    void shouldHaveNoWarmUpForNoTicksOrNoEvents()
    {
        assertEquals(0, WarmUp.ofTicks(0).lastSequence());
        assertFalse(WarmUp.ofTicks(0).isOpen());
        assertEquals(0, WarmUp.ofEvents(0).lastSequence());
        assertEquals(0, WarmUp.none().lastSequence());
        assertEquals(100, WarmUp.ofEvents(100).lastSequence());
        assertEquals(0, WarmUp.ofEvents(100).ticks());
        assertThrows(IllegalArgumentException.class, () -> WarmUp.ofTicks(-1));
    }
}
