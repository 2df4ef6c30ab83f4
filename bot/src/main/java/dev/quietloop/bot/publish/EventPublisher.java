package dev.quietloop.bot.publish;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The trading thread's side of publishing. Each business event gets the next sequence of this
 * source and epoch when it is produced, is counted in {@code eventsProduced} and added to the
 * run's fingerprint, then is offered to the run's one {@link EventSink}: the bot ring, or the
 * naive baseline's socket. What the sink cannot take it counts itself; the publisher never waits.
 */
public final class EventPublisher
{
    private final EventSink sink;
    private final Event staged = new Event();
    private final Fingerprint fingerprint = new Fingerprint();
    private final AtomicCounter eventsProduced;
    private final AtomicCounter ringRejected;
    private final HopLatency tickToPublish;
    private final WarmUp warmUp;
    /** The ticks begun when a warm-up by ticks ends; -1 for a warm-up fixed by events, or none. */
    private final long warmUpEndTick;
    private long ticksBegun;
    private long lastSequence;

    /** A publisher whose hop is not timed. */
    public EventPublisher(
        final EventSink sink,
        final int sourceId,
        final long epoch,
        final AtomicCounter eventsProduced,
        final AtomicCounter ringRejected)
    {
        this(sink, sourceId, epoch, eventsProduced, ringRejected, HopLatency.of(Hop.TICK_TO_PUBLISH, false));
    }

    /**
     * @param ringRejected  read for the end of stream's counters; the ring, not the publisher, counts in it
     * @param tickToPublish the hop from the tick's origin to the return of each publish, published or not
     */
    public EventPublisher(
        final EventSink sink,
        final int sourceId,
        final long epoch,
        final AtomicCounter eventsProduced,
        final AtomicCounter ringRejected,
        final HopLatency tickToPublish)
    {
        this.sink = sink;
        this.eventsProduced = eventsProduced;
        this.ringRejected = ringRejected;
        this.tickToPublish = tickToPublish;
        this.warmUp = tickToPublish.warmUp();
        this.warmUpEndTick = warmUp.ticks() > 0 ? warmUp.ticks() : -1;
        staged.sourceId = sourceId;
        staged.epoch = epoch;
    }

    /**
     * Stamps every event until the next call: they were caused by the tick due at {@code originNs}
     * ({@code System.nanoTime()}) whose market data timestamp is {@code marketDataNs}. Ends a
     * warm-up by ticks when its last tick is done.
     */
    public void beginTick(final long originNs, final long marketDataNs)
    {
        if (ticksBegun++ == warmUpEndTick)
        {
            // The warm-up's ticks are done: every event so far is in it, none from here on.
            warmUp.endAt(lastSequence);
        }
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

    /** The tick's events are all published: see {@link EventSink#endTick()}. */
    public void endTick()
    {
        sink.endTick();
    }

    /**
     * Offers the end of stream with the final counters; not sequenced and not counted as produced.
     *
     * @return false if the sink cannot take it now (a full ring): the caller retries until its drain deadline.
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
        return sink.offerEndOfStream(event);
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
        final boolean published = sink.offer(event);
        tickToPublish.recordEvent(event.sequence, event.originNs);
        return published;
    }
}
