package dev.quietloop.broker.ring;

import java.util.Map;

import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The broker's counters. Each has one writer thread (receiver, forwarder, or the run coordinator
 * for {@code undelivered}) that bumps it with a release store; any thread may read it.
 */
public final class BrokerCounters
{
    private final CounterRegistry registry = new CounterRegistry(16);
    private final AtomicCounter framesReceived = registry.newCounter("broker.framesReceived");
    private final AtomicCounter eventsReceived = registry.newCounter("broker.eventsReceived");
    private final AtomicCounter controlFrames = registry.newCounter("broker.controlFrames");
    private final AtomicCounter badFrames = registry.newCounter("broker.badFrames");
    private final AtomicCounter endOfStreams = registry.newCounter("broker.endOfStreams");
    private final AtomicCounter framesForwarded = registry.newCounter("broker.framesForwarded");
    private final AtomicCounter eventsForwarded = registry.newCounter("broker.eventsForwarded");
    private final AtomicCounter sendRetries = registry.newCounter("broker.sendRetries");
    private final AtomicCounter undelivered = registry.newCounter("broker.undelivered");
    private final AtomicCounter errors = registry.newCounter("broker.errors");

    /** Valid frames taken into the ring (business and control); bad frames are not among them. */
    public AtomicCounter framesReceived()
    {
        return framesReceived;
    }

    public AtomicCounter eventsReceived()
    {
        return eventsReceived;
    }

    public AtomicCounter controlFrames()
    {
        return controlFrames;
    }

    public AtomicCounter badFrames()
    {
        return badFrames;
    }

    public AtomicCounter endOfStreams()
    {
        return endOfStreams;
    }

    public AtomicCounter framesForwarded()
    {
        return framesForwarded;
    }

    public AtomicCounter eventsForwarded()
    {
        return eventsForwarded;
    }

    public AtomicCounter sendRetries()
    {
        return sendRetries;
    }

    public AtomicCounter undelivered()
    {
        return undelivered;
    }

    /** Exceptions caught by the agent runners: each is logged once with its context, then counted. */
    public AtomicCounter errors()
    {
        return errors;
    }

    public Map<String, Long> snapshot()
    {
        return registry.snapshot();
    }
}
