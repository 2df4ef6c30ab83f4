package dev.quietloop.perf;

import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One tick's publish into a full bot ring: what the trading thread pays, on every tick, while the
 * pipeline is stalled (a stalled or dead sidecar backs up through the broker to the bot's sender).
 * The ring is filled in the set-up and its poller never drained, as a sender stuck on a full
 * socket leaves it; each call is then counted in {@code ringRejected}. Compare its p50 with
 * {@link RingPublishBenchmark}'s, the publish that has room: a fault should not make the trading
 * thread's tick dearer. Run: {@code java @config/jvm.options -cp
 * "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main FullRingPublishBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FullRingPublishBenchmark
{
    private static final int RING_SIZE = RingPublishBenchmark.RING_SIZE;

    /** On: tick-to-publish recorded and ring entry stamped, as {@code --time-hops}; off: neither. */
    @Param({ "true", "false" })
    public boolean timeHops;

    private final BotCounters counters = new BotCounters();
    private EventPublisher publisher;
    private long originNs;

    @Setup(Level.Trial)
    public void fillTheRing()
    {
        final EventRing ring = new EventRing(RING_SIZE, counters.ringRejected, timeHops);
        publisher = new EventPublisher(ring, 1, 42, counters.eventsProduced, counters.ringRejected,
            HopLatency.of(Hop.TICK_TO_PUBLISH, timeHops));
        for (int i = 0; i < RING_SIZE; i++)
        {
            publishSignal();
        }
        if (counters.ringRejected.get() != 0)
        {
            throw new IllegalStateException("the ring refused an event before it was full");
        }
    }

    /** A tick's origin just before each iteration, so recorded latencies stay in a realistic range. */
    @Setup(Level.Iteration)
    public void newOrigin()
    {
        originNs = System.nanoTime();
    }

    @TearDown(Level.Trial)
    public void everyCallAfterTheFillWasRejected()
    {
        final long calls = counters.eventsProduced.get();
        if (counters.ringRejected.get() != calls - RING_SIZE)
        {
            throw new IllegalStateException(counters.ringRejected.get() + " rejected of " + (calls - RING_SIZE) +
                " calls after the ring was full");
        }
    }

    @Benchmark
    public boolean publishSignal()
    {
        return RingPublishBenchmark.publishTick(publisher, originNs);
    }
}
