package dev.quietloop.protocol.process;

import java.util.Map;

import dev.quietloop.protocol.latency.LiveLatency;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A process's named counters in one {@link CounterRegistry}, and their snapshot for its summary.
 * A subclass declares each counter as a field made by {@link #counter}: the fields' order is the
 * order of the registry, of {@code bin/stat.sh} and of the snapshot.
 */
public abstract class CounterSet
{
    /** Room for every counter of one process, the per-reason ones and five a timed hop's live latency included. */
    public static final int MAX_COUNTERS = 64;

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

    /** A hop's live latency in this process's counters ({@link LiveLatency}): five more counters. */
    protected final LiveLatency liveLatency(final String hop)
    {
        return new LiveLatency(hop, registry::newCounter);
    }

    /** Every counter by its dotted name, for the summary ({@link CounterRegistry#snapshot()}). */
    public final Map<String, Long> snapshot()
    {
        return registry.snapshot();
    }

    /** The registry, for what takes counters of its own ({@link dev.quietloop.protocol.latency.LiveHops}). */
    public final CounterRegistry registry()
    {
        return registry;
    }
}
