package com.example.quietloop;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.wire.Event;

/**
 * Signals when a symbol's spread widens to {@code min-spread} or more, once per widening: the
 * spread must narrow below it again before the next signal. The signal's side is the heavier side
 * of the book, its price the mid, its value the spread. It never trades.
 */
public final class SpreadWatchStrategy implements Strategy
{
    private final StrategyContext context;
    private final long minSpread;
    private final int code;
    private final boolean[] wide;

    /**
     * @param minSpread the spread that counts as wide, fixed-point
     * @param code      its signals' code
     */
    public SpreadWatchStrategy(final StrategyContext context, final long minSpread, final int code)
    {
        this.context = context;
        this.minSpread = minSpread;
        this.code = code;
        this.wide = new boolean[context.symbolCount()];
    }

    @Override
    public void onQuote(final Quote quote)
    {
        final int symbolId = quote.symbolId();
        final long spread = quote.askPrice() - quote.bidPrice();
        final boolean isWide = spread >= minSpread;
        if (isWide && !wide[symbolId])
        {
            final byte heavierSide = quote.bidSize() >= quote.askSize() ? Event.SIDE_BUY : Event.SIDE_SELL;
            context.signal(symbolId, heavierSide, code, quote.midPrice(), spread);
        }
        wide[symbolId] = isWide;
    }
}
