package dev.quietloop.protocol.process;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The garbage collections this JVM has made, for a process's summary. A collection stops every
 * Java thread, the bot's trading thread too, whichever thread allocated: it is how a pipeline that
 * allocates (JeroMQ does, per message, on its own threads) can still reach the trading thread.
 */
public final class GcFigures
{
    private GcFigures()
    {
    }

    /** Adds {@code <role>.gcCount} and {@code <role>.gcMs}, the collections so far and their summed time. */
    public static void addTo(final Map<String, Long> summary, final String role)
    {
        long count = 0;
        long timeMs = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, collector.getCollectionCount());
            timeMs += Math.max(0, collector.getCollectionTime());
        }
        summary.put(role + ".gcCount", count);
        summary.put(role + ".gcMs", timeMs);
    }
}
