package dev.quietloop.bot.strategy;

import static dev.quietloop.bot.execution.Published.fixed;

import java.util.List;
import java.util.function.Function;

import com.lmax.disruptor.EventPoller;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.execution.Published;
import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.trade.TradingContext;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;

/**
 * Test help: the trading loop around one strategy, on the test thread. Each tick goes to paper
 * execution first, then to the strategy, then every queued fill to the strategy, as the bot's
 * trading loop does. Nothing here allocates per tick, so allocation tests can drive it.
 */
final class TradingHarness
{
    private static final EventPoller.Handler<Event> DISCARD = (event, sequence, endOfBatch) -> true;

    final BotCounters counters = new BotCounters();
    final EventPublisher publisher;
    private final EventRing ring;
    final PaperExecution execution;
    final TradingContext context;
    final Strategy strategy;
    private final Quote quote = new Quote();
    private final Trade trade = new Trade();
    private final Fill fill = new Fill();
    private long timestampNs;

    TradingHarness(final Function<StrategyContext, Strategy> factory, final String... symbols)
    {
        this(factory, RiskLimits.DEFAULT_MAX_POSITION, symbols);
    }

    TradingHarness(final Function<StrategyContext, Strategy> factory, final long positionLimit, final String... symbols)
    {
        ring = new EventRing(1 << 12, counters.ringRejected);
        publisher = new EventPublisher(ring, 1, 1, counters.eventsProduced, counters.ringRejected);
        execution = new PaperExecution(symbols.length, publisher, RiskLimits.DEFAULTS.withMaxPosition(positionLimit));
        context = new TradingContext(symbols, execution, publisher);
        strategy = factory.apply(context);
    }

    void quote(final int symbolId, final long bidPrice, final long bidSize, final long askPrice, final long askSize)
    {
        publisher.beginTick(System.nanoTime(), ++timestampNs);
        quote.set(symbolId, timestampNs, bidPrice, bidSize, askPrice, askSize);
        execution.onQuote(quote);
        strategy.onQuote(quote);
        deliverFills();
    }

    void quote(
        final int symbolId, final String bidPrice, final String bidSize, final String askPrice, final String askSize)
    {
        quote(symbolId, fixed(bidPrice), fixed(bidSize), fixed(askPrice), fixed(askSize));
    }

    void trade(final int symbolId, final long price, final long quantity, final byte aggressorSide)
    {
        publisher.beginTick(System.nanoTime(), ++timestampNs);
        trade.set(symbolId, timestampNs, price, quantity, aggressorSide);
        execution.onTrade(trade);
        strategy.onTrade(trade);
        deliverFills();
    }

    void trade(final int symbolId, final String price, final String quantity)
    {
        trade(symbolId, fixed(price), fixed(quantity), Trade.SIDE_UNKNOWN);
    }

    /** Every event since the last call, one line each ({@link Published#describe}). */
    List<String> lines()
    {
        return Published.lines(ring);
    }

    /** Empties the ring without looking, as the sender thread would. */
    void discardEvents()
    {
        try
        {
            ring.poller().poll(DISCARD);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void deliverFills()
    {
        while (execution.pollFill(fill))
        {
            strategy.onFill(fill);
        }
    }
}
