package dev.quietloop.bot.strategy;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.protocol.Event;

/**
 * The sample strategy: an exponential moving average of the mid price per symbol; when the mid
 * strays from it by more than a threshold, it signals and trades one lot against the move
 * (sells above the average, buys below), with a marketable limit order. All fixed-point.
 */
public final class MeanReversionStrategy implements Strategy
{
    /** {@link Event#code} of this strategy's signals. */
    public static final int SIGNAL_MEAN_REVERSION = 1;
    /** The average moves 1/2^4 = 1/16 of the way to each new mid. */
    public static final int EMA_SHIFT = 4;
    /** Signal when |mid - average| exceeds this many millionths of the average. */
    public static final long THRESHOLD_PPM = 180;
    public static final long LOT_QUANTITY = Event.SCALE / 100;

    private static final long PPM = 1_000_000;

    private final EventPublisher publisher;
    private final PaperExecution execution;
    private final long[] averages;

    public MeanReversionStrategy(final int symbolCount, final EventPublisher publisher, final PaperExecution execution)
    {
        this.publisher = publisher;
        this.execution = execution;
        this.averages = new long[symbolCount];
    }

    @Override
    public void onQuote(
        final int symbolId,
        final long timestampNs,
        final long bidPrice,
        final long bidSize,
        final long askPrice,
        final long askSize)
    {
        final long mid = (bidPrice + askPrice) >>> 1;
        final long average = averages[symbolId];
        if (average == 0)
        {
            averages[symbolId] = mid;
            return;
        }
        averages[symbolId] = average + ((mid - average) >> EMA_SHIFT);

        final long deviation = mid - average;
        final long threshold = average / PPM * THRESHOLD_PPM;
        if (deviation > threshold || deviation < -threshold)
        {
            final byte side = deviation > 0 ? Event.SIDE_SELL : Event.SIDE_BUY;
            publisher.publishSignal(symbolId, side, SIGNAL_MEAN_REVERSION, mid, deviation, timestampNs);
            execution.placeMarketable(symbolId, side, LOT_QUANTITY, bidPrice, bidSize, askPrice, askSize, timestampNs);
        }
    }

    /** The moving average of a symbol's mid price, fixed-point; 0 before its first quote. */
    public long average(final int symbolId)
    {
        return averages[symbolId];
    }
}
