package dev.quietloop.bot.replay;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Parses one row of a market data format, straight from its bytes, into the reader's
 * {@link Quote} or {@link Trade} flyweight: no objects, no {@code String}, no {@code double}.
 * The line source has already found the commas, so every field is parsed on its own, which lets
 * the processor work on several at once. The field count, the value checks, the symbol and the
 * flyweight are the same for every format, so they live here; the format's {@link RowLayout} only
 * names its columns and reads them in order with the helpers, and checks their values with
 * {@link #checks}, which keeps the row's first problem. The start-up scan and the trading thread run
 * this same code, so both reject the same rows for the same reasons.
 * <p>
 * Every line source is off-heap memory, read here by address with no bounds check: each read
 * lies inside the line, or inside the buffer's capacity where a word may reach past the line.
 */
final class RowParser
{
    static final long NANOS_PER_MILLI = 1_000_000;
    static final long NANOS_PER_MICRO = 1_000;
    static final long MIN_MICROS = 100_000_000_000_000L;
    /** The symbol column of a format whose rows carry none: its file names the one symbol. */
    static final int NO_SYMBOL_COLUMN = -1;

    final Quote quote;
    final Trade trade;
    final RowChecks checks = new RowChecks();
    private final RowLayout layout;
    private final LineSource source;
    private final UnsafeBuffer buffer;
    private final int[] commas;
    private final SymbolTable symbols;
    private final boolean intern;
    private final int fixedSymbolId;
    private final int minFields;
    private final int maxFields;
    private long address;
    private int lineStart;
    private int lineEnd;
    private int fieldCount;

    /**
     * @param symbols       the file's symbol table, or null for a format whose rows carry no symbol.
     * @param intern        true on the start-up scan, which adds new symbols; the trading thread only looks up.
     * @param fixedSymbolId the file's one symbol, for a format whose rows carry none.
     */
    RowParser(
        final MarketDataFormat format,
        final LineSource source,
        final Quote quote,
        final Trade trade,
        final SymbolTable symbols,
        final boolean intern,
        final int fixedSymbolId)
    {
        this.layout = format.layout();
        this.minFields = format.minFields();
        this.maxFields = format.maxFields();
        this.source = source;
        this.buffer = source.buffer;
        this.commas = source.commas;
        this.quote = quote;
        this.trade = trade;
        this.symbols = symbols;
        this.intern = intern;
        this.fixedSymbolId = fixedSymbolId;
    }

    /**
     * Parses the source's current line, {@code buffer[start, end)}.
     *
     * @return {@link MarketDataReader#QUOTE}, {@code TRADE} or {@code REJECTED}.
     */
    int parse(final int start, final int end)
    {
        address = buffer.addressOffset();
        lineStart = start;
        lineEnd = end;
        fieldCount = source.commaCount + 1;
        checks.clear();
        if (fieldCount < minFields || fieldCount > maxFields)
        {
            checks.fail(RejectReason.FIELD_COUNT, -1);
            return MarketDataReader.REJECTED;
        }
        return layout.parse(this);
    }

    int fieldCount()
    {
        return fieldCount;
    }

    /** A decimal as fixed-point with {@link Event#SCALE}. */
    long decimal(final int column)
    {
        return checked(FieldNumbers.decimal(buffer, fieldStart(column), fieldEnd(column)), column);
    }

    /** Digits only: a timestamp or an id. */
    long integer(final int column)
    {
        return checked(FieldNumbers.integer(buffer, fieldStart(column), fieldEnd(column)), column);
    }

    /** An integer timestamp in units of {@code nanosPerUnit}, as epoch nanoseconds. */
    long timestamp(final int column, final long nanosPerUnit)
    {
        return nanos(integer(column), nanosPerUnit, column);
    }

    /**
     * A timestamp in milliseconds or, from {@link #MIN_MICROS} on, microseconds, as epoch nanoseconds:
     * Binance spot files switched to microseconds in 2025, and the two never overlap in magnitude
     * (10^14 microseconds is 1973, 10^14 milliseconds the year 5138).
     */
    long timestampMillisOrMicros(final int column)
    {
        final long value = integer(column);
        return nanos(value, value >= MIN_MICROS ? NANOS_PER_MICRO : NANOS_PER_MILLI, column);
    }

    private long nanos(final long value, final long nanosPerUnit, final int column)
    {
        if (value > Long.MAX_VALUE / nanosPerUnit)
        {
            return checks.fail(RejectReason.NOT_A_NUMBER, column);
        }
        return value * nanosPerUnit;
    }

    /** {@code True}, {@code False}, {@code true} or {@code false}. */
    boolean bool(final int column)
    {
        final int start = fieldStart(column);
        final int length = fieldEnd(column) - start;
        if (length == 4 && (UnsafeApi.getByte(address + start) | 0x20) == 't' && matches(start + 1, "rue"))
        {
            return true;
        }
        if (length == 5 && (UnsafeApi.getByte(address + start) | 0x20) == 'f' && matches(start + 1, "alse"))
        {
            return false;
        }
        checks.fail(RejectReason.BAD_VALUE, column);
        return false;
    }

    /** {@code buy}, {@code sell} or {@code unknown}: the aggressor side. */
    byte side(final int column)
    {
        final int start = fieldStart(column);
        final int length = fieldEnd(column) - start;
        if (length == 3 && matches(start, "buy"))
        {
            return Event.SIDE_BUY;
        }
        if (length == 4 && matches(start, "sell"))
        {
            return Event.SIDE_SELL;
        }
        if (length != 7 || !matches(start, "unknown"))
        {
            checks.fail(RejectReason.BAD_VALUE, column);
        }
        return Trade.SIDE_UNKNOWN;
    }

    /**
     * The end of a quote row: rejected if any check failed, else the symbol, checked last so that a
     * rejected row never adds one, and the quote set.
     *
     * @param symbolColumn the symbol's column, or {@link #NO_SYMBOL_COLUMN}.
     * @return {@link MarketDataReader#QUOTE} or {@code REJECTED}.
     */
    int quoteRow(
        final int symbolColumn,
        final long timestampNs,
        final long bidPrice,
        final long bidSize,
        final long askPrice,
        final long askSize)
    {
        if (checks.reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        final int symbolId = symbolId(symbolColumn);
        if (symbolId < 0)
        {
            return MarketDataReader.REJECTED;
        }
        quote.set(symbolId, timestampNs, bidPrice, bidSize, askPrice, askSize);
        return MarketDataReader.QUOTE;
    }

    /**
     * The end of a trade row, as {@link #quoteRow} for a quote row.
     *
     * @return {@link MarketDataReader#TRADE} or {@code REJECTED}.
     */
    int tradeRow(
        final int symbolColumn, final long timestampNs, final long price, final long size, final byte side)
    {
        if (checks.reason != null)
        {
            return MarketDataReader.REJECTED;
        }
        final int symbolId = symbolId(symbolColumn);
        if (symbolId < 0)
        {
            return MarketDataReader.REJECTED;
        }
        trade.set(symbolId, timestampNs, price, size, side);
        return MarketDataReader.TRADE;
    }

    private int symbolId(final int column)
    {
        return column == NO_SYMBOL_COLUMN ? fixedSymbolId : resolveSymbol(column);
    }

    /**
     * The id of the symbol in {@code column}, or -1 (a rejection) when it is not a symbol, the table
     * has no room, or it is unknown. The scan checks and interns; the trading thread only looks up,
     * and as the table holds only valid symbols, a symbol found is a valid one: both reject the same
     * rows, and as this is the last check, for the same reason.
     */
    private int resolveSymbol(final int column)
    {
        final int start = fieldStart(column);
        final int length = fieldEnd(column) - start;
        final int id = intern ? symbols.intern(buffer, start, length) : symbols.lookup(buffer, start, length);
        if (id < 0)
        {
            checks.fail(RejectReason.BAD_SYMBOL, column);
        }
        return id;
    }

    private int fieldStart(final int column)
    {
        return column == 0 ? lineStart : commas[column - 1] + 1;
    }

    private int fieldEnd(final int column)
    {
        return column + 1 < fieldCount ? commas[column] : lineEnd;
    }

    private long checked(final long value, final int column)
    {
        if (value == Decimals.NOT_A_NUMBER)
        {
            return checks.fail(RejectReason.NOT_A_NUMBER, column);
        }
        if (value == Decimals.NOT_FINITE)
        {
            return checks.fail(RejectReason.NOT_FINITE, column);
        }
        return value;
    }

    private boolean matches(final int start, final String lowerCase)
    {
        for (int i = 0; i < lowerCase.length(); i++)
        {
            if (UnsafeApi.getByte(address + start + i) != lowerCase.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
