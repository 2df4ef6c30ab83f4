package dev.quietloop.bot.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.wire.testing.Allocations;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;

/** The meter's duty cycle driven on the test thread, its clock and the JVM's uptime faked. */
class HiccupMeterTest
{
    private static final long INTERVAL_NS = 1_000_000;
    private static final long WARMUP_EVENTS = 5;

    private final CachedNanoClock clock = new CachedNanoClock();
    private final AtomicLong uptimeMs = new AtomicLong(1_000);
    private final BotCounters counters = new BotCounters();
    private final HopLatency hiccup = HopLatency.of(Hop.HICCUP, true);
    private final HiccupMeter meter = new HiccupMeter(
        clock, uptimeMs::get, counters.eventsProduced, WarmUp.ofEvents(WARMUP_EVENTS), INTERVAL_NS, hiccup);

    /** The window opens at the next cycle: the trading thread is past the warm-up. */
    private void open()
    {
        counters.eventsProduced.set(WARMUP_EVENTS + 1);
        meter.doWork();
    }

    /** One cycle that comes {@code lateNs} after the interval it slept. */
    private void wake(final long lateNs)
    {
        clock.advance(INTERVAL_NS + lateNs);
        meter.doWork();
    }

    @Test
    void shouldRecordAKnownLateWakeBeyondTheTimersFloor()
    {
        open();
        wake(50_000); // the timer's floor: recorded as 0
        wake(80_000);
        wake(50_000 + 300_000);

        final Histogram total = hiccup.total();

        assertEquals(3, total.getTotalCount());
        assertEquals(1, total.getCountAtValue(0));
        assertEquals(1, total.getCountBetweenValues(29_000, 31_000), "80 us late, the 50 us floor taken off");
        assertTrue(total.valuesAreEquivalent(300_000, total.getMaxValue()));
    }

    @Test
    void shouldStandAStallForTheSamplesItKeptFromBeingTaken()
    {
        open();
        wake(0);
        wake(2_500_000); // 2.5 ms: the samples at 1.5 ms the stall kept from being taken counts too

        final Histogram total = hiccup.total();

        assertEquals(3, total.getTotalCount());
        assertTrue(total.valuesAreEquivalent(2_500_000, total.getMaxValue()));
        assertEquals(1, total.getCountBetweenValues(1_400_000, 1_600_000));
    }

    @Test
    void shouldTakeAnEarlyWakeAsOnTime()
    {
        open();
        wake(10_000);
        clock.advance(INTERVAL_NS / 2); // a park that returned early
        meter.doWork();
        wake(10_000);

        final Histogram total = hiccup.total();

        assertEquals(3, total.getTotalCount());
        assertEquals(2, total.getCountAtValue(0), "the first wake is the floor; the early one is on time");
        assertTrue(total.valuesAreEquivalent(10_000, total.getMaxValue()), "not 0.5 ms late: the floor is never below 0");
    }

    @Test
    void shouldMeasureOnlyTheTradingThreadsWindowAfterTheWarmUp()
    {
        counters.eventsProduced.set(WARMUP_EVENTS);
        meter.doWork();
        wake(500_000);
        assertEquals(0, hiccup.total().getTotalCount(), "the warm-up is not measured");
        assertEquals(HiccupMeter.NOT_YET, meter.openedUptimeMs());

        uptimeMs.set(2_000);
        open();
        wake(0);
        uptimeMs.set(9_000);
        meter.onClose();

        assertEquals(1, hiccup.total().getTotalCount());
        assertEquals(2_000, meter.openedUptimeMs());
        assertEquals(9_000, meter.closedUptimeMs());
    }

    @Test
    void shouldKeepNoWindowWhenTheWarmUpNeverEnded()
    {
        meter.doWork();
        meter.onClose();

        assertEquals(HiccupMeter.NOT_YET, meter.openedUptimeMs());
        assertEquals(HiccupMeter.NOT_YET, meter.closedUptimeMs());
    }

    @Test
    void shouldAllocateNothingPerSample()
    {
        open();
        final Runnable samples = () ->
        {
            for (int i = 0; i < 10_000; i++)
            {
                wake(i % 100 == 0 ? 3 * INTERVAL_NS : 20_000 + i);
            }
        };
        samples.run(); // warm: the recorder's first touches, the JIT

        assertEquals(0, Allocations.fewestBytes(samples, 5));
        assertTrue(hiccup.total().getTotalCount() > 20_000);
    }

    @Test
    void shouldKeepTheWindowShutWhileADefaultWarmUpIsOpenAndOpenItPastItsEnd()
    {
        final WarmUp byTicks = WarmUp.ofTicks(100);
        final HiccupMeter meter = new HiccupMeter(
            clock, uptimeMs::get, counters.eventsProduced, byTicks, INTERVAL_NS, hiccup);
        counters.eventsProduced.set(1_000);
        meter.doWork();
        wakeOf(meter, 5_000_000);
        assertEquals(0, hiccup.total().getTotalCount(), "nothing recorded while the warm-up is open");
        byTicks.endAt(1_000);
        counters.eventsProduced.set(1_001);
        meter.doWork();
        wakeOf(meter, 5_000_000);
        assertEquals(1, hiccup.total().getTotalCount(), "the window opened past the warm-up's end");
    }

    private void wakeOf(final HiccupMeter meter, final long lateNs)
    {
        clock.advance(INTERVAL_NS + lateNs);
        meter.doWork();
    }
}
