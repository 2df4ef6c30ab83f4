package dev.quietloop.bot.replay;

import java.nio.charset.StandardCharsets;

import dev.quietloop.protocol.Event;

/**
 * Parses one row of the quote CSV from bytes, with no {@code double} on the way: decimals go
 * straight to fixed-point longs with {@link Event#SCALE}. One instance is reused for every row;
 * after a successful {@link #parse} its fields hold the row.
 */
public final class QuoteParser
{
    /** The exact first line of a quote CSV. */
    public static final String HEADER = "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size";
    /** Returned by the number parsers for anything that is not a number in range. */
    public static final long INVALID = Long.MIN_VALUE;
    public static final int FIELDS = 6;
    public static final int MAX_DECIMALS = 8;
    public static final int MAX_SYMBOL_LENGTH = 32;

    private static final long MAX_INTEGER_PART = Long.MAX_VALUE / Event.SCALE - 1;
    private static final int SHOWN_FIELD_CHARS = 24;
    private static final String[] NAMES = HEADER.split(",");

    private final int[] fieldStart = new int[FIELDS];
    private final int[] fieldEnd = new int[FIELDS];

    public long timestampNs;
    public int symbolStart;
    public int symbolEnd;
    public long bidPrice;
    public long bidSize;
    public long askPrice;
    public long askSize;

    /**
     * Parses the row in {@code line[start, end)}.
     *
     * @return null if the row is valid, otherwise why it is not (for the start-up report).
     */
    public String parse(final byte[] line, final int start, final int end)
    {
        final int fields = split(line, start, end);
        if (fields != FIELDS)
        {
            return "expected " + FIELDS + " fields, found " + fields;
        }
        timestampNs = parseNonNegativeInteger(line, fieldStart[0], fieldEnd[0]);
        if (timestampNs == INVALID)
        {
            return badField(line, 0);
        }
        if (!isSymbol(line, fieldStart[1], fieldEnd[1]))
        {
            return badField(line, 1);
        }
        symbolStart = fieldStart[1];
        symbolEnd = fieldEnd[1];
        bidPrice = parseFixedPoint(line, fieldStart[2], fieldEnd[2]);
        bidSize = parseFixedPoint(line, fieldStart[3], fieldEnd[3]);
        askPrice = parseFixedPoint(line, fieldStart[4], fieldEnd[4]);
        askSize = parseFixedPoint(line, fieldStart[5], fieldEnd[5]);
        final String bad = firstNotPositive(line);
        if (bad != null)
        {
            return bad;
        }
        if (bidPrice > askPrice)
        {
            return "bid_price " + text(line, 2) + " > ask_price " + text(line, 4);
        }
        return null;
    }

    public String symbol(final byte[] line)
    {
        return new String(line, symbolStart, symbolEnd - symbolStart, StandardCharsets.US_ASCII);
    }

    /**
     * A decimal with up to {@link #MAX_DECIMALS} decimals (optional leading minus) as a
     * fixed-point long with {@link Event#SCALE}, exactly; {@link #INVALID} otherwise.
     */
    public static long parseFixedPoint(final byte[] text, final int start, final int end)
    {
        int i = start;
        final boolean negative = i < end && text[i] == '-';
        if (negative)
        {
            i++;
        }
        long integer = 0;
        final int integerStart = i;
        while (i < end && text[i] != '.')
        {
            final int digit = text[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return INVALID;
            }
            integer = integer * 10 + digit;
            if (integer > MAX_INTEGER_PART)
            {
                return INVALID;
            }
            i++;
        }
        if (i == integerStart)
        {
            return INVALID;
        }
        long fraction = 0;
        int decimals = 0;
        if (i < end)
        {
            i++;
            if (i == end || end - i > MAX_DECIMALS)
            {
                return INVALID;
            }
            while (i < end)
            {
                final int digit = text[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return INVALID;
                }
                fraction = fraction * 10 + digit;
                decimals++;
                i++;
            }
        }
        for (int d = decimals; d < MAX_DECIMALS; d++)
        {
            fraction *= 10;
        }
        final long value = integer * Event.SCALE + fraction;
        return negative ? -value : value;
    }

    /** Digits only, within a long; {@link #INVALID} otherwise. */
    public static long parseNonNegativeInteger(final byte[] text, final int start, final int end)
    {
        if (start >= end)
        {
            return INVALID;
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10)
            {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    static boolean isSymbol(final byte[] text, final int start, final int end)
    {
        if (start >= end || end - start > MAX_SYMBOL_LENGTH)
        {
            return false;
        }
        for (int i = start; i < end; i++)
        {
            final byte b = text[i];
            final boolean ok = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                b == '-' || b == '_' || b == '.';
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private int split(final byte[] line, final int start, final int end)
    {
        int fields = 0;
        int fieldBegin = start;
        for (int i = start; i <= end; i++)
        {
            if (i == end || line[i] == ',')
            {
                if (fields < FIELDS)
                {
                    fieldStart[fields] = fieldBegin;
                    fieldEnd[fields] = i;
                }
                fields++;
                fieldBegin = i + 1;
            }
        }
        return fields;
    }

    private String firstNotPositive(final byte[] line)
    {
        final long[] values = { bidPrice, bidSize, askPrice, askSize };
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] == INVALID)
            {
                return badField(line, i + 2);
            }
        }
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] <= 0)
            {
                return NAMES[i + 2] + " must be positive, found " + text(line, i + 2);
            }
        }
        return null;
    }

    private String badField(final byte[] line, final int field)
    {
        return "bad " + NAMES[field] + " '" + text(line, field) + "'";
    }

    private String text(final byte[] line, final int field)
    {
        final int length = fieldEnd[field] - fieldStart[field];
        final String shown = new String(
            line, fieldStart[field], Math.min(length, SHOWN_FIELD_CHARS), StandardCharsets.ISO_8859_1);
        return length > SHOWN_FIELD_CHARS ? shown + "..." : shown;
    }
}
