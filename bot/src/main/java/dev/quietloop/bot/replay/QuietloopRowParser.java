package dev.quietloop.bot.replay;

/** A row of {@link MarketDataFormat#QUIETLOOP}: {@code timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size}. */
final class QuietloopRowParser extends RowParser
{
    private static final int FIELDS = 6;
    private static final int TIMESTAMP_NS = 0;
    private static final int SYMBOL = 1;
    private static final int BID_PRICE = 2;
    private static final int BID_SIZE = 3;
    private static final int ASK_PRICE = 4;
    private static final int ASK_SIZE = 5;

    QuietloopRowParser(
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
        final long timestampNs = integer(TIMESTAMP_NS);
        final long bidPrice = decimal(BID_PRICE);
        final long bidSize = decimal(BID_SIZE);
        final long askPrice = decimal(ASK_PRICE);
        final long askSize = decimal(ASK_SIZE);
        checkPrice(bidPrice, BID_PRICE);
        checkSize(bidSize, BID_SIZE);
        checkPrice(askPrice, ASK_PRICE);
        checkSize(askSize, ASK_SIZE);
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
