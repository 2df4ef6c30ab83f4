package dev.quietloop.perf;


import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One tick's publish into a full bot ring: what the trading thread pays, on every tick, while the
 * pipeline is stalled (a stalled or dead sidecar backs up through the broker to the bot's sender).
 * The ring is filled in the set-up and its poller never drained, as a sender stuck on a full
 * socket leaves it; each call is then counted in {@code ringRejected}. Compare its p50 with
 * {@link RingPublishBenchmark}'s, the publish that has room: a fault should not make the trading
 * thread's tick dearer. Run: {@code java @config/jvm.options -cp
 * "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main FullRingPublishBenchmark -prof gc}.
 */
public class FullRingPublishBenchmark extends RingBenchmark
{
    @Setup(Level.Trial)
    public void fillTheRing()
    {
        newRing();
        for (int i = 0; i < RING_SIZE; i++)
        {
            publishSignal();
        }
        if (counters.ringRejected.get() != 0)
        {
            throw new IllegalStateException("the ring refused an event before it was full");
        }
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
        return publishTick();
    }
}
