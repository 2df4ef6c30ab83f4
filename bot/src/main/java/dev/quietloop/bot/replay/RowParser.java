package dev.quietloop.bot.replay;

import dev.quietloop.wire.Event;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Parses one row of a market data format, straight from its bytes, into the reader's
 * {@link Quote} or {@link Trade} flyweight: no objects, no {@code String}, no {@code double}.
 * The line source has already found the commas, so every field is parsed on its own, which lets
 * the processor work on several at once. The field count, the value checks, the symbol and the
 * flyweight are the same for every format, so they live here; the format's {@link RowLayout} only
 * names its columns and reads them in order with the helpers. A helper that meets bad text records
 * the row's first problem, so every bad row gets one reason: a wrong field count first, then the
 * leftmost bad number or word, then bad values (non-positive, crossed), then the symbol (not one,
 * or unknown). The start-up scan and the trading thread run
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

    /**
     * Up to this many digits an integer is below 2^64, so a value past {@link Long#MAX_VALUE} shows
     * as negative: no overflow check per digit (nanosecond times have 19).
     */
    private static final int MAX_FAST_LONG_DIGITS = 19;
    private static final long MAX_LONG_DIV_10 = Long.MAX_VALUE / 10;
    private static final int MAX_LONG_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);
    private static final long EIGHT_DIGITS = 100_000_000L;

    final Quote quote;
    final Trade trade;
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

    RejectReason reason;
    int rejectColumn;
    /** The ask column of a crossed book, for the report. */
    int otherColumn;

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
        reason = null;
        if (fieldCount < minFields || fieldCount > maxFields)
        {
            reason = RejectReason.FIELD_COUNT;
            rejectColumn = -1;
            return MarketDataReader.REJECTED;
        }
        return layout.parse(this);
    }

    int fieldCount()
    {
        return fieldCount;
    }

    /**
     * A decimal as fixed-point with {@link Event#SCALE}. The common shape, up to 7 integer digits and
     * up to 8 decimals, takes two words; anything else goes to {@link Decimals#parse}.
     */
    long decimal(final int column)
    {
        final int start = fieldStart(column);
        final int end = fieldEnd(column);
        final UnsafeBuffer buffer = this.buffer;
        if (start + 2 * Long.BYTES <= buffer.capacity())
        {
            final long word = Swar.word(address + start);
            final int length = end - start;
            final int integerDigits = Math.min(Swar.digitCount(word), length);
            if (integerDigits == length && length > 0)
            {
                return Swar.digits(word, integerDigits) * Event.SCALE;
            }
            final int fractionStart = start + integerDigits + 1;
            final int fractionDigits = end - fractionStart;
            if (integerDigits > 0 && integerDigits < Long.BYTES && fractionDigits <= Decimals.SCALE_DIGITS &&
                UnsafeApi.getByte(address + fractionStart - 1) == '.')
            {
                final long integer = Swar.digits(word, integerDigits) * Event.SCALE;
                if (fractionDigits == 0)
                {
                    return integer;
                }
                final long fractionWord = Swar.word(address + fractionStart);
                if (Swar.digitCount(fractionWord) >= fractionDigits)
                {
                    return integer + Swar.digits(fractionWord, fractionDigits) *
                        Decimals.powerOfTen(Decimals.SCALE_DIGITS - fractionDigits);
                }
            }
        }
        return decimalSlow(column, start, end);
    }

    /** Digits only: a timestamp or an id; up to 19 digits in three words. */
    long integer(final int column)
    {
        final int start = fieldStart(column);
        final int end = fieldEnd(column);
        final int length = end - start;
        final UnsafeBuffer buffer = this.buffer;
        if (length > 0 && length <= MAX_FAST_LONG_DIGITS && start + 3 * Long.BYTES <= buffer.capacity())
        {
            final long word0 = Swar.word(address + start);
            if (length <= Long.BYTES)
            {
                if (Swar.digitCount(word0) >= length)
                {
                    return Swar.digits(word0, length);
                }
            }
            else
            {
                final long word1 = Swar.word(address + start + Long.BYTES);
                if (length <= 2 * Long.BYTES)
                {
                    final int rest = length - Long.BYTES;
                    if (Swar.digitCount(word0) == Long.BYTES && Swar.digitCount(word1) >= rest)
                    {
                        return Swar.digits(word0, Long.BYTES) * Decimals.powerOfTen(rest) + Swar.digits(word1, rest);
                    }
                }
                else
                {
                    final long word2 = Swar.word(address + start + 2 * Long.BYTES);
                    final int rest = length - 2 * Long.BYTES;
                    if (Swar.digitCount(word0) == Long.BYTES && Swar.digitCount(word1) == Long.BYTES &&
                        Swar.digitCount(word2) >= rest)
                    {
                        final long value = (Swar.digits(word0, Long.BYTES) * EIGHT_DIGITS +
                            Swar.digits(word1, Long.BYTES)) * Decimals.powerOfTen(rest) + Swar.digits(word2, rest);
                        if (value >= 0)
                        {
                            return value;
                        }
                    }
                }
            }
        }
        return integerSlow(column, start, end);
    }

    /** An integer timestamp in units of {@code nanosPerUnit}, as epoch nanoseconds. */
    long timestamp(final int column, final long nanosPerUnit)
    {
        final long value = integer(column);
        if (value > Long.MAX_VALUE / nanosPerUnit)
        {
            return fail(RejectReason.NOT_A_NUMBER, column);
        }
        return value * nanosPerUnit;
    }

    /**
     * A timestamp in milliseconds or, from {@link #MIN_MICROS} on, microseconds, as epoch nanoseconds:
     * Binance spot files switched to microseconds in 2025, and the two never overlap in magnitude
     * (10^14 microseconds is 1973, 10^14 milliseconds the year 5138).
     */
    long timestampMillisOrMicros(final int column)
    {
        final long value = integer(column);
        final long nanosPerUnit = value >= MIN_MICROS ? NANOS_PER_MICRO : NANOS_PER_MILLI;
        if (value > Long.MAX_VALUE / nanosPerUnit)
        {
            return fail(RejectReason.NOT_A_NUMBER, column);
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
        fail(RejectReason.BAD_VALUE, column);
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
            fail(RejectReason.BAD_VALUE, column);
        }
        return Trade.SIDE_UNKNOWN;
    }

    void checkPrice(final long price, final int column)
    {
        if (price <= 0)
        {
            fail(RejectReason.NON_POSITIVE_PRICE, column);
        }
    }

    void checkSize(final long size, final int column)
    {
        if (size <= 0)
        {
            fail(RejectReason.NON_POSITIVE_SIZE, column);
        }
    }

    /**
     * Checks a quote's four values, wherever the format puts them: the leftmost one that is not
     * positive is the problem, unless the row has one already; then a bid above the ask.
     */
    void checkQuote(
        final long bidPrice,
        final int bidPriceColumn,
        final long bidSize,
        final int bidSizeColumn,
        final long askPrice,
        final int askPriceColumn,
        final long askSize,
        final int askSizeColumn)
    {
        if (bidPrice <= 0 || bidSize <= 0 || askPrice <= 0 || askSize <= 0)
        {
            int column = Integer.MAX_VALUE;
            RejectReason leftmost = null;
            if (bidPrice <= 0)
            {
                column = bidPriceColumn;
                leftmost = RejectReason.NON_POSITIVE_PRICE;
            }
            if (bidSize <= 0 && bidSizeColumn < column)
            {
                column = bidSizeColumn;
                leftmost = RejectReason.NON_POSITIVE_SIZE;
            }
            if (askPrice <= 0 && askPriceColumn < column)
            {
                column = askPriceColumn;
                leftmost = RejectReason.NON_POSITIVE_PRICE;
            }
            if (askSize <= 0 && askSizeColumn < column)
            {
                column = askSizeColumn;
                leftmost = RejectReason.NON_POSITIVE_SIZE;
            }
            fail(leftmost, column);
        }
        else if (bidPrice > askPrice && reason == null)
        {
            reason = RejectReason.CROSSED_BOOK;
            rejectColumn = bidPriceColumn;
            otherColumn = askPriceColumn;
        }
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
        if (reason != null)
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
        if (reason != null)
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
            fail(RejectReason.BAD_SYMBOL, column);
        }
        return id;
    }

    /** Records the row's first problem; returns 0 so a helper can return it as its value. */
    long fail(final RejectReason reason, final int column)
    {
        if (this.reason == null)
        {
            this.reason = reason;
            this.rejectColumn = column;
        }
        return 0;
    }

    private int fieldStart(final int column)
    {
        return column == 0 ? lineStart : commas[column - 1] + 1;
    }

    private int fieldEnd(final int column)
    {
        return column + 1 < fieldCount ? commas[column] : lineEnd;
    }

    private long decimalSlow(final int column, final int start, final int end)
    {
        final long value = Decimals.parse(buffer, start, end);
        if (value == Decimals.NOT_A_NUMBER)
        {
            return fail(RejectReason.NOT_A_NUMBER, column);
        }
        if (value == Decimals.NOT_FINITE)
        {
            return fail(RejectReason.NOT_FINITE, column);
        }
        return value;
    }

    private long integerSlow(final int column, final int start, final int end)
    {
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = UnsafeApi.getByte(address + i) - '0';
            if (digit < 0 || digit > 9 ||
                value > MAX_LONG_DIV_10 || (value == MAX_LONG_DIV_10 && digit > MAX_LONG_LAST_DIGIT))
            {
                final byte first = UnsafeApi.getByte(address + start);
                final boolean signed = first == '-' || first == '+';
                final boolean nonFinite = Decimals.isNonFinite(buffer, signed ? start + 1 : start, end);
                return fail(nonFinite ? RejectReason.NOT_FINITE : RejectReason.NOT_A_NUMBER, column);
            }
            value = value * 10 + digit;
        }
        return start == end ? fail(RejectReason.NOT_A_NUMBER, column) : value;
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
