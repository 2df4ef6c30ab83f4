package dev.quietloop.bot.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quietloop.bot.run.RunControl;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.junit.jupiter.api.Test;

/** Pacing against a manual clock that an idle call moves on by one step: intended times are exact. */
class PacerTest
{
    private static final long START_NS = 1_000_000_000L;
    private static final long STEP_NS = 1_000;
    private static final long MS = 1_000_000L;

    private final RunControl control = new RunControl();
    private final ManualClock clock = new ManualClock();

    @Test
    void shouldHandEveryTickOverAtOnceAtMaxSpeed()
    {
        final Pacer pacer = Pacer.max(clock, clock, control);

        assertEquals(START_NS, pacer.awaitTick(0));
        assertEquals(START_NS, pacer.awaitTick(60_000 * MS));
        assertEquals(0, clock.idles);
        assertFalse(pacer.isPaced());
    }

    @Test
    void shouldKeepTheFileSpacingDividedBySpeedAndReturnTheIntendedTime()
    {
        final Pacer pacer = Pacer.speed(2, clock, clock, control);

        assertEquals(START_NS, pacer.awaitTick(500 * MS));
        assertEquals(START_NS + 5 * MS, pacer.awaitTick(510 * MS));
        assertEquals(START_NS + 5 * MS, clock.nowNs);
        assertEquals(START_NS + 50 * MS, pacer.awaitTick(600 * MS));
        assertEquals(5 * MS / STEP_NS + 45 * MS / STEP_NS, clock.idles);
        assertTrue(pacer.isPaced());
    }

    @Test
    void shouldSpaceTicksEvenlyAtAFixedRateWhateverTheirTimestamps()
    {
        final Pacer pacer = Pacer.rate(1_000, clock, clock, control);

        assertEquals(START_NS, pacer.awaitTick(7));
        assertEquals(START_NS + MS, pacer.awaitTick(7));
        assertEquals(START_NS + 2 * MS, pacer.awaitTick(3));
    }

    @Test
    void shouldMeasureFromTheIntendedTimeWhenTheReplayIsLate()
    {
        final Pacer pacer = Pacer.rate(1_000, clock, clock, control);
        pacer.awaitTick(0);
        clock.nowNs += 10 * MS; // the trading thread was held up for ten ticks' worth

        final long idlesBefore = clock.idles;
        assertEquals(START_NS + MS, pacer.awaitTick(0));
        assertEquals(START_NS + 2 * MS, pacer.awaitTick(0));
        assertEquals(idlesBefore, clock.idles);
    }

    @Test
    void shouldNeverScheduleATickEarlierThanThePreviousOneWhenTimestampsStepBack()
    {
        final Pacer pacer = Pacer.speed(1, clock, clock, control);

        pacer.awaitTick(100 * MS);
        assertEquals(START_NS + 20 * MS, pacer.awaitTick(120 * MS));
        assertEquals(START_NS + 20 * MS, pacer.awaitTick(110 * MS));
    }

    @Test
    void shouldStopWaitingWhenAStopIsRequested()
    {
        clock.stopOnIdle = control;
        final Pacer pacer = Pacer.speed(1, clock, clock, control);

        pacer.awaitTick(0);
        assertEquals(START_NS + 3_600_000 * MS, pacer.awaitTick(3_600_000 * MS));
        assertEquals(1, clock.idles);
    }

    @Test
    void shouldRefuseSpeedsAndRatesThatAreNotPositive()
    {
        assertThrows(IllegalArgumentException.class, () -> Pacer.speed(0, clock, clock, control));
        assertThrows(IllegalArgumentException.class, () -> Pacer.rate(-1, clock, clock, control));
        assertThrows(IllegalArgumentException.class, () -> Pacer.speed(Double.NaN, clock, clock, control));
    }

    /** A clock that stands still until the pacer idles; each idle moves it one step on. */
    private static final class ManualClock implements NanoClock, IdleStrategy
    {
        long nowNs = START_NS;
        long idles;
        RunControl stopOnIdle;

        @Override
        public long nanoTime()
        {
            return nowNs;
        }

        @Override
        public void idle(final int workCount)
        {
            idle();
        }

        @Override
        public void idle()
        {
            idles++;
            nowNs += STEP_NS;
            if (stopOnIdle != null)
            {
                stopOnIdle.requestStop();
            }
        }

        @Override
        public void reset()
        {
        }
    }
}
