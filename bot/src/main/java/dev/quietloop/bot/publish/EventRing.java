package dev.quietloop.bot.publish;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.quietloop.protocol.wake.Doorbell;
import dev.quietloop.wire.Event;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The bot ring, quietloop's sink: the trading thread copies each event into a pre-allocated slot
 * with {@code tryPublishEvent}, and a full ring is counted in {@code ringRejected}, never waited on.
 * <p>
 * The ring is single-producer and is drained by one {@link EventPoller} on the sender thread,
 * whose sequence gates the producer. The Disruptor's wait strategy is not used: the poller does
 * not wait on it. A sender that idles with {@code wake} blocks on the ring's {@link #doorbell()}
 * instead, which the trading thread rings once per tick that published, after the publish
 * ({@link #endTick()}): a fence and a load while the sender is awake, an unpark while it sleeps.
 */
public final class EventRing implements EventSink
{
    private static final EventTranslatorOneArg<Event, Event> COPY =
        (slot, ringSequence, staged) -> slot.copyFrom(staged);
    /** Also stamps the time the event enters the ring, for the sender's {@code ringToSend} hop. */
    private static final EventTranslatorOneArg<Event, Event> COPY_STAMPED =
        (slot, ringSequence, staged) -> slot.copyFrom(staged).ringNs = System.nanoTime();

    private final RingBuffer<Event> ring;
    private final EventPoller<Event> poller;
    private final AtomicCounter ringRejected;
    private final EventTranslatorOneArg<Event, Event> businessTranslator;
    private final Doorbell doorbell;
    /** Trading thread only: an event went in since the doorbell was last rung. */
    private boolean publishedThisTick;

    /** A ring whose entries are not stamped. */
    public EventRing(final int size, final AtomicCounter ringRejected)
    {
        this(size, ringRejected, false);
    }

    /**
     * @param size           slots, a power of two
     * @param stampRingEntry stamp {@link Event#ringNs} as each business event enters the ring, for the
     *                       sender's {@code ringToSend} hop; off, no clock is read for it
     */
    public EventRing(final int size, final AtomicCounter ringRejected, final boolean stampRingEntry)
    {
        ring = RingBuffer.createSingleProducer(Event::new, size, new YieldingWaitStrategy());
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.ringRejected = ringRejected;
        this.businessTranslator = stampRingEntry ? COPY_STAMPED : COPY;
        this.doorbell = new Doorbell(this::hasUnconsumed);
    }

    /** What the sender blocks on when it idles with {@code wake}. */
    public Doorbell doorbell()
    {
        return doorbell;
    }

    /** The consumer side, for the sender thread. */
    public EventPoller<Event> poller()
    {
        return poller;
    }

    /**
     * Publishes, or counts the event rejected. A full ring is the trading thread's usual case while
     * the pipeline is stalled, so it is made the cheap one: {@code hasAvailableCapacity} answers from
     * the producer's cached view of the sender's sequence, re-reading that sequence only when the
     * cache says full, while {@code tryPublishEvent} on a full ring would also store the cursor with
     * a full fence and throw (and catch) Disruptor's preallocated capacity exception. The check adds
     * a compare to a publish that has room; a stale read can only reject, never overwrite.
     */
    @Override
    public boolean offer(final Event event)
    {
        if (ring.hasAvailableCapacity(1) && ring.tryPublishEvent(businessTranslator, event))
        {
            publishedThisTick = true;
            return true;
        }
        ringRejected.incrementRelease();
        return false;
    }

    @Override
    public boolean offerEndOfStream(final Event endOfStream)
    {
        if (ring.tryPublishEvent(COPY, endOfStream))
        {
            doorbell.ring();
            return true;
        }
        return false;
    }

    @Override
    public void endTick()
    {
        if (publishedThisTick)
        {
            publishedThisTick = false;
            doorbell.ring();
        }
    }

    private boolean hasUnconsumed()
    {
        return ring.getCursor() > poller.getSequence().get();
    }
}
