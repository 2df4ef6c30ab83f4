package dev.quietloop.broker.ring;

import java.util.Map;

import dev.quietloop.wire.Frame;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The broker's counters. Each has one writer thread (receiver, forwarder, or the run coordinator
 * for {@code undelivered}) that bumps it with a release store; any thread may read it.
 */
public final class BrokerCounters
{
    /** Room for every counter below. */
    public static final int MAX_COUNTERS = 32;

    private final CounterRegistry registry;
    private final AtomicCounter framesReceived;
    private final AtomicCounter eventsReceived;
    private final AtomicCounter controlFrames;
    private final AtomicCounter badFrames;
    private final AtomicCounter endOfStreams;
    private final AtomicCounter framesForwarded;
    private final AtomicCounter eventsForwarded;
    private final AtomicCounter sendRetries;
    private final AtomicCounter undelivered;
    private final AtomicCounter errors;
    private final AtomicCounter sidecarDisconnects;
    private final AtomicCounter framesInFlightAtDisconnect;
    private final AtomicCounter[] rejected = new AtomicCounter[Frame.VALIDATION_RESULTS];
    private final AtomicCounter ingressRestarts;
    private final AtomicCounter authRejected;
    private final AtomicCounter acksSent;

    /** Counters in memory, for tests. */
    public BrokerCounters()
    {
        this(new CounterRegistry(MAX_COUNTERS));
    }

    /** Counters in the given registry: the process's counters file, so bin/stat.sh sees them. */
    public BrokerCounters(final CounterRegistry registry)
    {
        this.registry = registry;
        framesReceived = registry.newCounter(Accounting.BROKER_FRAMES_RECEIVED);
        eventsReceived = registry.newCounter(Accounting.BROKER_EVENTS_RECEIVED);
        controlFrames = registry.newCounter(Accounting.BROKER_CONTROL_FRAMES);
        badFrames = registry.newCounter(Accounting.BROKER_BAD_FRAMES);
        endOfStreams = registry.newCounter(Accounting.BROKER_END_OF_STREAMS);
        framesForwarded = registry.newCounter(Accounting.BROKER_FRAMES_FORWARDED);
        eventsForwarded = registry.newCounter(Accounting.BROKER_EVENTS_FORWARDED);
        sendRetries = registry.newCounter(Accounting.BROKER_SEND_RETRIES);
        undelivered = registry.newCounter(Accounting.BROKER_UNDELIVERED);
        errors = registry.newCounter(Accounting.BROKER_ERRORS);
        sidecarDisconnects = registry.newCounter(Accounting.BROKER_SIDECAR_DISCONNECTS);
        framesInFlightAtDisconnect = registry.newCounter(Accounting.BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT);
        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            rejected[result] = registry.newCounter("broker." + Frame.rejectionName(result));
        }
        ingressRestarts = registry.newCounter(Accounting.BROKER_INGRESS_RESTARTS);
        authRejected = registry.newCounter(Accounting.BROKER_AUTH_REJECTED);
        acksSent = registry.newCounter(Accounting.BROKER_ACKS_SENT);
    }

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

    /** Frames refused by {@link Frame#validate}, of every kind: the sum of the {@link #rejected} counters. */
    public AtomicCounter badFrames()
    {
        return badFrames;
    }

    /** Frames refused for one reason: {@code broker.rejectedBadHeader} and so on, by {@link Frame#validate}'s result. */
    public AtomicCounter rejected(final int result)
    {
        return rejected[result];
    }

    /** Times the ingest rebuilt its JeroMQ context after a failure on its I/O thread. */
    public AtomicCounter ingressRestarts()
    {
        return ingressRestarts;
    }

    public AtomicCounter endOfStreams()
    {
        return endOfStreams;
    }

    /** Drops of the link to the sidecar, seen by JeroMQ's I/O thread. */
    public AtomicCounter sidecarDisconnects()
    {
        return sidecarDisconnects;
    }

    /** Frames handed to sidecar connections that later dropped: their delivery cannot be proven. */
    public AtomicCounter framesInFlightAtDisconnect()
    {
        return framesInFlightAtDisconnect;
    }

    /** Acknowledgements sent back to the bots: what each bot may count as delivered. */
    public AtomicCounter acksSent()
    {
        return acksSent;
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

    /** CURVE handshakes on the ingest refused by the ZAP handler: a client key not in the allowed set. */
    public AtomicCounter authRejected()
    {
        return authRejected;
    }

    public Map<String, Long> snapshot()
    {
        return registry.snapshot();
    }
}
