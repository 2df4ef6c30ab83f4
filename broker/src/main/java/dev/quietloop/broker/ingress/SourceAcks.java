package dev.quietloop.broker.ingress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.wire.Ack;
import org.agrona.concurrent.status.AtomicCounter;
import org.zeromq.ZMQ;

/**
 * What the ingest has taken from each source, and the acknowledgements that tell each bot so, on
 * the connection its frames came by. An acknowledgement goes every {@link #FRAMES_PER_ACK} frames,
 * when a source has been quiet for {@link #ACK_AFTER_NS} with frames not yet acknowledged, and at
 * once for an end of stream. The counts are cumulative, so one that is lost is made good by the
 * next. Used on the receiver thread only, which owns the socket; no allocation but for a source's
 * first frame.
 * <p>
 * It also keeps each source id to its bot: a frame that claims a source id whose bot is live (heard
 * from within the bot timeout, no end of stream) from another connection with another epoch is
 * another bot's, and is refused ({@code broker.sourceInUse}). A bot restarted with the same id is
 * taken once the old one is lost: silent past the bot timeout with no end of stream
 * ({@code broker.botsLost}), which the run's end counts as it counts an end of stream.
 */
final class SourceAcks
{
    /** A busy source is acknowledged this often, in frames. */
    static final int FRAMES_PER_ACK = 32;
    /** A quiet source's last frames are acknowledged this long after it fell quiet. */
    static final long ACK_AFTER_NS = 2_000_000;
    /** Sources beyond this many are taken but not acknowledged: their bots count their events as unacknowledged. */
    static final int MAX_SOURCES = 256;
    /** The longest connection identity kept for a reply; ZMTP bounds an identity at 255 bytes. */
    static final int MAX_IDENTITY_BYTES = 255;

    private final Source[] sources = new Source[MAX_SOURCES];
    private final byte[] ack = new byte[Ack.BYTES];
    private final AtomicCounter acksSent;
    private final AtomicCounter botsLost;
    private final AtomicCounter botLostSource;
    private final AtomicCounter sourceInUse;
    private final AtomicCounter sourceInUseId;
    private final long botTimeoutNs;
    private int count;

    SourceAcks(final BrokerCounters counters, final long botTimeoutNs)
    {
        this.acksSent = counters.acksSent();
        this.botsLost = counters.botsLost();
        this.botLostSource = counters.botLostSource();
        this.sourceInUse = counters.sourceInUse();
        this.sourceInUseId = counters.sourceInUseId();
        this.botTimeoutNs = botTimeoutNs;
    }

    /**
     * Whether a frame may be taken: not when its source id belongs to another live bot (counted).
     * Nothing is recorded for a frame taken: {@link #taken} does.
     */
    boolean admits(final int sourceId, final long epoch, final byte[] identity, final int identityLength, final long nowNs)
    {
        for (int i = 0; i < count; i++)
        {
            final Source source = sources[i];
            if (source.sourceId == sourceId)
            {
                if (source.epoch == epoch || source.endOfStream || source.lost || nowNs - source.lastFrameNs >= botTimeoutNs ||
                    source.isConnection(identity, identityLength))
                {
                    return true;
                }
                sourceInUse.incrementRelease();
                sourceInUseId.setRelease(sourceId);
                return false;
            }
        }
        return true;
    }

    /**
     * Records a frame taken from {@code identity}'s connection, and acknowledges it when due.
     *
     * @param events its business events, 0 for a control frame
     */
    void taken(
        final ZMQ.Socket socket,
        final byte[] identity,
        final int identityLength,
        final int sourceId,
        final long epoch,
        final int events,
        final boolean endOfStream,
        final long nowNs)
    {
        final Source source = find(sourceId, epoch);
        if (null == source)
        {
            return;
        }
        source.events += events;
        source.frames++;
        source.pending++;
        source.endOfStream |= endOfStream;
        source.lastFrameNs = nowNs;
        if (source.lost)
        {
            source.lost = false; // heard from again: not lost after all
            botsLost.getAndAddRelease(-1);
        }
        System.arraycopy(identity, 0, source.identity, 0, identityLength);
        source.identityLength = identityLength;
        if (endOfStream || source.pending >= FRAMES_PER_ACK)
        {
            send(socket, source);
        }
    }

    /** True while a source has frames not yet acknowledged: a quiet one is due an acknowledgement. */
    boolean hasPending()
    {
        for (int i = 0; i < count; i++)
        {
            if (sources[i].pending > 0)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Acknowledges every source that fell quiet with frames not yet acknowledged; and, when the
     * socket has been read to its end ({@code drained}: a silence is the bot's, not a full ring's),
     * declares lost every source silent past the bot timeout with no end of stream.
     */
    void flushQuiet(final ZMQ.Socket socket, final long nowNs, final boolean drained)
    {
        for (int i = 0; i < count; i++)
        {
            final Source source = sources[i];
            if (source.pending > 0 && nowNs - source.lastFrameNs >= ACK_AFTER_NS)
            {
                send(socket, source);
            }
            if (drained && !source.endOfStream && !source.lost && nowNs - source.lastFrameNs >= botTimeoutNs)
            {
                source.lost = true;
                botLostSource.setRelease(source.sourceId);
                botsLost.incrementRelease();
            }
        }
    }

    /** Each source's tally, in the order first heard from; for the end of the run, off the receiver thread once it stopped. */
    List<SourceTally> tallies()
    {
        final List<SourceTally> tallies = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final Source source = sources[i];
            tallies.add(new SourceTally(source.sourceId, source.events, source.lost));
        }
        return tallies;
    }

    private void send(final ZMQ.Socket socket, final Source source)
    {
        Ack.encode(ack, source.sourceId, source.epoch, source.events, source.frames, source.endOfStream);
        // A ROUTER drops what it cannot route (the connection is gone, or its queue is full): the
        // next acknowledgement, cumulative, makes good for it.
        if (socket.send(source.identity, 0, source.identityLength, ZMQ.SNDMORE | ZMQ.DONTWAIT) &&
            socket.send(ack, 0, Ack.BYTES, ZMQ.DONTWAIT))
        {
            acksSent.incrementRelease();
        }
        source.pending = 0;
    }

    /** The source's record, made on its first frame; a new epoch of a known source starts it again. */
    private Source find(final int sourceId, final long epoch)
    {
        for (int i = 0; i < count; i++)
        {
            final Source source = sources[i];
            if (source.sourceId == sourceId)
            {
                if (source.epoch != epoch)
                {
                    source.restart(epoch);
                }
                return source;
            }
        }
        if (count == MAX_SOURCES)
        {
            return null;
        }
        final Source source = new Source(sourceId);
        source.restart(epoch);
        sources[count++] = source;
        return source;
    }

    private static final class Source
    {
        final int sourceId;
        final byte[] identity = new byte[MAX_IDENTITY_BYTES];
        int identityLength;
        long epoch;
        long events;
        long frames;
        long pending;
        long lastFrameNs;
        boolean endOfStream;
        boolean lost;

        Source(final int sourceId)
        {
            this.sourceId = sourceId;
        }

        void restart(final long newEpoch)
        {
            epoch = newEpoch;
            events = 0;
            frames = 0;
            pending = 0;
            endOfStream = false;
            lost = false; // another bot under the id, after the one that was lost
        }

        boolean isConnection(final byte[] other, final int otherLength)
        {
            return identityLength == otherLength && Arrays.equals(identity, 0, identityLength, other, 0, otherLength);
        }
    }
}
