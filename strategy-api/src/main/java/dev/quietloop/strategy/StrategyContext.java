package dev.quietloop.strategy;

/**
 * What a strategy may do: place and cancel orders with paper execution, publish signals, and
 * read its positions. Every action becomes an event on the bot ring. Prices and quantities are
 * fixed-point with {@link dev.quietloop.wire.Event#SCALE}; sides are
 * {@link dev.quietloop.wire.Event#SIDE_BUY} and {@link dev.quietloop.wire.Event#SIDE_SELL}.
 */
public interface StrategyContext
{
    /** Symbols of the replayed data have the ids {@code 0 .. symbolCount() - 1}. */
    int symbolCount();

    /** The name of a symbol id, as in the market data file (or {@code --symbol}). */
    String symbol(int symbolId);

    /**
     * Places a limit order. A marketable order fills at once against the top of book (what the
     * book does not take rests at the limit price); a resting order fills when the market quotes
     * or trades through it.
     *
     * @return the order id (positive), or 0 when execution rejected the order (an event says why).
     */
    long placeOrder(int symbolId, byte side, long price, long quantity);

    /** @return true if the order was resting and is now cancelled. */
    boolean cancelOrder(long orderId);

    /**
     * Publishes a signal: something the strategy detected, whether or not it trades on it.
     *
     * @param code  the strategy's own kind of signal
     * @param value the strategy's measure of it, fixed-point
     */
    void signal(int symbolId, byte side, int code, long price, long value);

    /** The symbol's position, fixed-point; positive is long. */
    long position(int symbolId);
}
