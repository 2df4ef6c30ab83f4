package dev.quietloop.bot.run;

import java.util.concurrent.TimeUnit;

/**
 * How a run ends: a stop request cuts the replay short (signal, parent exit), the drain deadline
 * bounds how long the end of stream and the ring may take to leave, and abandoning tells the
 * sender to give up what it still holds. Written by any thread, read by the hot threads.
 */
public final class RunControl
{
    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private volatile boolean stopRequested;
    private volatile boolean abandoned;
    private volatile long drainDeadlineNs = NO_DEADLINE;

    /** Stops the replay early; the run still drains and sends its end of stream. */
    public void requestStop()
    {
        stopRequested = true;
    }

    public boolean isStopRequested()
    {
        return stopRequested;
    }

    /** Starts the drain: after this time nothing waits any more. Only the first call counts. */
    public synchronized void beginDrain(final long deadlineNs)
    {
        if (drainDeadlineNs == NO_DEADLINE)
        {
            drainDeadlineNs = deadlineNs;
        }
    }

    /**
     * Brings the drain's end forward to {@code deadlineNs}, starting it if need be: for when there
     * is nobody left to drain to (the launcher died), so the run ends now and counts what it holds.
     */
    public synchronized void cutDrain(final long deadlineNs)
    {
        if (deadlineNs - drainDeadlineNs < 0 || drainDeadlineNs == NO_DEADLINE)
        {
            drainDeadlineNs = deadlineNs;
        }
        stopRequested = true;
    }

    public boolean isDraining()
    {
        return drainDeadlineNs != NO_DEADLINE;
    }

    /** {@link Long#MAX_VALUE} until the drain begins. */
    public long drainDeadlineNs()
    {
        return drainDeadlineNs;
    }

    public boolean isPastDeadline(final long nowNs)
    {
        return nowNs >= drainDeadlineNs;
    }

    /** What is left of the drain at {@code nowNs} in whole milliseconds, 0 once past: a socket's linger. */
    private int remainingDrainMs(final long nowNs)
    {
        final long remainingNs = drainDeadlineNs - nowNs;
        return (int)Math.max(0, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remainingNs)));
    }

    /**
     * The linger to close a sending socket with at {@code nowNs}: what is left of the drain once it
     * has begun, the socket's own {@code lingerMs} before that.
     */
    public int closeLingerMs(final long nowNs, final int lingerMs)
    {
        return isDraining() ? remainingDrainMs(nowNs) : lingerMs;
    }

    /** Tells the sender to stop retrying and to count what it still holds as unsent. */
    public void abandon()
    {
        abandoned = true;
    }

    public boolean isAbandoned()
    {
        return abandoned;
    }
}
