package dev.quietloop.bot.strategy;

import dev.quietloop.strategy.NamedStrategyProvider;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;

/** The smallest strategy: one signal for every quote (at its mid) and every trade (at its price); it never trades. */
public final class TickSignalStrategy implements Strategy
{
    public static final String NAME = "tick-signal";
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

    /** Registered in {@code META-INF/services}: {@code tick-signal}, which has no parameter. */
    public static final class Provider extends NamedStrategyProvider
    {
        public Provider()
        {
            super(NAME);
        }

        @Override
        public Strategy create(final StrategyContext context, final StrategyParameters parameters)
        {
            return new TickSignalStrategy(context);
        }
    }
}
