package dev.quietloop.perf;

import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.wire.Event;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the two ring benchmarks share: the bot's ring at its default size and the publisher into
 * it, built as the bot builds them, with or without {@code --time-hops}; a tick's origin taken
 * before each iteration; and one tick's publish, sampled for its p50.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class RingBenchmark extends HotPathBenchmark
{
    static final int RING_SIZE = BotConfiguration.RING_SIZE_DEFAULT;

    private static final int SYMBOL_ID = 1;
    private static final int SIGNAL_CODE = 1;
    private static final long PRICE = 4_231_390_000_000L;
    private static final long VALUE = 12_500_000L;
    private static final long MARKET_DATA_NS = 1_735_689_600_123_456_000L;

    /** On: tick-to-publish recorded and ring entry stamped, as {@code --time-hops}; off: neither. */
    @Param({ "true", "false" })
    public boolean timeHops;

    final BotCounters counters = new BotCounters();
    EventPublisher publisher;
    long originNs;

    /** A new ring, and {@link #publisher} into it. */
    final EventRing newRing()
    {
        final EventRing ring = new EventRing(RING_SIZE, counters.ringRejected, timeHops);
        publisher = new EventPublisher(ring, 1, 42, counters.eventsProduced, counters.ringRejected,
            HopLatency.of(Hop.TICK_TO_PUBLISH, timeHops));
        return ring;
    }

    /** A tick's origin just before each iteration, so recorded latencies stay in a realistic range. */
    @Setup(Level.Iteration)
    public void newOrigin()
    {
        originNs = System.nanoTime();
    }

    /** One tick's publish, the same in both ring benchmarks: a signal for one symbol. */
    final boolean publishTick()
    {
        publisher.beginTick(originNs, MARKET_DATA_NS);
        return publisher.publishSignal(SYMBOL_ID, Event.SIDE_BUY, SIGNAL_CODE, PRICE, VALUE);
    }
}
