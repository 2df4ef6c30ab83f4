package dev.quietloop.perf;

import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.wake.Doorbell;
import org.agrona.concurrent.IdleStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What waking the sender costs the trading thread: one tick's publish followed by
 * {@code endTick()}, which rings the ring's doorbell, against the publish alone, with the sender
 * thread awake (busy, so the ring is a fence and a load) or asleep (blocked in its {@code wake}
 * idle, so the ring is an unpark). The trading thread rings after the tick's publish, so none of
 * it is inside {@code tickToPublish}; this says what it adds to the tick's work instead.
 * <p>
 * {@code consumer=asleep} waits before each call, untimed, until the drainer has gone back to
 * sleep: every sampled call then pays the wake-up. {@code consumer=awake} drains with a spinning
 * thread that never sleeps. Run: {@code java @config/jvm.options -cp "perf/target/classes:perf/target/lib/*"
 * org.openjdk.jmh.Main WakeBenchmark}.
 */
public class WakeBenchmark extends RingBenchmark
{
    /** The sender's state when the tick rings: {@code awake} (spinning) or {@code asleep} (blocked on the doorbell). */
    @Param({ "awake", "asleep" })
    public String consumer;

    private EventRing ring;
    private Doorbell doorbell;
    private RingPublishBenchmark.Drainer drainer;

    @Setup(Level.Trial)
    public void setUp()
    {
        ring = newRing();
        doorbell = ring.doorbell();
        final boolean asleep = "asleep".equals(consumer);
        final IdleStrategy idle = asleep ?
            IdleStrategies.parse(IdleStrategies.WAKE, doorbell) : IdleStrategies.parse(IdleStrategies.SPIN);
        drainer = new RingPublishBenchmark.Drainer(ring.poller(), idle);
        drainer.start();
    }

    /** Untimed, before each call: with {@code consumer=asleep}, the drainer has drained and blocks again. */
    @Setup(Level.Invocation)
    public void awaitConsumerAsleep()
    {
        if ("asleep".equals(consumer))
        {
            // Ring sequences count from 0, event sequences from 1: drained when they meet.
            while (!doorbell.isConsumerAsleep() || ring.poller().getSequence().get() + 1 < publisher.lastSequence())
            {
                Thread.onSpinWait();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        drainer.stopAndJoin();
    }

    /** The publish and the doorbell, as the trading thread does each tick. */
    @Benchmark
    public boolean publishAndRing()
    {
        final boolean accepted = publishTick();
        publisher.endTick();
        return accepted;
    }

    /** The publish alone: the baseline in the same run. */
    @Benchmark
    public boolean publishOnly()
    {
        return publishTick();
    }
}
