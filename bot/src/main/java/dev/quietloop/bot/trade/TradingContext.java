package dev.quietloop.bot.trade;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.strategy.StrategyContext;

/** What the trading thread gives a strategy: orders and positions go to paper execution, signals to the bot ring. */
public final class TradingContext implements StrategyContext
{
    private final String[] symbols;
    private final PaperExecution execution;
    private final EventPublisher publisher;

    /** @param symbols the names of symbol ids {@code 0..n-1}, as many as execution knows */
    public TradingContext(final String[] symbols, final PaperExecution execution, final EventPublisher publisher)
    {
        if (symbols.length != execution.symbolCount())
        {
            throw new IllegalArgumentException(
                symbols.length + " symbol names for " + execution.symbolCount() + " symbols in execution");
        }
        this.symbols = symbols.clone();
        this.execution = execution;
        this.publisher = publisher;
    }

    @Override
    public int symbolCount()
    {
        return symbols.length;
    }

    @Override
    public String symbol(final int symbolId)
    {
        return symbols[symbolId];
    }

    @Override
    public long placeOrder(final int symbolId, final byte side, final long price, final long quantity)
    {
        return execution.placeOrder(symbolId, side, price, quantity);
    }

    @Override
    public boolean cancelOrder(final long orderId)
    {
        return execution.cancelOrder(orderId);
    }

    @Override
    public void signal(final int symbolId, final byte side, final int code, final long price, final long value)
    {
        publisher.publishSignal(symbolId, side, code, price, value);
    }

    @Override
    public long position(final int symbolId)
    {
        return execution.position(symbolId);
    }
}
