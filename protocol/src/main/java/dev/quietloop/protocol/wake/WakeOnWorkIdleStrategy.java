package dev.quietloop.protocol.wake;

import org.agrona.concurrent.IdleStrategy;

/**
 * Agrona idle strategy of a thread that waits for work instead of parking for a guessed time: a
 * few spins and yields catch work that follows closely, then it blocks in its {@link WorkWait}
 * until a producer or a socket wakes it, or {@code maxWaitNs} passes so that the agent's periodic
 * duties (heartbeats, acknowledgements, close checks) still run.
 * <p>
 * An idle thread so costs nothing but the wake-ups its work brings, and work is taken within a
 * wake-up's latency rather than within the park that happened to be running.
 */
public final class WakeOnWorkIdleStrategy implements IdleStrategy
{
    public static final String ALIAS = "wake";

    private final WorkWait wait;
    private final int maxSpins;
    private final int maxYields;
    private final long maxWaitNs;
    private int spins;
    private int yields;

    /**
     * @param maxSpins  {@link Thread#onSpinWait()} calls before yielding
     * @param maxYields {@link Thread#yield()} calls before blocking
     * @param maxWaitNs the longest a block lasts with no wake-up
     */
    public WakeOnWorkIdleStrategy(final WorkWait wait, final int maxSpins, final int maxYields, final long maxWaitNs)
    {
        this.wait = wait;
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.maxWaitNs = maxWaitNs;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        if (spins < maxSpins)
        {
            spins++;
            Thread.onSpinWait();
        }
        else if (yields < maxYields)
        {
            yields++;
            Thread.yield();
        }
        else
        {
            wait.awaitWork(maxWaitNs);
        }
    }

    @Override
    public void reset()
    {
        spins = 0;
        yields = 0;
    }

    @Override
    public String alias()
    {
        return ALIAS;
    }
}
