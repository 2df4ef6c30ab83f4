package dev.quietloop.bot.replay;

import dev.quietloop.wire.Event;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A field's number, straight from its off-heap bytes: the common shapes in two or three words at
 * once ({@link Swar}), anything else digit by digit or by {@link Decimals#parse}. Bad text gives
 * {@link Decimals#NOT_A_NUMBER} or {@link Decimals#NOT_FINITE}, which {@link RowParser} turns into
 * the row's reason. Reads by address with no bounds check: a word may reach past the field, never
 * past the buffer's capacity.
 */
final class FieldNumbers
{
    /**
     * Up to this many digits an integer is below 2^64, so a value past {@link Long#MAX_VALUE} shows
     * as negative: no overflow check per digit (nanosecond times have 19).
     */
    private static final int MAX_FAST_LONG_DIGITS = 19;
    private static final long MAX_LONG_DIV_10 = Long.MAX_VALUE / 10;
    private static final int MAX_LONG_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);
    private static final long EIGHT_DIGITS = 100_000_000L;

    private FieldNumbers()
    {
    }

    /**
     * {@code buffer[start, end)} as fixed-point with {@link Event#SCALE}. The common shape, up to 7
     * integer digits and up to 8 decimals, takes two words.
     */
    static long decimal(final UnsafeBuffer buffer, final int start, final int end)
    {
        final long address = buffer.addressOffset();
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
        return Decimals.parse(buffer, start, end);
    }

    /** {@code buffer[start, end)}, digits only: a timestamp or an id; up to 19 digits in three words. */
    static long integer(final UnsafeBuffer buffer, final int start, final int end)
    {
        final long address = buffer.addressOffset();
        final int length = end - start;
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
        return integerSlow(buffer, start, end);
    }

    private static long integerSlow(final UnsafeBuffer buffer, final int start, final int end)
    {
        final long address = buffer.addressOffset();
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = UnsafeApi.getByte(address + i) - '0';
            if (digit < 0 || digit > 9 ||
                value > MAX_LONG_DIV_10 || (value == MAX_LONG_DIV_10 && digit > MAX_LONG_LAST_DIGIT))
            {
                final byte first = UnsafeApi.getByte(address + start);
                final boolean signed = first == '-' || first == '+';
                return Decimals.isNonFinite(buffer, signed ? start + 1 : start, end) ?
                    Decimals.NOT_FINITE : Decimals.NOT_A_NUMBER;
            }
            value = value * 10 + digit;
        }
        return start == end ? Decimals.NOT_A_NUMBER : value;
    }
}
