package dev.quietloop.bot.run;

import java.util.function.LongSupplier;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The bot's hiccup meter, after jHiccup: an agent whose runner sleeps an interval between its duty
 * cycles, and which records ({@link Hop#HICCUP}) how late each cycle comes back beyond that
 * interval, less the least lateness seen so far (the timer's own floor, as jHiccup takes it off). A
 * thread that does nothing else is late only when the platform stops it: a safepoint, the
 * scheduler, another process on its CPU. It runs with the bot's other threads ({@code --cpus}),
 * never on the trading CPU, and measures the trading thread's window: from the first event past the
 * warm-up to the end of the replay, which is also the window of the bot's safepoint figures. It
 * allocates nothing per sample.
 */
public final class HiccupMeter implements Agent
{
    public static final String ROLE_NAME = "bot-hiccup";
    /** The interval it sleeps, as jHiccup's default resolution. */
    public static final long DEFAULT_INTERVAL_NS = 1_000_000;
    /** The window's bound before it opened or closed. */
    public static final long NOT_YET = -1;

    private final NanoClock clock;
    private final LongSupplier uptimeMs;
    private final AtomicCounter eventsProduced;
    private final WarmUp warmUp;
    private final long intervalNs;
    private final HopLatency hiccup;
    private boolean open;
    private long lastNs;
    private long floorNs = Long.MAX_VALUE;
    private volatile long openedUptimeMs = NOT_YET;
    private volatile long closedUptimeMs = NOT_YET;

    /**
     * @param clock          the clock each cycle reads
     * @param uptimeMs       the JVM's uptime, the clock of its safepoint log, read when the window opens and closes
     * @param eventsProduced the trading thread's sequence, read once a cycle until it passes the warm-up
     * @param warmUp         the events the trading thread's hop leaves out; the window opens past them
     * @param intervalNs     what the runner sleeps between cycles ({@link #idleStrategy()})
     * @param hiccup         where the samples go; off, the meter keeps only the window
     */
    public HiccupMeter(
        final NanoClock clock,
        final LongSupplier uptimeMs,
        final AtomicCounter eventsProduced,
        final WarmUp warmUp,
        final long intervalNs,
        final HopLatency hiccup)
    {
        this.clock = clock;
        this.uptimeMs = uptimeMs;
        this.eventsProduced = eventsProduced;
        this.warmUp = warmUp;
        this.intervalNs = intervalNs;
        this.hiccup = hiccup;
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    /** What its runner idles with: a sleep of the interval after every cycle. */
    public IdleStrategy idleStrategy()
    {
        return new SleepingIdleStrategy(intervalNs);
    }

    /** One sample: how late this cycle comes, once the window is open. */
    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        if (!open)
        {
            if (eventsProduced.get() > warmUp.lastSequence()) // an open warm-up ends past every sequence
            {
                open = true;
                openedUptimeMs = uptimeMs.getAsLong();
                lastNs = nowNs;
            }
            return 0;
        }
        // A park may return early; early is on time.
        final long lateNs = Math.max(0, nowNs - lastNs - intervalNs);
        lastNs = nowNs;
        floorNs = Math.min(floorNs, lateNs);
        hiccup.recordSample(lateNs - floorNs, intervalNs);
        return 0;
    }

    /** The window ends with the meter, on its own thread. */
    @Override
    public void onClose()
    {
        if (open)
        {
            closedUptimeMs = uptimeMs.getAsLong();
        }
    }

    /** The JVM uptime at which the window opened, or {@link #NOT_YET}. */
    public long openedUptimeMs()
    {
        return openedUptimeMs;
    }

    /** The JVM uptime at which the window closed, or {@link #NOT_YET}: it never opened, or the meter runs. */
    public long closedUptimeMs()
    {
        return closedUptimeMs;
    }
}
