package dev.quietloop.bot.strategy;

import dev.quietloop.bot.replay.Quote;
import dev.quietloop.bot.replay.Trade;
import dev.quietloop.wire.Event;

/** The smallest strategy: one signal for every quote (at its mid) and every trade (at its price); it never trades. */
public final class TickSignalStrategy implements Strategy
{
    /** Its signals' code. Quote: the heavier side, bid size minus ask size. Trade: the aggressor, the quantity. */
    public static final int SIGNAL_TICK = 3;

    private final StrategyContext context;

    public TickSignalStrategy(final StrategyContext context)
    {
        this.context = context;
    }

    @Override
    public void onQuote(final Quote quote)
    {
        final byte heavierSide = quote.bidSize() >= quote.askSize() ? Event.SIDE_BUY : Event.SIDE_SELL;
        context.signal(quote.symbolId(), heavierSide, SIGNAL_TICK, quote.midPrice(), quote.bidSize() - quote.askSize());
    }

    @Override
    public void onTrade(final Trade trade)
    {
        context.signal(trade.symbolId(), trade.aggressorSide(), SIGNAL_TICK, trade.price(), trade.quantity());
    }
}
