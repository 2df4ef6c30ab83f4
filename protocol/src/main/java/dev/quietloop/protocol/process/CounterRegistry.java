package dev.quietloop.protocol.process;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * A process's counters, as Agrona {@link AtomicCounter}s. A hot thread owns each counter and
 * bumps it with a release store ({@code incrementRelease}); any other thread reads it. The
 * buffers are in memory for now; a memory-mapped file lets another process read them later.
 */
public final class CounterRegistry
{
    private final CountersManager manager;
    private final Map<String, AtomicCounter> byName = new LinkedHashMap<>();

    public CounterRegistry(final int maxCounters)
    {
        manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(maxCounters * CountersReader.COUNTER_LENGTH)));
    }

    /** A new counter, reported under the given dotted name (for example {@code bot.eventsSent}). */
    public AtomicCounter newCounter(final String name)
    {
        if (byName.containsKey(name))
        {
            throw new IllegalArgumentException("duplicate counter: " + name);
        }
        final AtomicCounter counter = manager.newCounter(name);
        byName.put(name, counter);
        return counter;
    }

    /** A snapshot of every counter by name, in creation order. */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        byName.forEach((name, counter) -> values.put(name, counter.get()));
        return values;
    }
}
