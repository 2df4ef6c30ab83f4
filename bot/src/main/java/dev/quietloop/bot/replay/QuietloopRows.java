package dev.quietloop.bot.replay;

/** A row of {@link MarketDataFormat#QUIETLOOP}: {@code timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size}. */
final class QuietloopRows implements RowLayout
{
    private static final int TIMESTAMP_NS = 0;
    private static final int SYMBOL = 1;
    private static final int BID_PRICE = 2;
    private static final int BID_SIZE = 3;
    private static final int ASK_PRICE = 4;
    private static final int ASK_SIZE = 5;

    @Override
    public int parse(final RowParser row)
    {
        final long timestampNs = row.integer(TIMESTAMP_NS);
        final long bidPrice = row.decimal(BID_PRICE);
        final long bidSize = row.decimal(BID_SIZE);
        final long askPrice = row.decimal(ASK_PRICE);
        final long askSize = row.decimal(ASK_SIZE);
        row.checks.quote(bidPrice, BID_PRICE, bidSize, BID_SIZE, askPrice, ASK_PRICE, askSize, ASK_SIZE);
        return row.quoteRow(SYMBOL, timestampNs, bidPrice, bidSize, askPrice, askSize);
    }
}
