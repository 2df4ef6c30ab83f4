package dev.quietloop.bot.execution;

import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.EventType;

/**
 * A minimal simulated venue on the trading thread. A marketable limit order is placed, then at
 * once filled at the opposite top of book (up to the size shown there), or rejected when the fill
 * would take the symbol's position beyond the limit. Every step is published as an event.
 */
public final class PaperExecution
{
    /** Five lots of 0.01 per symbol. */
    public static final long DEFAULT_POSITION_LIMIT = 5 * Event.SCALE / 100;

    private final EventPublisher publisher;
    private final long positionLimit;
    private final long[] positions;
    private long lastOrderId;
    private long ordersFilled;
    private long ordersRejected;

    /**
     * @param symbolCount   symbols of the replayed data, ids {@code 0..symbolCount-1}
     * @param positionLimit largest absolute position per symbol, fixed-point
     */
    public PaperExecution(final int symbolCount, final long positionLimit, final EventPublisher publisher)
    {
        if (positionLimit <= 0)
        {
            throw new IllegalArgumentException("position limit must be positive: " + positionLimit);
        }
        this.publisher = publisher;
        this.positionLimit = positionLimit;
        this.positions = new long[symbolCount];
    }

    /**
     * Places a marketable limit order at the opposite top of book and executes it at once.
     *
     * @param side {@link Event#SIDE_BUY} or {@link Event#SIDE_SELL}
     * @return the order id.
     */
    public long placeMarketable(
        final int symbolId,
        final byte side,
        final long quantity,
        final long bidPrice,
        final long bidSize,
        final long askPrice,
        final long askSize,
        final long marketDataNs)
    {
        final long orderId = ++lastOrderId;
        final boolean buy = side == Event.SIDE_BUY;
        final long limitPrice = buy ? askPrice : bidPrice;
        publisher.publishOrder(EventType.ORDER_PLACED, symbolId, orderId, side, limitPrice, quantity, marketDataNs);

        final long fillQuantity = Math.min(quantity, buy ? askSize : bidSize);
        final long newPosition = positions[symbolId] + (buy ? fillQuantity : -fillQuantity);
        if (newPosition > positionLimit || newPosition < -positionLimit)
        {
            ordersRejected++;
            publisher.publishCancel(symbolId, orderId, side, Event.REASON_REJECTED, marketDataNs);
        }
        else
        {
            ordersFilled++;
            positions[symbolId] = newPosition;
            publisher.publishOrder(
                EventType.ORDER_FILLED, symbolId, orderId, side, limitPrice, fillQuantity, marketDataNs);
        }
        return orderId;
    }

    /** Position of a symbol, fixed-point; positive is long. */
    public long position(final int symbolId)
    {
        return positions[symbolId];
    }

    public long ordersFilled()
    {
        return ordersFilled;
    }

    public long ordersRejected()
    {
        return ordersRejected;
    }
}
