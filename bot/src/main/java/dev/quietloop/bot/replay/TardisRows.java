package dev.quietloop.bot.replay;

/**
 * The rows of the two Tardis formats, which share their first four columns: {@code exchange,symbol,
 * timestamp,local_timestamp}, times in microseconds. The tick time is {@code local_timestamp}, when
 * Tardis received the message: files are ordered by it, while the exchange's own {@code timestamp}
 * can step backwards between messages.
 */
final class TardisRows
{
    private static final int SYMBOL = 1;
    private static final int TIMESTAMP = 2;
    private static final int LOCAL_TIMESTAMP = 3;

    private TardisRows()
    {
    }

    /** Both times are checked; the tick time is the local one. */
    private static long localTimestampNs(final RowParser row)
    {
        row.timestamp(TIMESTAMP, RowParser.NANOS_PER_MICRO);
        return row.timestamp(LOCAL_TIMESTAMP, RowParser.NANOS_PER_MICRO);
    }

    /**
     * A row of {@link MarketDataFormat#TARDIS_QUOTES}: {@code ask_amount,ask_price,bid_price,bid_amount},
     * ask before bid.
     */
    static final class Quotes implements RowLayout
    {
        private static final int ASK_AMOUNT = 4;
        private static final int ASK_PRICE = 5;
        private static final int BID_PRICE = 6;
        private static final int BID_AMOUNT = 7;

        @Override
        public int parse(final RowParser row)
        {
            final long timestampNs = localTimestampNs(row);
            final long askSize = row.decimal(ASK_AMOUNT);
            final long askPrice = row.decimal(ASK_PRICE);
            final long bidPrice = row.decimal(BID_PRICE);
            final long bidSize = row.decimal(BID_AMOUNT);
            row.checks.quote(bidPrice, BID_PRICE, bidSize, BID_AMOUNT, askPrice, ASK_PRICE, askSize, ASK_AMOUNT);
            return row.quoteRow(SYMBOL, timestampNs, bidPrice, bidSize, askPrice, askSize);
        }
    }

    /**
     * A row of {@link MarketDataFormat#TARDIS_TRADES}: {@code id,side,price,amount}. The id is
     * exchange-specific text, never parsed.
     */
    static final class Trades implements RowLayout
    {
        private static final int SIDE = 5;
        private static final int PRICE = 6;
        private static final int AMOUNT = 7;

        @Override
        public int parse(final RowParser row)
        {
            final long timestampNs = localTimestampNs(row);
            final byte side = row.side(SIDE);
            final long price = row.decimal(PRICE);
            final long amount = row.decimal(AMOUNT);
            row.checks.price(price, PRICE);
            row.checks.size(amount, AMOUNT);
            return row.tradeRow(SYMBOL, timestampNs, price, amount, side);
        }
    }
}
