package dev.quietloop.bot.strategy;

import dev.quietloop.bot.execution.FixedPoint;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.NamedStrategyProvider;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameter;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;

/**
 * The default strategy: a fast and a slow exponential moving average of each symbol's price (the
 * mid of quotes, the price of trades). When the fast one crosses above the slow one it signals a
 * buy and trades toward a position of one lot long; crossing below, one lot short. Orders are
 * marketable limits at the far side of the book, or at the last price when no quote was seen.
 * <p>
 * Averages are fixed-point and move by shifts: {@code average += (price - average) >> shift}. Its
 * parameters: {@code fast-shift} (3: the fast average moves 1/8 of the way to each price),
 * {@code slow-shift} (5: 1/32) and {@code lot} (0.01).
 */
public final class MovingAverageCrossoverStrategy implements Strategy
{
    /** {@link Event#code} of its signals; the side says the direction, the value is fast minus slow. */
    public static final int SIGNAL_CROSSOVER = 1;
    public static final String NAME = "ma-crossover";
    /** By default the fast average moves 1/2^3 = 1/8 of the way to each price. */
    public static final int FAST_SHIFT = 3;
    /** By default the slow average moves 1/2^5 = 1/32 of the way to each price. */
    public static final int SLOW_SHIFT = 5;
    /** No signal before the slow average has seen 2^slow-shift prices, about its memory: this many by default. */
    public static final int WARM_UP_PRICES = 1 << SLOW_SHIFT;
    public static final long LOT_QUANTITY = Event.SCALE / 100;
    /** A shift past this leaves an average that barely moves: 1/2^20 of the way. */
    static final int MAX_SHIFT = 20;

    private static final byte BELOW = -1;
    private static final byte ABOVE = 1;

    private final StrategyContext context;
    private final int fastShift;
    private final int slowShift;
    private final int warmUpPrices;
    private final long lotQuantity;
    private final long[] fastAverage;
    private final long[] slowAverage;
    private final int[] pricesSeen;
    /** Where fast last stood strictly against slow: {@link #ABOVE}, {@link #BELOW}, or 0 before either. */
    private final byte[] lastRelation;
    private final long[] lastPrice;
    private final long[] bidPrice;
    private final long[] askPrice;
    private final long[] workingOrderId;

    /** With the default shifts and lot. */
    public MovingAverageCrossoverStrategy(final StrategyContext context)
    {
        this(context, FAST_SHIFT, SLOW_SHIFT, LOT_QUANTITY);
    }

    /**
     * @param fastShift   the fast average moves 1/2^fastShift of the way to each price
     * @param slowShift   the slow one 1/2^slowShift; more than {@code fastShift}
     * @param lotQuantity the position it trades toward, long or short, fixed-point
     * @throws IllegalArgumentException for shifts out of [1, 20], a slow shift not above the fast one, or a lot not positive.
     */
    public MovingAverageCrossoverStrategy(
        final StrategyContext context, final int fastShift, final int slowShift, final long lotQuantity)
    {
        if (fastShift < 1 || slowShift > MAX_SHIFT || fastShift >= slowShift)
        {
            throw new IllegalArgumentException("fast-shift " + fastShift + " and slow-shift " + slowShift +
                ": need 1 <= fast-shift < slow-shift <= " + MAX_SHIFT);
        }
        if (lotQuantity <= 0)
        {
            throw new IllegalArgumentException("lot must be more than 0");
        }
        final int symbolCount = context.symbolCount();
        this.context = context;
        this.fastShift = fastShift;
        this.slowShift = slowShift;
        this.warmUpPrices = 1 << slowShift;
        this.lotQuantity = lotQuantity;
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
        final long fast = fastAverage[symbolId] + ((price - fastAverage[symbolId]) >> fastShift);
        final long slow = slowAverage[symbolId] + ((price - slowAverage[symbolId]) >> slowShift);
        fastAverage[symbolId] = fast;
        slowAverage[symbolId] = slow;
        if (fast == slow)
        {
            return;
        }

        final byte relation = fast > slow ? ABOVE : BELOW;
        final byte previous = lastRelation[symbolId];
        lastRelation[symbolId] = relation;
        if (previous != 0 && relation != previous && seen >= warmUpPrices)
        {
            final byte side = relation == ABOVE ? Event.SIDE_BUY : Event.SIDE_SELL;
            context.signal(symbolId, side, SIGNAL_CROSSOVER, price, fast - slow);
            tradeToward(symbolId, relation == ABOVE ? lotQuantity : -lotQuantity);
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

    /** Registered in {@code META-INF/services}: {@code ma-crossover}. */
    public static final class Provider extends NamedStrategyProvider
    {
        public Provider()
        {
            super(NAME,
                StrategyParameter.integer("fast-shift", FAST_SHIFT, "the fast average moves 1/2^N of the way to each price"),
                StrategyParameter.integer("slow-shift", SLOW_SHIFT, "the slow average moves 1/2^N; more than fast-shift"),
                StrategyParameter.decimal("lot", FixedPoint.toText(LOT_QUANTITY), "the position it trades toward, " +
                    "long or short"));
        }

        @Override
        public Strategy create(final StrategyContext context, final StrategyParameters parameters)
        {
            return new MovingAverageCrossoverStrategy(context, shift(parameters, "fast-shift"),
                shift(parameters, "slow-shift"), parameters.decimal("lot"));
        }

        private static int shift(final StrategyParameters parameters, final String name)
        {
            final long shift = parameters.integer(name);
            if (shift < 1 || shift > MAX_SHIFT)
            {
                throw new IllegalArgumentException(name + " " + shift + " is not in [1, " + MAX_SHIFT + "]");
            }
            return (int)shift;
        }
    }
}
