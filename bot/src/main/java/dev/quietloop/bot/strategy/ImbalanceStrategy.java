package dev.quietloop.bot.strategy;

import dev.quietloop.bot.execution.FixedPoint;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.NamedStrategyProvider;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameter;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.wire.Event;

/**
 * Joins the heavy side of a lopsided book: when bids outweigh asks at the top of book by more than
 * {@link #ENTRY_PPM} and the spread is tight, it signals a buy and rests one lot at the bid, to be
 * filled when the market comes down through it; symmetric for sells. When the imbalance fades back
 * inside {@link #EXIT_PPM} it cancels what still rests. At most one order works per symbol, and a
 * new one is placed only on entering an imbalance, not on every quote while it lasts. Quotes only.
 * <p>
 * Imbalance is {@code (bidSize - askSize) / (bidSize + askSize)} in millionths, from -1e6 (only
 * asks) to +1e6 (only bids). Its parameters, each defaulting to the constant of its name:
 * {@code entry-ppm}, {@code exit-ppm}, {@code max-spread-ppm}, {@code lot} and {@code position-cap}
 * ({@link #MAX_POSITION}).
 */
public final class ImbalanceStrategy implements Strategy
{
    public static final String NAME = "imbalance";
    /** {@link Event#code} of its signals; the value is the imbalance in ppm. */
    public static final int SIGNAL_IMBALANCE = 2;
    /** Enter when one side shows four times the size of the other: (4 - 1) / (4 + 1) = 0.6. */
    public static final long ENTRY_PPM = 600_000;
    /** Leave when the sides are within 1.5 times of each other: (1.5 - 1) / (1.5 + 1) = 0.2. */
    public static final long EXIT_PPM = 200_000;
    /**
     * Enter only when the spread is at most this many millionths of the mid (0.1 basis point): a
     * liquid book, where the size at the top says something about the next move.
     */
    public static final long MAX_SPREAD_PPM = 10;
    public static final long LOT_QUANTITY = Event.SCALE / 100;
    /** The strategy's own cap on its position, inside paper execution's default limit. */
    public static final long MAX_POSITION = 2 * LOT_QUANTITY;

    private static final long PPM = 1_000_000;
    /** {@code PPM < 2^20}, so a numerator below 2^43 times PPM stays below 2^63. */
    private static final int MAX_NUMERATOR_BITS = 43;

    private static final byte NEUTRAL = 0;
    private static final byte BID_HEAVY = 1;
    private static final byte ASK_HEAVY = -1;

    private final StrategyContext context;
    private final long entryPpm;
    private final long exitPpm;
    private final long maxSpreadPpm;
    private final long lotQuantity;
    private final long maxPosition;
    private final byte[] state;
    private final long[] workingOrderId;

    /** With the defaults: the constants of this class. */
    public ImbalanceStrategy(final StrategyContext context)
    {
        this(context, ENTRY_PPM, EXIT_PPM, MAX_SPREAD_PPM, LOT_QUANTITY, MAX_POSITION);
    }

    /**
     * @param entryPpm     enter at an imbalance of at least this, in millionths
     * @param exitPpm      leave when it falls back inside this; less than {@code entryPpm}
     * @param maxSpreadPpm enter only when the spread is at most this share of the mid, in millionths
     * @param lotQuantity  each order's quantity, fixed-point
     * @param maxPosition  its own cap on its position, fixed-point; at least one lot
     * @throws IllegalArgumentException unless {@code 0 <= exitPpm < entryPpm <= 1e6}, {@code maxSpreadPpm >= 0} and
     *                                  {@code 0 < lotQuantity <= maxPosition}.
     */
    public ImbalanceStrategy(
        final StrategyContext context,
        final long entryPpm,
        final long exitPpm,
        final long maxSpreadPpm,
        final long lotQuantity,
        final long maxPosition)
    {
        if (exitPpm < 0 || exitPpm >= entryPpm || entryPpm > PPM)
        {
            throw new IllegalArgumentException("exit-ppm " + exitPpm + " and entry-ppm " + entryPpm +
                ": need 0 <= exit-ppm < entry-ppm <= " + PPM);
        }
        if (maxSpreadPpm < 0)
        {
            throw new IllegalArgumentException("max-spread-ppm must be 0 or more: " + maxSpreadPpm);
        }
        if (lotQuantity <= 0 || lotQuantity > maxPosition)
        {
            throw new IllegalArgumentException("lot and position-cap: need 0 < lot <= position-cap");
        }
        this.context = context;
        this.entryPpm = entryPpm;
        this.exitPpm = exitPpm;
        this.maxSpreadPpm = maxSpreadPpm;
        this.lotQuantity = lotQuantity;
        this.maxPosition = maxPosition;
        state = new byte[context.symbolCount()];
        workingOrderId = new long[context.symbolCount()];
    }

    @Override
    public void onQuote(final Quote quote)
    {
        final long totalSize = quote.bidSize() + quote.askSize();
        if (totalSize <= 0 || quote.bidPrice() <= 0 || quote.askPrice() < quote.bidPrice())
        {
            return;
        }
        final int symbolId = quote.symbolId();
        final long imbalancePpm = ppm(quote.bidSize() - quote.askSize(), totalSize);

        if ((state[symbolId] == BID_HEAVY && imbalancePpm < exitPpm) ||
            (state[symbolId] == ASK_HEAVY && imbalancePpm > -exitPpm))
        {
            state[symbolId] = NEUTRAL;
            cancelWorkingOrder(symbolId);
        }

        if (state[symbolId] == NEUTRAL && (imbalancePpm >= entryPpm || imbalancePpm <= -entryPpm) &&
            ppm(quote.askPrice() - quote.bidPrice(), quote.midPrice()) <= maxSpreadPpm)
        {
            final boolean buy = imbalancePpm > 0;
            state[symbolId] = buy ? BID_HEAVY : ASK_HEAVY;
            final byte side = buy ? Event.SIDE_BUY : Event.SIDE_SELL;
            final long price = buy ? quote.bidPrice() : quote.askPrice();
            context.signal(symbolId, side, SIGNAL_IMBALANCE, price, imbalancePpm);
            join(symbolId, side, price);
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        if (fill.leavesQuantity() == 0 && fill.orderId() == workingOrderId[fill.symbolId()])
        {
            workingOrderId[fill.symbolId()] = 0;
        }
    }

    private void join(final int symbolId, final byte side, final long price)
    {
        final long position = context.position(symbolId);
        final boolean roomLeft = side == Event.SIDE_BUY ?
            position + lotQuantity <= maxPosition : position - lotQuantity >= -maxPosition;
        if (workingOrderId[symbolId] == 0 && roomLeft)
        {
            workingOrderId[symbolId] = context.placeOrder(symbolId, side, price, lotQuantity);
        }
    }

    private void cancelWorkingOrder(final int symbolId)
    {
        if (workingOrderId[symbolId] != 0)
        {
            context.cancelOrder(workingOrderId[symbolId]);
            workingOrderId[symbolId] = 0;
        }
    }

    /**
     * {@code numerator / denominator} in millionths, for a positive denominator. Sizes and prices
     * are scaled by 1e8, so large ones are first shifted down just enough for the product with a
     * million to fit in a long; the ratio barely moves.
     */
    static long ppm(final long numerator, final long denominator)
    {
        final long largest = Math.max(Math.abs(numerator), denominator);
        final int excessBits = Math.max(0, 64 - Long.numberOfLeadingZeros(largest) - MAX_NUMERATOR_BITS);
        return (numerator >> excessBits) * PPM / (denominator >> excessBits);
    }

    /** Registered in {@code META-INF/services}: {@code imbalance}. */
    public static final class Provider extends NamedStrategyProvider
    {
        public Provider()
        {
            super(NAME,
                StrategyParameter.integer("entry-ppm", ENTRY_PPM, "enter at an imbalance of at least this, in millionths"),
                StrategyParameter.integer("exit-ppm", EXIT_PPM, "cancel when it falls back inside this, in millionths"),
                StrategyParameter.integer("max-spread-ppm", MAX_SPREAD_PPM, "enter only when the spread is at most " +
                    "this share of the mid, in millionths"),
                StrategyParameter.decimal("lot", FixedPoint.toText(LOT_QUANTITY), "each order's quantity"),
                StrategyParameter.decimal("position-cap", FixedPoint.toText(MAX_POSITION), "its own cap on its " +
                    "position, long or short, inside the bot's --max-position"));
        }

        @Override
        public Strategy create(final StrategyContext context, final StrategyParameters parameters)
        {
            return new ImbalanceStrategy(context, parameters.integer("entry-ppm"), parameters.integer("exit-ppm"),
                parameters.integer("max-spread-ppm"), parameters.decimal("lot"), parameters.decimal("position-cap"));
        }
    }
}
