package dev.quietloop.bot.execution;

import dev.quietloop.wire.Event;

/**
 * Exact arithmetic on fixed-point longs with {@link Event#SCALE} (8 decimals), for notional and
 * PnL: a price such as 65000.12345678 is 6.5e12 scaled and a quantity of 1 is 1e8, so their plain
 * product (6.5e20) overflows a long long before the result (6.5e12) does.
 */
public final class FixedPoint
{
    private static final long SCALE = Event.SCALE;

    private FixedPoint()
    {
    }

    /**
     * {@code a * b / SCALE}, truncated toward zero like integer division, exact for every pair
     * whose result fits in a long.
     * <p>
     * Each factor is split into its integer and fractional parts (both with the factor's sign), so
     * {@code a * b / SCALE = ai * bi * SCALE + ai * bf + af * bi + af * bf / SCALE}. The four
     * terms share one sign, so no partial sum is larger than the result: a term overflows only
     * when the result does, and the fractional product ({@code < 1e16}) never does.
     *
     * @throws ArithmeticException when the result does not fit in a long.
     */
    public static long multiply(final long a, final long b)
    {
        final long aInteger = a / SCALE;
        final long aFraction = a % SCALE;
        final long bInteger = b / SCALE;
        final long bFraction = b % SCALE;

        long result = Math.multiplyExact(Math.multiplyExact(aInteger, bInteger), SCALE);
        result = Math.addExact(result, Math.multiplyExact(aInteger, bFraction));
        result = Math.addExact(result, Math.multiplyExact(aFraction, bInteger));
        return Math.addExact(result, aFraction * bFraction / SCALE);
    }

    /** Decimal text of a fixed-point value, for people: {@code 150000000} is "1.5", {@code -1} is "-0.00000001". */
    public static String toText(final long value)
    {
        final StringBuilder text = new StringBuilder(24);
        if (value < 0)
        {
            text.append('-');
        }
        text.append(Math.abs(value / SCALE));
        long fraction = Math.abs(value % SCALE);
        if (fraction != 0)
        {
            int digits = 8;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            final String fractionText = Long.toString(fraction);
            text.append('.').append("0".repeat(digits - fractionText.length())).append(fractionText);
        }
        return text.toString();
    }
}
