package dev.quietloop.protocol.wake;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Wakes the one consumer thread of a ring when it sleeps, and costs the producer a fence and a
 * load when it does not.
 * <p>
 * The consumer announces itself in {@link #sleeper} before it looks at the ring a last time and
 * parks; the producer publishes, fences, and unparks whoever is announced. Either the consumer's
 * last look sees the publish, or the producer's load sees the consumer: the two full fences
 * (the consumer's volatile store, the producer's {@link VarHandle#fullFence()}) leave no order in
 * which both miss. The producer never writes {@link #sleeper}: only the consumer clears it, so an
 * announcement cannot be lost to a stale clear. An unpark that comes after the consumer woke on
 * its own only makes its next park return at once.
 * <p>
 * Unparking takes the sleeping thread's park lock in the JVM, so on the trading thread
 * {@link #ring()} goes after the tick's publish, where it delays no measured latency.
 */
public final class Doorbell implements WorkWait
{
    private final BooleanSupplier hasWork;
    private volatile Thread sleeper;

    /** @param hasWork the consumer's last look before it parks: true when the ring holds something */
    public Doorbell(final BooleanSupplier hasWork)
    {
        this.hasWork = hasWork;
    }

    /** Producer side, after a publish: wakes the consumer if it sleeps or is about to. */
    public void ring()
    {
        VarHandle.fullFence();
        final Thread thread = sleeper;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /** Consumer side: parks until {@link #ring()} or {@code maxWaitNs}, unless there is work already. */
    @Override
    public void awaitWork(final long maxWaitNs)
    {
        sleeper = Thread.currentThread();
        if (!hasWork.getAsBoolean())
        {
            LockSupport.parkNanos(this, maxWaitNs);
        }
        sleeper = null;
    }

    /** Whether the consumer is parked or about to: for tests and benchmarks. */
    public boolean isConsumerAsleep()
    {
        return null != sleeper;
    }
}
