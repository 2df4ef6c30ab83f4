package dev.quietloop.bot.trade;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.Trade;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The trading thread's work. For each row of the market data: parse it (a malformed row is
 * counted by reason and skipped before it touches any state), wait until it is due, let paper
 * execution match resting orders against it, hand it to the strategy, then deliver the fills.
 * At the end, or on a stop request, begin the drain and offer the end of stream until it is
 * taken or the drain deadline passes. Nothing here allocates, blocks or logs (but the naive
 * baseline's sink, {@code --send-mode direct}, blocks on its socket by design).
 */
public final class Trader implements Runnable
{
    private final MarketDataReader reader;
    private final Strategy strategy;
    private final PaperExecution execution;
    private final EventPublisher publisher;
    private final Pacer pacer;
    private final BotCounters counters;
    private final AtomicCounter ticks;
    private final RunControl control;
    private final IdleStrategy idleStrategy;
    private final long drainTimeoutNs;
    private final Fill fill = new Fill();
    private long lastMarketDataNs;
    private boolean endOfStreamPublished;
    private volatile Throwable failure;

    /**
     * @param pacer          when each tick is due; its idle strategy and run control are the trading
     *                       thread's, which the end of stream waits with too
     * @param drainTimeoutNs how long the end of stream and what is before it may take to leave
     */
    public Trader(
        final MarketDataReader reader,
        final Strategy strategy,
        final PaperExecution execution,
        final EventPublisher publisher,
        final Pacer pacer,
        final BotCounters counters,
        final long drainTimeoutNs)
    {
        this.reader = reader;
        this.strategy = strategy;
        this.execution = execution;
        this.publisher = publisher;
        this.pacer = pacer;
        this.counters = counters;
        this.ticks = counters.ticks;
        this.control = pacer.control();
        this.idleStrategy = pacer.idleStrategy();
        this.drainTimeoutNs = drainTimeoutNs;
    }

    /**
     * Replays, then ends the stream. A strategy that throws stops the replay, never silently:
     * the failure is kept for {@link #failure()}, and the stream still ends so that everything
     * produced before it is delivered and counted.
     */
    @Override
    public void run()
    {
        try
        {
            replay();
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
        control.beginDrain(System.nanoTime() + drainTimeoutNs);
        publishEndOfStream();
    }

    /** What stopped the replay early, or null. */
    public Throwable failure()
    {
        return failure;
    }

    /** The line of the market data file the replay is at. */
    public long lineNumber()
    {
        return reader.lineNumber();
    }

    /**
     * Replays rows until the end of the data or a stop request.
     *
     * @return the ticks replayed (accepted rows).
     */
    public long replay()
    {
        final MarketDataReader reader = this.reader;
        final RunControl control = this.control;
        long replayed = 0;
        while (!control.isStopRequested())
        {
            final int row = reader.next();
            if (row == MarketDataReader.QUOTE)
            {
                onQuote(reader.quote());
            }
            else if (row == MarketDataReader.TRADE)
            {
                onTrade(reader.trade());
            }
            else if (row == MarketDataReader.REJECTED)
            {
                counters.rowRejected(reader.rejectReason());
                continue;
            }
            else
            {
                break;
            }
            publisher.endTick();
            ticks.incrementRelease();
            replayed++;
        }
        return replayed;
    }

    /**
     * Offers the end of stream until the publisher's sink (the ring, or the direct socket) takes it
     * or the drain deadline passes.
     *
     * @return true if the sink took it.
     */
    public boolean publishEndOfStream()
    {
        idleStrategy.reset();
        while (!publisher.tryPublishEndOfStream(ticks.getPlain(), lastMarketDataNs))
        {
            if (control.isPastDeadline(System.nanoTime()) || control.isAbandoned())
            {
                return false;
            }
            idleStrategy.idle();
        }
        endOfStreamPublished = true;
        return true;
    }

    public boolean isEndOfStreamPublished()
    {
        return endOfStreamPublished;
    }

    private void onQuote(final Quote quote)
    {
        beginTick(quote.timestampNs());
        execution.onQuote(quote);
        deliverFills();
        strategy.onQuote(quote);
        deliverFills();
    }

    private void onTrade(final Trade trade)
    {
        beginTick(trade.timestampNs());
        execution.onTrade(trade);
        deliverFills();
        strategy.onTrade(trade);
        deliverFills();
    }

    /** Waits for the tick's time (when paced) and stamps what it causes with it. */
    private void beginTick(final long marketDataNs)
    {
        publisher.beginTick(pacer.awaitTick(marketDataNs), marketDataNs);
        lastMarketDataNs = marketDataNs;
    }

    /** A fill may lead the strategy to place an order that fills at once: deliver until none is left. */
    private void deliverFills()
    {
        final Fill fill = this.fill;
        while (execution.pollFill(fill))
        {
            strategy.onFill(fill);
        }
    }
}
