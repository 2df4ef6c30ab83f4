package dev.quietloop.bot.replay;

import java.util.Locale;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.ConfigException;

/**
 * The market data file layouts the bot replays, by the name {@code --format} takes. A format
 * says what its rows hold (quotes or trades), whether they carry their own symbol, and the
 * header line that marks a file of it.
 */
public enum MarketDataFormat
{
    /** Quotes written by {@link MarketDataGenerator}: nanosecond timestamps, a symbol per row. */
    QUIETLOOP(
        "quietloop",
        "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size",
        null,
        6,
        6,
        true,
        new QuietloopRows()),

    /** Binance USD-M futures best bid and offer; millisecond times; the symbol is in the file name. */
    BINANCE_BOOKTICKER(
        "binance-bookticker",
        "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time",
        null,
        7,
        7,
        false,
        new BookTickerRows()),

    /**
     * Binance aggregated trades: futures files (7 columns, a header, milliseconds) and spot files
     * (8 columns, no header, milliseconds before 2025 and microseconds after).
     */
    BINANCE_AGGTRADES(
        "binance-aggtrades",
        "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker",
        "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker,is_best_match",
        AggTradeRows.FUTURES_FIELDS,
        AggTradeRows.SPOT_FIELDS,
        false,
        new AggTradeRows()),

    /** Tardis top-of-book snapshots; microsecond times; ask columns before bid columns. */
    TARDIS_QUOTES(
        "tardis-quotes",
        "exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount",
        null,
        8,
        8,
        true,
        new TardisRows.Quotes()),

    /** Tardis trades; microsecond times; the id is any text. */
    TARDIS_TRADES(
        "tardis-trades",
        "exchange,symbol,timestamp,local_timestamp,id,side,price,amount",
        null,
        8,
        8,
        true,
        new TardisRows.Trades());

    private static final MarketDataFormat[] VALUES = values();

    private final String cliName;
    private final String header;
    private final String[] columns;
    private final int minFields;
    private final int maxFields;
    private final String expectedFields;
    private final boolean carriesSymbol;
    private final RowLayout layout;

    MarketDataFormat(
        final String cliName,
        final String header,
        final String columnsOrNull,
        final int minFields,
        final int maxFields,
        final boolean carriesSymbol,
        final RowLayout layout)
    {
        this.cliName = cliName;
        this.header = header;
        this.columns = (columnsOrNull != null ? columnsOrNull : header).split(",");
        this.minFields = minFields;
        this.maxFields = maxFields;
        this.expectedFields = minFields == maxFields ? Integer.toString(minFields) : minFields + " or " + maxFields;
        this.carriesSymbol = carriesSymbol;
        this.layout = layout;
    }

    /** The name {@code --format} takes. */
    public String cliName()
    {
        return cliName;
    }

    /** @throws ConfigException naming the known formats when {@code name} is none of them. */
    public static MarketDataFormat byName(final String name)
    {
        for (final MarketDataFormat format : VALUES)
        {
            if (format.cliName.equals(name.trim().toLowerCase(Locale.ROOT)))
            {
                return format;
            }
        }
        throw new ConfigException("--format: unknown format '" + name + "' (known: " + names() + ")");
    }

    /** The known names, comma-separated, for messages. */
    public static String names()
    {
        final StringBuilder names = new StringBuilder();
        for (final MarketDataFormat format : VALUES)
        {
            names.append(names.length() == 0 ? "" : ", ").append(format.cliName);
        }
        return names.toString();
    }

    /** The header line this format's files start with (some Binance files have none). */
    String header()
    {
        return header;
    }

    String column(final int index)
    {
        return index >= 0 && index < columns.length ? columns[index] : "field " + (index + 1);
    }

    /** How many fields a row has, for messages: "6", "7 or 8". */
    String expectedFields()
    {
        return expectedFields;
    }

    int minFields()
    {
        return minFields;
    }

    int maxFields()
    {
        return maxFields;
    }

    RowLayout layout()
    {
        return layout;
    }

    boolean carriesSymbol()
    {
        return carriesSymbol;
    }

    RowParser newParser(final LineSource source, final Quote quote, final Trade trade, final SymbolTable symbols,
        final boolean intern, final int fixedSymbolId)
    {
        return new RowParser(this, source, quote, trade, symbols, intern, fixedSymbolId);
    }
}
