package dev.quietloop.bot.replay;

import java.nio.ByteOrder;

import dev.quietloop.protocol.Event;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Parses one row of a market data format, in one pass over its bytes, into the reader's
 * {@link Quote} or {@link Trade} flyweight; no objects, no {@code String}, no {@code double}.
 * A subclass reads its fields left to right with the helpers here; a helper that meets bad text
 * records the first problem and skips to the next field, so a row is always read to its end and
 * every bad row gets one reason: a wrong field count first, then the leftmost bad number or word,
 * then bad values (non-positive, crossed), then the symbol (not one, or unknown). The start-up scan and the trading
 * thread run this same code, so both reject the same rows for the same reasons.
 */
abstract class RowParser
{
    static final long NANOS_PER_MILLI = 1_000_000;
    static final long NANOS_PER_MICRO = 1_000;
    static final long MIN_MICROS = 100_000_000_000_000L;

    /** Up to this many integer digits a decimal cannot overflow on the fast path. */
    private static final int MAX_FAST_INTEGER_DIGITS = 10;
    /**
     * Up to this many digits an integer is below 2^64, so a value past {@link Long#MAX_VALUE} shows
     * as negative: the fast path needs no overflow check per digit (nanosecond times have 19).
     */
    private static final int MAX_FAST_LONG_DIGITS = 19;
    private static final long MAX_LONG_DIV_10 = Long.MAX_VALUE / 10;
    private static final int MAX_LONG_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);

    final Quote quote;
    final Trade trade;
    private final UnsafeBuffer buffer;
    private final SymbolTable symbols;
    private final boolean intern;
    /** Where the next field starts; past {@link #end} once the last field has been read. */
    private int position;
    private int end;
    private int symbolStart;
    private int symbolLength;

    RejectReason reason;
    int rejectColumn;
    /** The ask column of a crossed book, for the report. */
    int otherColumn;

    /**
     * @param symbols the file's symbol table, or null for a format whose rows carry no symbol.
     * @param intern  true on the start-up scan, which adds new symbols; the trading thread only looks up.
     */
    RowParser(
        final LineSource source, final Quote quote, final Trade trade, final SymbolTable symbols, final boolean intern)
    {
        this.buffer = source.buffer;
        this.quote = quote;
        this.trade = trade;
        this.symbols = symbols;
        this.intern = intern;
    }

    /** Parses {@code buffer[start, end)}: {@link MarketDataReader#QUOTE}, {@code TRADE} or {@code REJECTED}. */
    final int parse(final int start, final int end)
    {
        this.position = start;
        this.end = end;
        this.reason = null;
        return parseRow();
    }

    abstract int parseRow();

    /**
     * A decimal as fixed-point with {@link Event#SCALE}. The common shape, up to 7 integer digits and
     * up to 8 decimals, takes two words; anything else goes byte by byte.
     */
    final long decimal(final int column)
    {
        final int start = position;
        final int end = this.end;
        if (start > end)
        {
            return missingField();
        }
        final UnsafeBuffer buffer = this.buffer;
        if (start + 2 * Long.BYTES <= buffer.capacity())
        {
            final long word = buffer.getLong(start, ByteOrder.LITTLE_ENDIAN);
            final int integerDigits = Math.min(Swar.digitCount(word), end - start);
            int i = start + integerDigits;
            if (integerDigits > 0 && integerDigits < Long.BYTES)
            {
                final long integer = Swar.digits(word, integerDigits) * Event.SCALE;
                if (i == end || buffer.getByte(i) == ',')
                {
                    position = i + 1;
                    return integer;
                }
                if (buffer.getByte(i) == '.')
                {
                    final long fractionWord = buffer.getLong(i + 1, ByteOrder.LITTLE_ENDIAN);
                    final int fractionDigits = Math.min(Swar.digitCount(fractionWord), end - i - 1);
                    i += 1 + fractionDigits;
                    if (i == end || buffer.getByte(i) == ',')
                    {
                        position = i + 1;
                        return fractionDigits == 0 ? integer : integer + Swar.digits(fractionWord, fractionDigits) *
                            Decimals.powerOfTen(Decimals.SCALE_DIGITS - fractionDigits);
                    }
                }
            }
        }
        return decimalBytes(column, start);
    }

    /** Digits only: a timestamp or an id; eight digits a step. */
    final long integer(final int column)
    {
        final int start = position;
        final int end = this.end;
        if (start > end)
        {
            return missingField();
        }
        final UnsafeBuffer buffer = this.buffer;
        final int lastWord = buffer.capacity() - Long.BYTES;
        long value = 0;
        int i = start;
        while (i <= lastWord)
        {
            final long word = buffer.getLong(i, ByteOrder.LITTLE_ENDIAN);
            final int digits = Math.min(Swar.digitCount(word), end - i);
            if (digits == 0)
            {
                break;
            }
            value = value * Decimals.powerOfTen(digits) + Swar.digits(word, digits);
            i += digits;
            if (digits < Long.BYTES)
            {
                break;
            }
        }
        final int digits = i - start;
        if ((i == end || buffer.getByte(i) == ',') && digits > 0 && digits <= MAX_FAST_LONG_DIGITS && value >= 0)
        {
            position = i + 1;
            return value;
        }
        return integerSlow(column, start);
    }

    /** An integer timestamp in units of {@code nanosPerUnit}, as epoch nanoseconds. */
    final long timestamp(final int column, final long nanosPerUnit)
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
    final long timestampMillisOrMicros(final int column)
    {
        final long value = integer(column);
        final long nanosPerUnit = value >= MIN_MICROS ? NANOS_PER_MICRO : NANOS_PER_MILLI;
        if (value > Long.MAX_VALUE / nanosPerUnit)
        {
            return fail(RejectReason.NOT_A_NUMBER, column);
        }
        return value * nanosPerUnit;
    }

    /** Any text up to the next comma: a field the replay does not use. */
    final void skip()
    {
        if (position > end)
        {
            missingField();
            return;
        }
        position = fieldEnd(position) + 1;
    }

    /** A symbol's place in the row; {@link #resolveSymbol}, last of all checks, turns it into an id. */
    final void symbol()
    {
        final int start = position;
        if (start > end)
        {
            missingField();
            return;
        }
        final int fieldEnd = fieldEnd(start);
        position = fieldEnd + 1;
        symbolStart = start;
        symbolLength = fieldEnd - start;
    }

    /** {@code True}, {@code False}, {@code true} or {@code false}. */
    final boolean bool(final int column)
    {
        final int start = position;
        if (start > end)
        {
            missingField();
            return false;
        }
        final int fieldEnd = fieldEnd(start);
        position = fieldEnd + 1;
        final int length = fieldEnd - start;
        if (length == 4 && (buffer.getByte(start) | 0x20) == 't' && matches(start + 1, "rue"))
        {
            return true;
        }
        if (length == 5 && (buffer.getByte(start) | 0x20) == 'f' && matches(start + 1, "alse"))
        {
            return false;
        }
        fail(RejectReason.BAD_VALUE, column);
        return false;
    }

    /** {@code buy}, {@code sell} or {@code unknown}: the aggressor side. */
    final byte side(final int column)
    {
        final int start = position;
        if (start > end)
        {
            missingField();
            return Trade.SIDE_UNKNOWN;
        }
        final int fieldEnd = fieldEnd(start);
        position = fieldEnd + 1;
        final int length = fieldEnd - start;
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

    /** Whether another field follows; the aggTrades formats differ by an optional last column. */
    final boolean hasMoreFields()
    {
        return position <= end;
    }

    /** After the last field: any field left over is one too many. */
    final void endOfRow()
    {
        if (position <= end)
        {
            reason = RejectReason.FIELD_COUNT;
            rejectColumn = -1;
        }
    }

    final void checkPrice(final long price, final int column)
    {
        if (price <= 0)
        {
            fail(RejectReason.NON_POSITIVE_PRICE, column);
        }
    }

    final void checkSize(final long size, final int column)
    {
        if (size <= 0)
        {
            fail(RejectReason.NON_POSITIVE_SIZE, column);
        }
    }

    final void checkNotCrossed(final long bidPrice, final int bidColumn, final long askPrice, final int askColumn)
    {
        if (bidPrice > askPrice && reason == null)
        {
            reason = RejectReason.CROSSED_BOOK;
            rejectColumn = bidColumn;
            otherColumn = askColumn;
        }
    }

    /**
     * The id of the symbol read by {@link #symbol}, or -1 (a rejection) when it is not a symbol, the
     * table has no room, or it is unknown. The scan checks and interns; the trading thread only looks
     * up, and as the table holds only valid symbols, a symbol found is a valid one: both reject the
     * same rows, and as this is the last check, for the same reason.
     */
    final int resolveSymbol(final int column)
    {
        final int id = intern ?
            symbols.intern(buffer, symbolStart, symbolLength) : symbols.lookup(buffer, symbolStart, symbolLength);
        if (id < 0)
        {
            fail(RejectReason.BAD_SYMBOL, column);
        }
        return id;
    }

    /** Records the row's first problem; returns 0 so a helper can return it as its value. */
    final long fail(final RejectReason reason, final int column)
    {
        if (this.reason == null)
        {
            this.reason = reason;
            this.rejectColumn = column;
        }
        return 0;
    }

    /** A field is missing: the field count outranks any other problem. */
    private long missingField()
    {
        reason = RejectReason.FIELD_COUNT;
        rejectColumn = -1;
        return 0;
    }

    /** A decimal byte by byte: near the end of the buffer, or any shape the word path does not take. */
    private long decimalBytes(final int column, final int start)
    {
        final UnsafeBuffer buffer = this.buffer;
        final int end = this.end;
        int i = start;
        long integer = 0;
        while (i < end)
        {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            integer = integer * 10 + digit;
            i++;
        }
        final int integerDigits = i - start;
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end && buffer.getByte(i) == '.')
        {
            final int fractionStart = ++i;
            while (i < end)
            {
                final int digit = buffer.getByte(i) - '0';
                if (digit < 0 || digit > 9)
                {
                    break;
                }
                fraction = fraction * 10 + digit;
                i++;
            }
            fractionDigits = i - fractionStart;
        }
        if ((i == end || buffer.getByte(i) == ',') && integerDigits <= MAX_FAST_INTEGER_DIGITS &&
            fractionDigits <= Decimals.SCALE_DIGITS && integerDigits + fractionDigits > 0)
        {
            position = i + 1;
            return integer * Event.SCALE + fraction * Decimals.powerOfTen(Decimals.SCALE_DIGITS - fractionDigits);
        }
        return decimalSlow(column, start);
    }

    private long decimalSlow(final int column, final int start)
    {
        final int fieldEnd = fieldEnd(start);
        position = fieldEnd + 1;
        final long value = Decimals.parse(buffer, start, fieldEnd);
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

    private long integerSlow(final int column, final int start)
    {
        final int fieldEnd = fieldEnd(start);
        position = fieldEnd + 1;
        long value = 0;
        for (int i = start; i < fieldEnd; i++)
        {
            final int digit = buffer.getByte(i) - '0';
            if (digit < 0 || digit > 9 ||
                value > MAX_LONG_DIV_10 || (value == MAX_LONG_DIV_10 && digit > MAX_LONG_LAST_DIGIT))
            {
                final boolean signed = buffer.getByte(start) == '-' || buffer.getByte(start) == '+';
                final boolean nonFinite = Decimals.isNonFinite(buffer, signed ? start + 1 : start, fieldEnd);
                return fail(nonFinite ? RejectReason.NOT_FINITE : RejectReason.NOT_A_NUMBER, column);
            }
            value = value * 10 + digit;
        }
        return start == fieldEnd ? fail(RejectReason.NOT_A_NUMBER, column) : value;
    }

    /** The index of the comma after the field at {@code start}, or the line's end; eight bytes a step. */
    private int fieldEnd(final int start)
    {
        final UnsafeBuffer buffer = this.buffer;
        final int end = this.end;
        final int lastWord = buffer.capacity() - Long.BYTES;
        int i = start;
        while (i < end && i <= lastWord)
        {
            final int found = Swar.indexOf(buffer.getLong(i, ByteOrder.LITTLE_ENDIAN), Swar.COMMAS);
            if (found < Long.BYTES)
            {
                return Math.min(i + found, end);
            }
            i += Long.BYTES;
        }
        while (i < end && buffer.getByte(i) != ',')
        {
            i++;
        }
        return Math.min(i, end);
    }

    private boolean matches(final int start, final String lowerCase)
    {
        for (int i = 0; i < lowerCase.length(); i++)
        {
            if (buffer.getByte(start + i) != lowerCase.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
