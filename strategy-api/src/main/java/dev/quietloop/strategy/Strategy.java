package dev.quietloop.strategy;

/**
 * The seat for a trading strategy: called on the trading thread, in replay order, for every
 * quote and trade, and for every fill of its own orders. It acts only through the
 * {@link StrategyContext} it was created with. It must not allocate, block or log: the
 * arguments are reused flyweights, valid only during the call.
 * <p>
 * Fills are delivered after the callback that caused them returns, never from inside
 * {@link StrategyContext#placeOrder}, so a strategy's state is never re-entered.
 */
public interface Strategy
{
    /** A new top of book. Paper execution has already matched resting orders against it. */
    void onQuote(Quote quote);

    /** A trade printed by the market. Paper execution has already matched resting orders against it. */
    default void onTrade(final Trade trade)
    {
    }

    /** A fill of one of this strategy's orders, after position and PnL include it. */
    default void onFill(final Fill fill)
    {
    }
}
