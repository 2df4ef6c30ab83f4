package dev.quietloop.bot.replay;

/**
 * A row of {@link MarketDataFormat#BINANCE_BOOKTICKER}: {@code update_id,best_bid_price,best_bid_qty,
 * best_ask_price,best_ask_qty,transaction_time,event_time}, times in milliseconds. The tick time
 * is the transaction time, when the matching engine changed the book; the event time is when the
 * message left Binance.
 */
final class BookTickerRowParser extends RowParser
{
    private static final int FIELDS = 7;
    private static final int UPDATE_ID = 0;
    private static final int BID_PRICE = 1;
    private static final int BID_SIZE = 2;
    private static final int ASK_PRICE = 3;
    private static final int ASK_SIZE = 4;
    private static final int TRANSACTION_TIME = 5;
    private static final int EVENT_TIME = 6;

    private final int symbolId;

    BookTickerRowParser(final LineSource source, final Quote quote, final Trade trade, final int symbolId)
    {
        super(source, quote, trade, null, false);
        this.symbolId = symbolId;
    }

    @Override
    int parseRow()
    {
        if (!hasFields(FIELDS))
        {
            return MarketDataReader.REJECTED;
        }
        integer(UPDATE_ID);
        final long bidPrice = decimal(BID_PRICE);
        final long bidSize = decimal(BID_SIZE);
        final long askPrice = decimal(ASK_PRICE);
        final long askSize = decimal(ASK_SIZE);
        final long timestampNs = timestamp(TRANSACTION_TIME, NANOS_PER_MILLI);
        integer(EVENT_TIME);
        checkPrice(bidPrice, BID_PRICE);
        checkSize(bidSize, BID_SIZE);
        checkPrice(askPrice, ASK_PRICE);
        checkSize(askSize, ASK_SIZE);
        checkNotCrossed(bidPrice, BID_PRICE, askPrice, ASK_PRICE);
        if (reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        quote.set(symbolId, timestampNs, bidPrice, bidSize, askPrice, askSize);
        return MarketDataReader.QUOTE;
    }
}
