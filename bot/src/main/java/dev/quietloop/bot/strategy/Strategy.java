package dev.quietloop.bot.strategy;

/**
 * A trading strategy, called on the trading thread for every quote in replay order. It must not
 * allocate, block or log: it publishes signals and places orders, and nothing else.
 */
public interface Strategy
{
    /**
     * One top-of-book quote. Prices and sizes are fixed-point with {@link dev.quietloop.protocol.Event#SCALE}.
     *
     * @param timestampNs the quote's market data timestamp, carried by every event it causes
     */
    void onQuote(int symbolId, long timestampNs, long bidPrice, long bidSize, long askPrice, long askSize);
}
