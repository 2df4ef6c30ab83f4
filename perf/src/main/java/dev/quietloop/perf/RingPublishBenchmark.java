package dev.quietloop.perf;


import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.Sequence;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.wire.Event;
import dev.quietloop.protocol.config.IdleStrategies;
import org.agrona.concurrent.IdleStrategy;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One tick's publish on the trading thread: {@link EventPublisher#beginTick} and
 * {@link EventPublisher#publishSignal} into the bot's ring, at the bot's default ring size, while
 * a consumer drains the ring on another thread as the sender does, so the producer pays for the
 * cache lines the consumer takes away. {@code timeHops} shows what the timing switch costs: on,
 * each publish reads the clock twice (ring entry stamp, tick-to-publish) and records one value.
 * <p>
 * The consumer is a plain thread started for the trial, not a JMH {@code @Group} member: a group
 * thread spins for the whole run, and with the benchmark thread spinning too that takes both cores
 * of a 2-core box and leaves JMH, the JIT and GC to fight for them. The drainer idles as the bot's
 * sender does by default ({@code wake}: it spins only while there is work, then blocks on the
 * ring's doorbell), and each call ends its tick as the trading thread does, ringing that doorbell
 * ({@code endTick}); {@code -p drainerIdle=spin} tries the other extreme. {@link WakeBenchmark}
 * measures the doorbell apart.
 * <p>
 * A producer in a tight loop outruns any consumer, which a trading thread with a tick's work
 * between publishes does not; left alone, the ring stays full and most calls measure the refusal
 * path. So every {@link #CHECK_INTERVAL} calls the benchmark checks how far the drainer is behind
 * and, past half the ring, waits until it is within a quarter. Those waits land in a few samples
 * only ({@code throttleWaits}), above p99.9, and leave the percentiles below as they are;
 * {@code ringRejected} should stay 0.
 * <p>
 * {@code SampleTime}, because the goal is a p50: JMH times each sampled call with
 * {@code System.nanoTime()}, so a sample includes one clock read and is no finer than the clock;
 * {@link #timerFloor()} measures that floor in the same run, and the publish's own p50 is roughly
 * its sampled p50 less the floor's. The mean JMH prints as the score includes the throttle waits:
 * read the percentiles. Run: {@code java @config/jvm.options -cp
 * "perf/target/classes:perf/target/lib/*" org.openjdk.jmh.Main RingPublishBenchmark -prof gc}.
 */
public class RingPublishBenchmark extends RingBenchmark
{
    /** Calls between two looks at the drainer's progress; a power of two. */
    static final int CHECK_INTERVAL = 1_024;
    private static final long HIGH_WATER_EVENTS = RING_SIZE / 2;
    private static final long LOW_WATER_EVENTS = RING_SIZE / 4;

    /** The drainer's idle strategy, a word of {@link IdleStrategies}; the bot's sender default. */
    @Param({ IdleStrategies.WAKE })
    public String drainerIdle;

    private Sequence drained;
    private Drainer drainer;
    private long calls;
    private long published;

    /** Counted per iteration and shown beside the percentiles. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counts
    {
        /** Calls refused by a full ring: a refusal is not the usual path, so this should be 0. */
        public long ringRejected;
        /** Calls that waited for the drainer to catch up; each is one slow call, a slow sample if sampled. */
        public long throttleWaits;

        @Setup(Level.Iteration)
        public void clear()
        {
            ringRejected = 0;
            throttleWaits = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        final EventRing ring = newRing();
        drained = ring.poller().getSequence();
        drainer = new Drainer(ring.poller(), IdleStrategies.parse(drainerIdle, ring.doorbell()));
        drainer.start();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException
    {
        drainer.stopAndJoin();
        final boolean noneRefused = counters.ringRejected.get() == 0;
        if (drainer.drained() != published || (noneRefused && drainer.lastSequence() != publisher.lastSequence()))
        {
            throw new IllegalStateException("drained " + drainer.drained() + " of " + published +
                " published, up to sequence " + drainer.lastSequence() + " of " + publisher.lastSequence());
        }
    }

    @Benchmark
    public boolean publishSignal(final Counts counts)
    {
        if ((++calls & (CHECK_INTERVAL - 1)) == 0 && published - (drained.get() + 1) > HIGH_WATER_EVENTS)
        {
            awaitDrainer(counts);
        }
        final boolean accepted = publishTick();
        publisher.endTick();
        if (accepted)
        {
            published++;
        }
        else
        {
            counts.ringRejected++;
        }
        return accepted;
    }

    /** Nothing but JMH's own timing: the clock's cost and resolution in each sample. */
    @Benchmark
    public long timerFloor()
    {
        return originNs;
    }

    private void awaitDrainer(final Counts counts)
    {
        counts.throttleWaits++;
        while (published - (drained.get() + 1) > LOW_WATER_EVENTS)
        {
            if (!drainer.isAlive())
            {
                throw new IllegalStateException("the drainer stopped");
            }
            Thread.onSpinWait();
        }
    }

    /** The sender's stand-in: polls the ring, reads each event, backs off when the ring is empty. */
    static final class Drainer extends Thread
    {
        private final EventPoller<Event> poller;
        private final IdleStrategy idleStrategy;
        private final EventPoller.Handler<Event> handler = (event, sequence, endOfBatch) ->
        {
            take(event);
            return true;
        };
        private volatile boolean running = true;
        private long drained;
        private long lastSequence;

        Drainer(final EventPoller<Event> poller, final IdleStrategy idleStrategy)
        {
            super("ring-drainer");
            setDaemon(true);
            this.poller = poller;
            this.idleStrategy = idleStrategy;
        }

        @Override
        public void run()
        {
            try
            {
                while (running)
                {
                    idleStrategy.idle(poller.poll(handler) == EventPoller.PollState.PROCESSING ? 1 : 0);
                }
                while (poller.poll(handler) == EventPoller.PollState.PROCESSING)
                {
                    // the last events published before the stop
                }
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException("drainer failed", ex);
            }
        }

        void stopAndJoin() throws InterruptedException
        {
            running = false;
            join();
        }

        /** Valid after {@link #stopAndJoin()}. */
        long drained()
        {
            return drained;
        }

        /** Valid after {@link #stopAndJoin()}. */
        long lastSequence()
        {
            return lastSequence;
        }

        /** Reads a field of each slot, as the encoder would, so the slot's cache line really moves. */
        private void take(final Event event)
        {
            drained++;
            lastSequence = event.sequence;
        }
    }
}
