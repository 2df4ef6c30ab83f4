package dev.quietloop.bot.replay;

/**
 * A row of {@link MarketDataFormat#BINANCE_BOOKTICKER}: {@code update_id,best_bid_price,best_bid_qty,
 * best_ask_price,best_ask_qty,transaction_time,event_time}, times in milliseconds. The tick time
 * is the transaction time, when the matching engine changed the book; the event time is when the
 * message left Binance.
 */
final class BookTickerRows implements RowLayout
{
    private static final int UPDATE_ID = 0;
    private static final int BID_PRICE = 1;
    private static final int BID_SIZE = 2;
    private static final int ASK_PRICE = 3;
    private static final int ASK_SIZE = 4;
    private static final int TRANSACTION_TIME = 5;
    private static final int EVENT_TIME = 6;

    @Override
    public int parse(final RowParser row)
    {
        row.integer(UPDATE_ID);
        final long bidPrice = row.decimal(BID_PRICE);
        final long bidSize = row.decimal(BID_SIZE);
        final long askPrice = row.decimal(ASK_PRICE);
        final long askSize = row.decimal(ASK_SIZE);
        final long timestampNs = row.timestamp(TRANSACTION_TIME, RowParser.NANOS_PER_MILLI);
        row.integer(EVENT_TIME);
        row.checks.quote(bidPrice, BID_PRICE, bidSize, BID_SIZE, askPrice, ASK_PRICE, askSize, ASK_SIZE);
        return row.quoteRow(RowParser.NO_SYMBOL_COLUMN, timestampNs, bidPrice, bidSize, askPrice, askSize);
    }
}
