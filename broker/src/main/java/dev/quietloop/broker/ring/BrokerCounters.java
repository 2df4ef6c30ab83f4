package dev.quietloop.broker.ring;

import dev.quietloop.wire.Frame;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.LiveLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CounterSet;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The broker's counters. Each has one writer thread (receiver, forwarder, or the run coordinator
 * for {@code undelivered}) that bumps it with a release store; any thread may read it.
 */
public final class BrokerCounters extends CounterSet
{
    private final AtomicCounter framesReceived = counter(Accounting.BROKER_FRAMES_RECEIVED);
    private final AtomicCounter eventsReceived = counter(Accounting.BROKER_EVENTS_RECEIVED);
    private final AtomicCounter controlFrames = counter(Accounting.BROKER_CONTROL_FRAMES);
    private final AtomicCounter badFrames = counter(Accounting.BROKER_BAD_FRAMES);
    private final AtomicCounter endOfStreams = counter(Accounting.BROKER_END_OF_STREAMS);
    private final AtomicCounter framesForwarded = counter(Accounting.BROKER_FRAMES_FORWARDED);
    private final AtomicCounter eventsForwarded = counter(Accounting.BROKER_EVENTS_FORWARDED);
    private final AtomicCounter sendRetries = counter(Accounting.BROKER_SEND_RETRIES);
    private final AtomicCounter undelivered = counter(Accounting.BROKER_UNDELIVERED);
    private final AtomicCounter errors = counter(Accounting.BROKER_ERRORS);
    private final AtomicCounter sidecarDisconnects = counter(Accounting.BROKER_SIDECAR_DISCONNECTS);
    private final AtomicCounter framesInFlightAtDisconnect = counter(Accounting.BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT);
    private final AtomicCounter[] rejected = rejectedByResult();
    private final AtomicCounter ingressRestarts = counter(Accounting.BROKER_INGRESS_RESTARTS);
    private final AtomicCounter authRejected = counter(Accounting.BROKER_AUTH_REJECTED);
    private final AtomicCounter acksSent = counter(Accounting.BROKER_ACKS_SENT);
    private final AtomicCounter botsLost = counter(Accounting.BROKER_BOTS_LOST);
    private final AtomicCounter botLostSource = counter(Accounting.BROKER_BOT_LOST_SOURCE);
    private final AtomicCounter sourceInUse = counter(Accounting.BROKER_SOURCE_IN_USE);
    private final AtomicCounter sourceInUseId = counter(Accounting.BROKER_SOURCE_IN_USE_ID);
    private final LiveLatency externalSendLive = liveLatency(Hop.EXTERNAL_SEND.key());

    /** Counters in memory, for tests. */
    public BrokerCounters()
    {
        this(new CounterRegistry(MAX_COUNTERS));
    }

    /** Counters in the given registry: the process's counters file, so bin/stat.sh sees them. */
    public BrokerCounters(final CounterRegistry registry)
    {
        super(registry);
    }

    private AtomicCounter[] rejectedByResult()
    {
        final AtomicCounter[] byResult = new AtomicCounter[Frame.VALIDATION_RESULTS];
        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            byResult[result] = counter("broker." + Frame.rejectionName(result));
        }
        return byResult;
    }

    /** Bots silent past the bot timeout with no end of stream (receiver thread). */
    public AtomicCounter botsLost()
    {
        return botsLost;
    }

    /** The source id of the last bot declared lost (receiver thread). */
    public AtomicCounter botLostSource()
    {
        return botLostSource;
    }

    /** Frames refused for a source id another live bot holds (receiver thread). */
    public AtomicCounter sourceInUse()
    {
        return sourceInUse;
    }

    /** The source id the last refused such frame claimed (receiver thread). */
    public AtomicCounter sourceInUseId()
    {
        return sourceInUseId;
    }

    /** The send latency's last interval, for bin/stat.sh and /metrics (the reporter thread). */
    public LiveLatency externalSendLive()
    {
        return externalSendLive;
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
}
