package dev.quietloop.bot.trade;

import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.replay.Quotes;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.strategy.Strategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The trading thread's work: walk the quote arrays through the strategy as fast as it goes (the
 * strategy publishes into the ring, never waiting), stop early on request, then begin the drain
 * and offer the end of stream with the final counters until the ring takes it or the deadline passes.
 */
public final class Trader implements Runnable
{
    private final Quotes quotes;
    private final Strategy strategy;
    private final EventPublisher publisher;
    private final AtomicCounter ticks;
    private final RunControl control;
    private final IdleStrategy idleStrategy;
    private final long drainTimeoutNs;
    private boolean endOfStreamPublished;

    public Trader(
        final Quotes quotes,
        final Strategy strategy,
        final EventPublisher publisher,
        final AtomicCounter ticks,
        final RunControl control,
        final IdleStrategy idleStrategy,
        final long drainTimeoutNs)
    {
        this.quotes = quotes;
        this.strategy = strategy;
        this.publisher = publisher;
        this.ticks = ticks;
        this.control = control;
        this.idleStrategy = idleStrategy;
        this.drainTimeoutNs = drainTimeoutNs;
    }

    @Override
    public void run()
    {
        replay();
        control.beginDrain(System.nanoTime() + drainTimeoutNs);
        publishEndOfStream();
    }

    /**
     * Replays every row through the strategy, or until a stop is requested.
     *
     * @return the rows replayed.
     */
    public int replay()
    {
        final Strategy strategy = this.strategy;
        final RunControl control = this.control;
        final AtomicCounter ticks = this.ticks;
        final long[] timestampNs = quotes.timestampNs;
        final int[] symbolId = quotes.symbolId;
        final long[] bidPrice = quotes.bidPrice;
        final long[] bidSize = quotes.bidSize;
        final long[] askPrice = quotes.askPrice;
        final long[] askSize = quotes.askSize;
        final int count = quotes.count();
        int i = 0;
        while (i < count && !control.isStopRequested())
        {
            strategy.onQuote(symbolId[i], timestampNs[i], bidPrice[i], bidSize[i], askPrice[i], askSize[i]);
            ticks.incrementRelease();
            i++;
        }
        return i;
    }

    /**
     * Offers the end of stream until the ring takes it or the drain deadline passes.
     *
     * @return true if it is in the ring.
     */
    public boolean publishEndOfStream()
    {
        final long lastMarketDataNs = lastReplayedTimestampNs();
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

    private long lastReplayedTimestampNs()
    {
        final long replayed = Math.min(ticks.getPlain(), quotes.count());
        return replayed == 0 ? 0 : quotes.timestampNs[(int)replayed - 1];
    }
}
