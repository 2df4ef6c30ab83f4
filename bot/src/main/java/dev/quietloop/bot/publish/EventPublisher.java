package dev.quietloop.bot.publish;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.quietloop.bot.send.DirectSender;
import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.EventType;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The producer side of the bot ring, owned by the trading thread. Each business event gets the
 * next sequence of this source and epoch when it is produced, then is offered to the ring with
 * {@code tryPublishEvent}: a full ring is counted in {@code ringRejected}, never waited on.
 * <p>
 * The ring is single-producer and is drained by one {@link EventPoller}, whose sequence gates
 * the producer. The wait strategy never blocks: the poller does not wait on it, and the trading
 * thread must not take a lock to signal a sleeping consumer.
 */
public final class EventPublisher
{
    private static final EventTranslatorOneArg<Event, Event> COPY_STAGED =
        (slot, ringSequence, staged) -> slot.copyFrom(staged);
    /** Also stamps the time the event enters the ring, for the sender's {@code ringToSend} hop. */
    private static final EventTranslatorOneArg<Event, Event> COPY_STAGED_STAMPED =
        (slot, ringSequence, staged) -> slot.copyFrom(staged).ringNs = System.nanoTime();

    private final RingBuffer<Event> ring;
    private final EventPoller<Event> poller;
    private final Event staged = new Event();
    private final Fingerprint fingerprint = new Fingerprint();
    private final AtomicCounter eventsProduced;
    private final AtomicCounter ringRejected;
    private final HopLatency tickToPublish;
    private final EventTranslatorOneArg<Event, Event> businessTranslator;
    private final DirectSender direct;
    private long lastSequence;

    /** A publisher whose hop is not timed. */
    public EventPublisher(
        final int ringSize,
        final int sourceId,
        final long epoch,
        final AtomicCounter eventsProduced,
        final AtomicCounter ringRejected)
    {
        this(ringSize, sourceId, epoch, eventsProduced, ringRejected, HopLatency.of(Hop.TICK_TO_PUBLISH, false), false);
    }

    /**
     * @param tickToPublish  the hop from the tick's origin to the return of each publish, published or not
     * @param stampRingEntry stamp {@link Event#ringNs} as each business event enters the ring, for the
     *                       sender's {@code ringToSend} hop; off, no clock is read for it
     */
    public EventPublisher(
        final int ringSize,
        final int sourceId,
        final long epoch,
        final AtomicCounter eventsProduced,
        final AtomicCounter ringRejected,
        final HopLatency tickToPublish,
        final boolean stampRingEntry)
    {
        this(ringSize, sourceId, epoch, eventsProduced, ringRejected, tickToPublish, stampRingEntry, null);
    }

    /**
     * @param direct the naive baseline: when not null, every event is sent by the calling (trading)
     *               thread itself, waiting on the socket, and the ring stays empty
     */
    public EventPublisher(
        final int ringSize,
        final int sourceId,
        final long epoch,
        final AtomicCounter eventsProduced,
        final AtomicCounter ringRejected,
        final HopLatency tickToPublish,
        final boolean stampRingEntry,
        final DirectSender direct)
    {
        ring = RingBuffer.createSingleProducer(Event::new, ringSize, new YieldingWaitStrategy());
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.eventsProduced = eventsProduced;
        this.ringRejected = ringRejected;
        this.tickToPublish = tickToPublish;
        this.businessTranslator = stampRingEntry ? COPY_STAGED_STAMPED : COPY_STAGED;
        this.direct = direct;
        staged.sourceId = sourceId;
        staged.epoch = epoch;
    }

    /** The consumer side of the ring, for the sender thread. */
    public EventPoller<Event> poller()
    {
        return poller;
    }

    public int ringSize()
    {
        return ring.getBufferSize();
    }

    /**
     * Stamps every event until the next call: they were caused by the tick due at {@code originNs}
     * ({@code System.nanoTime()}) whose market data timestamp is {@code marketDataNs}.
     */
    public void beginTick(final long originNs, final long marketDataNs)
    {
        staged.originNs = originNs;
        staged.marketDataNs = marketDataNs;
    }

    public boolean publishSignal(
        final int symbolId,
        final byte side,
        final int code,
        final long price,
        final long value)
    {
        final Event event = staged;
        event.type = EventType.SIGNAL;
        event.symbolId = symbolId;
        event.side = side;
        event.code = code;
        event.price = price;
        event.value = value;
        return publishBusiness(event);
    }

    /**
     * An {@link EventType#ORDER_PLACED} (limit price, quantity) or {@link EventType#ORDER_FILLED}
     * (fill price, quantity).
     */
    public boolean publishOrder(
        final byte type,
        final int symbolId,
        final long orderId,
        final byte side,
        final long price,
        final long quantity)
    {
        final Event event = staged;
        event.type = type;
        event.symbolId = symbolId;
        event.orderId = orderId;
        event.side = side;
        event.price = price;
        event.quantity = quantity;
        return publishBusiness(event);
    }

    /** @param reason {@link Event#REASON_CANCELLED} or {@link Event#REASON_REJECTED} */
    public boolean publishCancel(final int symbolId, final long orderId, final byte side, final int reason)
    {
        final Event event = staged;
        event.type = EventType.ORDER_CANCELLED;
        event.symbolId = symbolId;
        event.orderId = orderId;
        event.side = side;
        event.code = reason;
        return publishBusiness(event);
    }

    /** A symbol's position, mark price and PnL after a fill. */
    public boolean publishPosition(final int symbolId, final long position, final long markPrice, final long pnl)
    {
        final Event event = staged;
        event.type = EventType.POSITION;
        event.symbolId = symbolId;
        event.quantity = position;
        event.price = markPrice;
        event.value = pnl;
        return publishBusiness(event);
    }

    /**
     * Offers the end of stream with the final counters; not sequenced and not counted as produced.
     *
     * @return false if the ring is full: the caller retries until its drain deadline.
     */
    public boolean tryPublishEndOfStream(final long ticks, final long marketDataNs)
    {
        final Event event = staged;
        event.type = EventType.END_OF_STREAM;
        event.originNs = System.nanoTime();
        event.marketDataNs = marketDataNs;
        event.sequence = 0;
        event.ticks = ticks;
        event.eventsProduced = eventsProduced.getPlain();
        event.ringRejected = ringRejected.getPlain();
        event.eventsSent = 0;
        return null == direct ? ring.tryPublishEvent(COPY_STAGED, event) : direct.sendEndOfStream(event);
    }

    /** The hash over every business event produced so far, in order: the same for the same run. */
    public long fingerprint()
    {
        return fingerprint.value();
    }

    /** The last sequence given to an event, published or not. */
    public long lastSequence()
    {
        return lastSequence;
    }

    private boolean publishBusiness(final Event event)
    {
        event.sequence = ++lastSequence;
        fingerprint.add(event);
        eventsProduced.incrementRelease();
        final boolean published;
        if (null == direct)
        {
            published = ring.tryPublishEvent(businessTranslator, event);
            if (!published)
            {
                ringRejected.incrementRelease();
            }
        }
        else
        {
            published = direct.send(event); // counts an event it could not send as unsent
        }
        tickToPublish.recordEvent(event.sequence, event.originNs);
        return published;
    }
}
