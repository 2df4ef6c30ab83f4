package dev.quietloop.bot.strategy;

import dev.quietloop.bot.replay.Quote;
import dev.quietloop.bot.replay.Trade;
import dev.quietloop.wire.Event;

/**
 * The default strategy: a fast and a slow exponential moving average of each symbol's price (the
 * mid of quotes, the price of trades). When the fast one crosses above the slow one it signals a
 * buy and trades toward a position of one lot long; crossing below, one lot short. Orders are
 * marketable limits at the far side of the book, or at the last price when no quote was seen.
 * <p>
 * Averages are fixed-point and move by shifts: {@code average += (price - average) >> shift}.
 */
public final class MovingAverageCrossoverStrategy implements Strategy
{
    /** {@link Event#code} of its signals; the side says the direction, the value is fast minus slow. */
    public static final int SIGNAL_CROSSOVER = 1;
    /** The fast average moves 1/2^3 = 1/8 of the way to each price. */
    public static final int FAST_SHIFT = 3;
    /** The slow average moves 1/2^5 = 1/32 of the way to each price. */
    public static final int SLOW_SHIFT = 5;
    /** No signal before the slow average has seen this many prices: about its memory. */
    public static final int WARM_UP_PRICES = 1 << SLOW_SHIFT;
    public static final long LOT_QUANTITY = Event.SCALE / 100;

    private static final byte BELOW = -1;
    private static final byte ABOVE = 1;

    private final StrategyContext context;
    private final long[] fastAverage;
    private final long[] slowAverage;
    private final int[] pricesSeen;
    /** Where fast last stood strictly against slow: {@link #ABOVE}, {@link #BELOW}, or 0 before either. */
    private final byte[] lastRelation;
    private final long[] lastPrice;
    private final long[] bidPrice;
    private final long[] askPrice;
    private final long[] workingOrderId;

    public MovingAverageCrossoverStrategy(final StrategyContext context)
    {
        final int symbolCount = context.symbolCount();
        this.context = context;
        fastAverage = new long[symbolCount];
        slowAverage = new long[symbolCount];
        pricesSeen = new int[symbolCount];
        lastRelation = new byte[symbolCount];
        lastPrice = new long[symbolCount];
        bidPrice = new long[symbolCount];
        askPrice = new long[symbolCount];
        workingOrderId = new long[symbolCount];
    }

    @Override
    public void onQuote(final Quote quote)
    {
        final int symbolId = quote.symbolId();
        bidPrice[symbolId] = quote.bidPrice();
        askPrice[symbolId] = quote.askPrice();
        onPrice(symbolId, quote.midPrice());
    }

    @Override
    public void onTrade(final Trade trade)
    {
        onPrice(trade.symbolId(), trade.price());
    }

    @Override
    public void onFill(final Fill fill)
    {
        if (fill.leavesQuantity() == 0 && fill.orderId() == workingOrderId[fill.symbolId()])
        {
            workingOrderId[fill.symbolId()] = 0;
        }
    }

    /** The symbol's fast average, fixed-point; 0 before its first price. */
    public long fastAverage(final int symbolId)
    {
        return fastAverage[symbolId];
    }

    /** The symbol's slow average, fixed-point; 0 before its first price. */
    public long slowAverage(final int symbolId)
    {
        return slowAverage[symbolId];
    }

    private void onPrice(final int symbolId, final long price)
    {
        lastPrice[symbolId] = price;
        final int seen = ++pricesSeen[symbolId];
        if (seen == 1)
        {
            fastAverage[symbolId] = price;
            slowAverage[symbolId] = price;
            return;
        }
        final long fast = fastAverage[symbolId] + ((price - fastAverage[symbolId]) >> FAST_SHIFT);
        final long slow = slowAverage[symbolId] + ((price - slowAverage[symbolId]) >> SLOW_SHIFT);
        fastAverage[symbolId] = fast;
        slowAverage[symbolId] = slow;
        if (fast == slow)
        {
            return;
        }

        final byte relation = fast > slow ? ABOVE : BELOW;
        final byte previous = lastRelation[symbolId];
        lastRelation[symbolId] = relation;
        if (previous != 0 && relation != previous && seen >= WARM_UP_PRICES)
        {
            final byte side = relation == ABOVE ? Event.SIDE_BUY : Event.SIDE_SELL;
            context.signal(symbolId, side, SIGNAL_CROSSOVER, price, fast - slow);
            tradeToward(symbolId, relation == ABOVE ? LOT_QUANTITY : -LOT_QUANTITY);
        }
    }

    private void tradeToward(final int symbolId, final long targetPosition)
    {
        // A remainder still resting from the last crossing points the wrong way now.
        if (workingOrderId[symbolId] != 0)
        {
            context.cancelOrder(workingOrderId[symbolId]);
            workingOrderId[symbolId] = 0;
        }
        final long quantity = targetPosition - context.position(symbolId);
        if (quantity > 0)
        {
            final long price = askPrice[symbolId] > 0 ? askPrice[symbolId] : lastPrice[symbolId];
            workingOrderId[symbolId] = context.placeOrder(symbolId, Event.SIDE_BUY, price, quantity);
        }
        else if (quantity < 0)
        {
            final long price = bidPrice[symbolId] > 0 ? bidPrice[symbolId] : lastPrice[symbolId];
            workingOrderId[symbolId] = context.placeOrder(symbolId, Event.SIDE_SELL, price, -quantity);
        }
    }
}
