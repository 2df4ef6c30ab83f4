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

    /** A hop's live latency in this process's counters ({@link LiveLatency}): five more counters. */
    protected final LiveLatency liveLatency(final String hop)
    {
        return new LiveLatency(hop, registry::newCounter);
    }

    /**
     * Every counter by its dotted name, for the summary: the live latency's left out, since the
     * summary has the run's own latency ({@code latencyNs.*}).
     */
    public final Map<String, Long> snapshot()
    {
        final Map<String, Long> values = registry.snapshot();
        values.keySet().removeIf(name -> name.startsWith(LiveLatency.PREFIX));
        return values;
    }
}
