package dev.quietloop.bot.replay;

/**
 * A row of {@link MarketDataFormat#TARDIS_TRADES}: {@code exchange,symbol,timestamp,local_timestamp,
 * id,side,price,amount}, times in microseconds. The id is exchange-specific text, never parsed; the
 * tick time is {@code local_timestamp}, the order of the file (see {@link TardisQuoteRowParser}).
 */
final class TardisTradeRowParser extends RowParser
{
    private static final int FIELDS = 8;
    private static final int SYMBOL = 1;
    private static final int TIMESTAMP = 2;
    private static final int LOCAL_TIMESTAMP = 3;
    private static final int SIDE = 5;
    private static final int PRICE = 6;
    private static final int AMOUNT = 7;

    TardisTradeRowParser(
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
        final byte side = side(SIDE);
        final long price = decimal(PRICE);
        final long amount = decimal(AMOUNT);
        checkPrice(price, PRICE);
        checkSize(amount, AMOUNT);
        if (reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        final int symbolId = resolveSymbol(SYMBOL);
        if (symbolId < 0)
        {
            return MarketDataReader.REJECTED;
        }
        trade.set(symbolId, timestampNs, price, amount, side);
        return MarketDataReader.TRADE;
    }
}
