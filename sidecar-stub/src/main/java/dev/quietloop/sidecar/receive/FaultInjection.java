package dev.quietloop.sidecar.receive;

/**
 * The faults that make the stub behave like a slow, stalling or dying sidecar, counted in
 * messages (frames received): a delay after each message, one stall after the M-th, an exit
 * after the M-th. Pure decisions on a time the caller passes in, so tests drive them with a
 * clock of their own. Owned by the receive thread.
 */
public final class FaultInjection
{
    /** A message count that never comes: the fault is off. */
    public static final long OFF = 0;

    private final long delayNs;
    private final long stallAfter;
    private final long stallNs;
    private final long exitAfter;
    private long messages;
    private boolean paused;
    private long resumeAtNs;

    /**
     * @param delayNs    pause after each message, 0 for none
     * @param stallAfter the message after which reading stops once, or {@link #OFF}
     * @param stallNs    how long that stall lasts
     * @param exitAfter  the message after which the stub exits, or {@link #OFF}
     */
    public FaultInjection(final long delayNs, final long stallAfter, final long stallNs, final long exitAfter)
    {
        if (delayNs < 0 || stallAfter < 0 || stallNs < 0 || exitAfter < 0)
        {
            throw new IllegalArgumentException("fault settings must not be negative");
        }
        this.delayNs = delayNs;
        this.stallAfter = stallAfter;
        this.stallNs = stallNs;
        this.exitAfter = exitAfter;
    }

    public static FaultInjection none()
    {
        return new FaultInjection(0, OFF, 0, OFF);
    }

    /**
     * Accounts for one message received at {@code nowNs} and schedules any pause it causes.
     *
     * @return true if this was the message after which the stub exits.
     */
    public boolean onMessage(final long nowNs)
    {
        messages++;
        final long pauseNs = messages == stallAfter ? Math.max(delayNs, stallNs) : delayNs;
        if (pauseNs > 0)
        {
            paused = true;
            resumeAtNs = nowNs + pauseNs;
        }
        return messages == exitAfter;
    }

    /** How long reading stays paused from {@code nowNs}; 0 when the stub may read. */
    public long pauseRemainingNs(final long nowNs)
    {
        if (!paused)
        {
            return 0;
        }
        final long remainingNs = resumeAtNs - nowNs;
        if (remainingNs > 0)
        {
            return remainingNs;
        }
        paused = false;
        return 0;
    }

    public long messages()
    {
        return messages;
    }
}
