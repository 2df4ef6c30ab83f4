package dev.quietloop.bot.replay;

import dev.quietloop.wire.Event;
import org.agrona.DirectBuffer;

/**
 * The general decimal parser, for the fields the row parsers' fast path does not take: a sign, an
 * exponent ({@code 1e-05}, {@code 2.5E+3}, as pandas writes), long runs of zeros, and every kind
 * of bad text. Exact: the digits become a fixed-point long with {@link Event#SCALE}, never a
 * {@code double}; digits below the eighth decimal are allowed only when they are zeros.
 */
final class Decimals
{
    /** Returned for text that is not a number, or one out of range or too precise. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Returned for {@code NaN} and the infinities. */
    static final long NOT_FINITE = Long.MIN_VALUE + 1;
    static final int SCALE_DIGITS = 8;

    /** Exponents beyond this already overflow or underflow any nonzero mantissa. */
    private static final int MAX_EXPONENT = 400;
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Decimals()
    {
    }

    static long powerOfTen(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /** {@code text[start, end)} as fixed-point, or {@link #NOT_A_NUMBER} or {@link #NOT_FINITE}. */
    static long parse(final DirectBuffer text, final int start, final int end)
    {
        int i = start;
        boolean negative = false;
        if (i < end && (text.getByte(i) == '-' || text.getByte(i) == '+'))
        {
            negative = text.getByte(i) == '-';
            i++;
        }
        final int unsignedStart = i;
        long mantissa = 0;
        // Zeros are held back until a nonzero digit follows, so trailing zeros never overflow the mantissa.
        int pendingZeros = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++)
        {
            final int b = text.getByte(i);
            if (b >= '0' && b <= '9')
            {
                digits++;
                fractionDigits += point ? 1 : 0;
                if (b == '0')
                {
                    pendingZeros++;
                }
                else
                {
                    mantissa = append(mantissa, pendingZeros, b - '0');
                    if (mantissa < 0)
                    {
                        return NOT_A_NUMBER;
                    }
                    pendingZeros = 0;
                }
            }
            else if (b == '.' && !point)
            {
                point = true;
            }
            else
            {
                break;
            }
        }
        if (digits == 0)
        {
            return isNonFinite(text, unsignedStart, end) ? NOT_FINITE : NOT_A_NUMBER;
        }
        final int exponent = i < end ? exponent(text, i, end) : 0;
        if (exponent == Integer.MIN_VALUE)
        {
            return NOT_A_NUMBER;
        }
        if (mantissa == 0)
        {
            return 0;
        }
        final long magnitude = scale(mantissa, pendingZeros - fractionDigits + exponent + SCALE_DIGITS);
        return magnitude == NOT_A_NUMBER ? NOT_A_NUMBER : negative ? -magnitude : magnitude;
    }

    /** Whether {@code text[start, end)} is {@code nan}, {@code inf} or {@code infinity}, in any case. */
    static boolean isNonFinite(final DirectBuffer text, final int start, final int end)
    {
        return equalsIgnoreCase(text, start, end, "nan") || equalsIgnoreCase(text, start, end, "inf") ||
            equalsIgnoreCase(text, start, end, "infinity");
    }

    /** {@code mantissa * 10^(zeros + 1) + digit}, or -1 on overflow. */
    private static long append(final long mantissa, final int zeros, final int digit)
    {
        if (mantissa == 0)
        {
            return digit;
        }
        if (zeros + 1 >= POWERS_OF_TEN.length)
        {
            return -1;
        }
        final long power = POWERS_OF_TEN[zeros + 1];
        return mantissa > (Long.MAX_VALUE - digit) / power ? -1 : mantissa * power + digit;
    }

    /** The exponent after {@code e} or {@code E} at {@code text[i]}, or {@link Integer#MIN_VALUE} if bad. */
    private static int exponent(final DirectBuffer text, final int start, final int end)
    {
        int i = start;
        if (text.getByte(i) != 'e' && text.getByte(i) != 'E')
        {
            return Integer.MIN_VALUE;
        }
        i++;
        boolean negative = false;
        if (i < end && (text.getByte(i) == '-' || text.getByte(i) == '+'))
        {
            negative = text.getByte(i) == '-';
            i++;
        }
        if (i == end)
        {
            return Integer.MIN_VALUE;
        }
        int exponent = 0;
        for (; i < end; i++)
        {
            final int digit = text.getByte(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return Integer.MIN_VALUE;
            }
            exponent = Math.min(MAX_EXPONENT, exponent * 10 + digit);
        }
        return negative ? -exponent : exponent;
    }

    /** {@code mantissa * 10^power} when exact and in range, else {@link #NOT_A_NUMBER}. */
    private static long scale(final long mantissa, final int power)
    {
        if (power >= 0)
        {
            if (power >= POWERS_OF_TEN.length || mantissa > (Long.MAX_VALUE - 1) / POWERS_OF_TEN[power])
            {
                return NOT_A_NUMBER;
            }
            return mantissa * POWERS_OF_TEN[power];
        }
        if (-power >= POWERS_OF_TEN.length || mantissa % POWERS_OF_TEN[-power] != 0)
        {
            return NOT_A_NUMBER;
        }
        return mantissa / POWERS_OF_TEN[-power];
    }

    private static boolean equalsIgnoreCase(
        final DirectBuffer text, final int start, final int end, final String lowerCase)
    {
        if (end - start != lowerCase.length())
        {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++)
        {
            if ((text.getByte(start + i) | 0x20) != lowerCase.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
