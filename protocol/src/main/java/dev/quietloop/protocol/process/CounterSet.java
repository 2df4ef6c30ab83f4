package dev.quietloop.protocol.process;

import java.util.Map;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * A process's named counters in one {@link CounterRegistry}, and their snapshot for its summary.
 * A subclass declares each counter as a field made by {@link #counter}: the fields' order is the
 * order of the registry, of {@code bin/stat.sh} and of the snapshot.
 */
public abstract class CounterSet
{
    /** Room for every counter of one process, the per-reason ones included. */
    public static final int MAX_COUNTERS = 32;

    private final CounterRegistry registry;

    /** @param registry the process's counters file, so bin/stat.sh sees them; or memory, for tests. */
    protected CounterSet(final CounterRegistry registry)
    {
        this.registry = registry;
    }

    /** A new counter of this process, named {@code name} (an {@code Accounting} key). */
    protected final AtomicCounter counter(final String name)
    {
        return registry.newCounter(name);
    }

    /** Every counter by its dotted name. */
    public final Map<String, Long> snapshot()
    {
        return registry.snapshot();
    }
}
