package dev.quietloop.bot.trade;

import dev.quietloop.bot.run.RunControl;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

/**
 * When each tick is due. At {@code --speed max} a tick is due as soon as it is read; in a paced
 * replay ({@code --speed N} from the file's timestamps, {@code --rate N} ticks per second) the
 * trading thread idles until the tick's intended time, and that intended time, not the moment the
 * thread got there, is the tick's origin: a replay that falls behind shows it as latency instead
 * of hiding it (coordinated omission).
 */
public final class Pacer
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final Mode mode;
    private final double factor;
    private final NanoClock clock;
    private final IdleStrategy idleStrategy;
    private final RunControl control;
    private boolean started;
    private long startNs;
    private long firstMarketDataNs;
    private long ticks;
    private long lastIntendedNs;

    private enum Mode
    {
        MAX, SPEED, RATE
    }

    private Pacer(
        final Mode mode,
        final double factor,
        final NanoClock clock,
        final IdleStrategy idleStrategy,
        final RunControl control)
    {
        this.mode = mode;
        this.factor = factor;
        this.clock = clock;
        this.idleStrategy = idleStrategy;
        this.control = control;
    }

    /**
     * The pacing a replay asks for: {@code speed} over the file's timing when positive, else a fixed
     * {@code ticksPerSecond} when positive, else as fast as possible.
     */
    public static Pacer of(
        final double speed,
        final double ticksPerSecond,
        final NanoClock clock,
        final IdleStrategy idleStrategy,
        final RunControl control)
    {
        if (speed > 0)
        {
            return speed(speed, clock, idleStrategy, control);
        }
        if (ticksPerSecond > 0)
        {
            return rate(ticksPerSecond, clock, idleStrategy, control);
        }
        return max(clock, idleStrategy, control);
    }

    /** Every tick is due when it is read. */
    public static Pacer max(final NanoClock clock, final IdleStrategy idleStrategy, final RunControl control)
    {
        return new Pacer(Mode.MAX, 0, clock, idleStrategy, control);
    }

    /** Ticks keep the file's spacing divided by {@code speed}: 1 is the original timing. */
    public static Pacer speed(
        final double speed, final NanoClock clock, final IdleStrategy idleStrategy, final RunControl control)
    {
        if (!(speed > 0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("speed must be positive and finite: " + speed);
        }
        return new Pacer(Mode.SPEED, 1 / speed, clock, idleStrategy, control);
    }

    /** Ticks are due {@code 1 / ticksPerSecond} apart, whatever their timestamps. */
    public static Pacer rate(
        final double ticksPerSecond, final NanoClock clock, final IdleStrategy idleStrategy, final RunControl control)
    {
        if (!(ticksPerSecond > 0) || Double.isInfinite(ticksPerSecond))
        {
            throw new IllegalArgumentException("rate must be positive and finite: " + ticksPerSecond);
        }
        return new Pacer(Mode.RATE, NANOS_PER_SECOND / ticksPerSecond, clock, idleStrategy, control);
    }

    /** The trading thread's idle strategy, which it waits with for a tick or for room in its sink. */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /** The run control whose stop request ends a wait. */
    public RunControl control()
    {
        return control;
    }

    public boolean isPaced()
    {
        return mode != Mode.MAX;
    }

    /**
     * Waits until the next tick is due, or a stop is requested.
     *
     * @param marketDataNs the tick's timestamp in the file
     * @return the tick's origin (the clock's scale): its intended time when paced, else now.
     */
    public long awaitTick(final long marketDataNs)
    {
        final long nowNs = clock.nanoTime();
        if (mode == Mode.MAX)
        {
            return nowNs;
        }
        if (!started)
        {
            started = true;
            startNs = nowNs;
            firstMarketDataNs = marketDataNs;
            lastIntendedNs = nowNs;
        }
        final double offsetNs = mode == Mode.RATE ? ticks * factor : (marketDataNs - firstMarketDataNs) * factor;
        ticks++;
        // Timestamps that step back (several symbols, several feeds) are due at once, never earlier than the last.
        final long intendedNs = Math.max(lastIntendedNs, startNs + (long)offsetNs);
        lastIntendedNs = intendedNs;
        if (intendedNs - nowNs > 0)
        {
            idle(intendedNs);
        }
        return intendedNs;
    }

    private void idle(final long intendedNs)
    {
        final NanoClock clock = this.clock;
        final IdleStrategy idleStrategy = this.idleStrategy;
        final RunControl control = this.control;
        idleStrategy.reset();
        while (clock.nanoTime() - intendedNs < 0 && !control.isStopRequested())
        {
            idleStrategy.idle();
        }
    }
}
