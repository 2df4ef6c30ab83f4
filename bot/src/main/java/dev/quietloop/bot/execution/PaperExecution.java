package dev.quietloop.bot.execution;

import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;

/**
 * A simulated venue on the trading thread, so a strategy runs end to end without an exchange.
 * Limit orders fill at once against the last known top of book when marketable and otherwise rest
 * until a quote or a trade goes through them; each symbol's position stays within a limit. Every
 * step is published as an event, and nothing allocates after construction.
 * <p>
 * The trading loop owns the order of calls: for each tick, {@link #onQuote} or {@link #onTrade}
 * first, then the strategy's callback, then {@link #pollFill} until it returns false, handing each
 * fill to the strategy (which may place more orders, whose fills the same loop picks up). An order
 * keeps its slot until its last fill has been polled, so a loop that never polls runs out of slots.
 */
public final class PaperExecution
{
    private final EventPublisher publisher;
    private final OpenOrders orders;
    private final FillQueue fillQueue;
    private final Ledger ledger;
    private final TopOfBook book;
    private final Exposure exposure;
    private final long maxOrderSize;

    private long lastOrderId;
    private long ordersPlaced;
    private long ordersRejected;
    private final long[] ordersRejectedBy = new long[RiskCheck.values().length];
    private long ordersCancelled;
    private long fills;

    /**
     * @param symbolCount symbols of the replayed data, ids {@code 0..symbolCount-1}
     * @param limits      what an order must pass to work
     */
    public PaperExecution(final int symbolCount, final EventPublisher publisher, final RiskLimits limits)
    {
        if (symbolCount <= 0)
        {
            throw new IllegalArgumentException("symbol count must be positive: " + symbolCount);
        }
        exposure = new Exposure(symbolCount, limits.maxPosition());
        maxOrderSize = limits.maxOrderSize();
        this.publisher = publisher;
        orders = new OpenOrders(limits.maxOpenOrders());
        fillQueue = new FillQueue(limits.maxOpenOrders());
        ledger = new Ledger(symbolCount);
        book = new TopOfBook(symbolCount);
    }

    /** With {@link RiskLimits#DEFAULTS}. */
    public PaperExecution(final int symbolCount, final EventPublisher publisher)
    {
        this(symbolCount, publisher, RiskLimits.DEFAULTS);
    }

    /** Records the symbol's top of book and mid as mark price, then fills resting orders it goes through. */
    public void onQuote(final Quote quote)
    {
        final int symbolId = quote.symbolId();
        book.update(quote);
        ledger.mark(symbolId, quote.bidPrice() > 0 && quote.askPrice() > 0 ?
            quote.midPrice() : Math.max(quote.bidPrice(), quote.askPrice()));
        if (exposure.hasWorkingOrders(symbolId))
        {
            matchQuote(symbolId);
        }
    }

    /**
     * Marks the symbol at the trade price, then fills resting orders the trade printed through.
     * A trade at an order's price is not enough: where the order stood in the queue is unknown.
     */
    public void onTrade(final Trade trade)
    {
        final int symbolId = trade.symbolId();
        ledger.mark(symbolId, trade.price());
        if (exposure.hasWorkingOrders(symbolId))
        {
            matchTrade(symbolId, trade.price(), trade.quantity());
        }
    }

    /**
     * Places a limit order. A marketable one (a buy at or above the known ask, a sell at or below
     * the known bid) fills at once at the book's price for as much as the book shows; the rest
     * rests at the limit. Without a quote for the symbol yet, the order rests.
     *
     * @param side {@link Event#SIDE_BUY} or {@link Event#SIDE_SELL}
     * @return the order id, from 1 and increasing; or 0 when the order is rejected (invalid, beyond
     * the position limit counting open orders of that side, or no free slot), which its events say.
     */
    public long placeOrder(final int symbolId, final byte side, final long price, final long quantity)
    {
        // A rejected order still gets an id, so that its placed and cancelled events pair up.
        final long orderId = ++lastOrderId;
        ordersPlaced++;
        publisher.publishOrder(EventType.ORDER_PLACED, symbolId, orderId, side, price, quantity);
        final int failed = failedCheck(symbolId, side, price, quantity);
        if (failed >= 0)
        {
            ordersRejected++;
            ordersRejectedBy[failed]++;
            publisher.publishCancel(symbolId, orderId, side, Event.REASON_REJECTED);
            return 0;
        }

        final int slot = orders.take(orderId, symbolId, side, price, quantity);
        exposure.open(symbolId, side, quantity);
        // The order is the aggressor: it trades at the price the book shows.
        matchBook(slot, true);
        return orderId;
    }

    /** @return true if the order was working and is now cancelled; false, with no event, otherwise. */
    public boolean cancelOrder(final long orderId)
    {
        final OpenOrders orders = this.orders;
        final int index = orders.indexOf(orderId);
        if (index < 0)
        {
            return false;
        }
        final int slot = orders.slotAt(index);
        final long leavesQuantity = orders.leavesQuantity[slot];
        if (leavesQuantity == 0)
        {
            return false;
        }

        final int symbolId = orders.symbolId[slot];
        final byte side = orders.side[slot];
        exposure.reduce(symbolId, side, leavesQuantity, true);
        orders.cancelAt(index);
        ordersCancelled++;
        publisher.publishCancel(symbolId, orderId, side, Event.REASON_CANCELLED);
        return true;
    }

    /**
     * Hands out the oldest fill not yet delivered.
     *
     * @return false when there is none, leaving {@code into} untouched.
     */
    public boolean pollFill(final Fill into)
    {
        if (fillQueue.isEmpty())
        {
            return false;
        }
        orders.fillDelivered(fillQueue.poll(into));
        return true;
    }

    public int symbolCount()
    {
        return ledger.symbolCount();
    }

    /** The symbol's position, fixed-point; positive is long. */
    public long position(final int symbolId)
    {
        return ledger.position(symbolId);
    }

    /** The symbol's mark price: the last mid or trade price, fixed-point; 0 before either. */
    public long markPrice(final int symbolId)
    {
        return ledger.markPrice(symbolId);
    }

    /** Cash plus position at the mark price, fixed-point with 8 decimals. */
    public long pnl(final int symbolId)
    {
        return ledger.pnl(symbolId);
    }

    /** The sum of every symbol's {@link #pnl}. */
    public long totalPnl()
    {
        return ledger.totalPnl();
    }

    /** Orders taken by {@link #placeOrder}, rejected ones included. */
    public long ordersPlaced()
    {
        return ordersPlaced;
    }

    /** Orders refused by a {@link RiskCheck}, every check together. */
    public long ordersRejected()
    {
        return ordersRejected;
    }

    /** Orders refused by {@code check}: the first they failed. */
    public long ordersRejected(final RiskCheck check)
    {
        return ordersRejectedBy[check.ordinal()];
    }

    /** Orders cancelled on request; rejections are not counted here. */
    public long ordersCancelled()
    {
        return ordersCancelled;
    }

    /** Fills, partial ones each counted. */
    public long fills()
    {
        return fills;
    }

    /** Orders holding a slot: working, or done with a fill not yet polled. */
    public int openOrders()
    {
        return orders.takenCount();
    }

    /** The ordinal of the first {@link RiskCheck} the order fails, or -1 when it passes them all. */
    private int failedCheck(final int symbolId, final byte side, final long price, final long quantity)
    {
        if (price <= 0 || quantity <= 0 || symbolId < 0 || symbolId >= ledger.symbolCount() ||
            (side != Event.SIDE_BUY && side != Event.SIDE_SELL))
        {
            return RiskCheck.INVALID.ordinal();
        }
        if (quantity > maxOrderSize)
        {
            return RiskCheck.MAX_ORDER_SIZE.ordinal();
        }
        if (!orders.hasFreeSlot())
        {
            return RiskCheck.MAX_OPEN_ORDERS.ordinal();
        }
        if (!exposure.allows(symbolId, side, quantity, ledger.position(symbolId)))
        {
            return RiskCheck.MAX_POSITION.ordinal();
        }
        return -1;
    }

    private void matchQuote(final int symbolId)
    {
        final OpenOrders orders = this.orders;
        for (int i = 0, taken = orders.takenCount(); i < taken; i++)
        {
            final int slot = orders.slotAt(i);
            if (orders.isMatchable(slot, symbolId))
            {
                // The order was resting, so the quote came to it: it trades at its own price.
                matchBook(slot, false);
            }
        }
    }

    /**
     * Fills the order in {@code slot} for what the far side of its symbol's book shows at or
     * through its price ({@link TopOfBook#take}).
     */
    private void matchBook(final int slot, final boolean atBookPrice)
    {
        final OpenOrders orders = this.orders;
        final int symbolId = orders.symbolId[slot];
        final byte side = orders.side[slot];
        final long limitPrice = orders.price[slot];
        final long fillQuantity = book.take(symbolId, side, limitPrice, orders.leavesQuantity[slot]);
        if (fillQuantity > 0)
        {
            fill(slot, atBookPrice ? book.farPrice(symbolId, side) : limitPrice, fillQuantity);
        }
    }

    private void matchTrade(final int symbolId, final long tradePrice, final long tradeQuantity)
    {
        final OpenOrders orders = this.orders;
        long remainingQuantity = tradeQuantity;
        for (int i = 0, taken = orders.takenCount(); i < taken && remainingQuantity > 0; i++)
        {
            final int slot = orders.slotAt(i);
            final long limitPrice = orders.price[slot];
            final boolean buy = orders.side[slot] == Event.SIDE_BUY;
            if (orders.isMatchable(slot, symbolId) && (buy ? tradePrice < limitPrice : tradePrice > limitPrice))
            {
                final long fillQuantity = Math.min(orders.leavesQuantity[slot], remainingQuantity);
                remainingQuantity -= fillQuantity;
                fill(slot, limitPrice, fillQuantity);
            }
        }
    }

    /** Books a fill of the order in {@code slot}, publishes it with the position after it, and queues it. */
    private void fill(final int slot, final long fillPrice, final long fillQuantity)
    {
        final OpenOrders orders = this.orders;
        final int symbolId = orders.symbolId[slot];
        final byte side = orders.side[slot];
        final long leavesQuantity = orders.fill(slot, fillQuantity);
        ledger.book(symbolId, side, fillPrice, fillQuantity);
        exposure.reduce(symbolId, side, fillQuantity, leavesQuantity == 0);
        fills++;

        final long orderId = orders.orderId[slot];
        final long position = ledger.position(symbolId);
        publisher.publishOrder(EventType.ORDER_FILLED, symbolId, orderId, side, fillPrice, fillQuantity);
        publisher.publishPosition(symbolId, position, ledger.markPrice(symbolId), ledger.pnl(symbolId));
        fillQueue.add(slot).set(orderId, symbolId, side, fillPrice, fillQuantity, leavesQuantity, position);
    }
}
