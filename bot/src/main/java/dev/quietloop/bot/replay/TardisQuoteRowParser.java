package dev.quietloop.bot.replay;

/**
 * A row of {@link MarketDataFormat#TARDIS_QUOTES}: {@code exchange,symbol,timestamp,local_timestamp,
 * ask_amount,ask_price,bid_price,bid_amount}, times in microseconds, ask before bid. The tick time
 * is {@code local_timestamp}, when Tardis received the message: files are ordered by it, while the
 * exchange's own {@code timestamp} can step backwards between messages.
 */
final class TardisQuoteRowParser extends RowParser
{
    private static final int FIELDS = 8;
    private static final int SYMBOL = 1;
    private static final int TIMESTAMP = 2;
    private static final int LOCAL_TIMESTAMP = 3;
    private static final int ASK_AMOUNT = 4;
    private static final int ASK_PRICE = 5;
    private static final int BID_PRICE = 6;
    private static final int BID_AMOUNT = 7;

    TardisQuoteRowParser(
        final LineSource source, final Quote quote, final Trade trade, final SymbolTable symbols, final boolean intern)
    {
        super(source, quote, trade, symbols, intern);
    }

    @Override
    int parseRow()
    {
        if (!hasFields(FIELDS))
        {
            return MarketDataReader.REJECTED;
        }
        timestamp(TIMESTAMP, NANOS_PER_MICRO);
        final long timestampNs = timestamp(LOCAL_TIMESTAMP, NANOS_PER_MICRO);
        final long askSize = decimal(ASK_AMOUNT);
        final long askPrice = decimal(ASK_PRICE);
        final long bidPrice = decimal(BID_PRICE);
        final long bidSize = decimal(BID_AMOUNT);
        checkSize(askSize, ASK_AMOUNT);
        checkPrice(askPrice, ASK_PRICE);
        checkPrice(bidPrice, BID_PRICE);
        checkSize(bidSize, BID_AMOUNT);
        checkNotCrossed(bidPrice, BID_PRICE, askPrice, ASK_PRICE);
        if (reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        final int symbolId = resolveSymbol(SYMBOL);
        if (symbolId < 0)
        {
            return MarketDataReader.REJECTED;
        }
        quote.set(symbolId, timestampNs, bidPrice, bidSize, askPrice, askSize);
        return MarketDataReader.QUOTE;
    }
}
