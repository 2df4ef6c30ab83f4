package dev.quietloop.bot.execution;

import static dev.quietloop.bot.execution.Published.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;

import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

class FixedPointTest
{
    private static final BigInteger SCALE = BigInteger.valueOf(Event.SCALE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void shouldMultiplyRealisticPriceByQuantityWhereThePlainProductOverflows()
    {
        final long price = fixed("65000.12345678");

        assertEquals(fixed("65000.12345678"), FixedPoint.multiply(price, fixed("1")));
        assertEquals(fixed("3250.00617283"), FixedPoint.multiply(price, fixed("0.05")), "3250.006172839 truncated");
        assertEquals(fixed("-3250.00617283"), FixedPoint.multiply(price, fixed("-0.05")), "truncated toward zero");
        assertEquals(fixed("6500012.345678"), FixedPoint.multiply(price, fixed("100")));
        assertEquals(fixed("0.00065"), FixedPoint.multiply(price, 1), "times 0.00000001, truncated");
    }

    @Test
    void shouldMultiplyExactlyNearTheLargestResult()
    {
        final long largest = Long.MAX_VALUE;

        assertEquals(largest, FixedPoint.multiply(largest, Event.SCALE));
        assertEquals(Long.MIN_VALUE, FixedPoint.multiply(Long.MIN_VALUE, Event.SCALE));
        assertEquals(-largest, FixedPoint.multiply(largest, -Event.SCALE));
        assertEquals(expected(largest, fixed("0.99999999")), FixedPoint.multiply(largest, fixed("0.99999999")));
        assertEquals(expected(Long.MIN_VALUE, fixed("0.5")), FixedPoint.multiply(Long.MIN_VALUE, fixed("0.5")));
        assertEquals(expected(3_037_000_499L, 3_037_000_499L), FixedPoint.multiply(3_037_000_499L, 3_037_000_499L));
    }

    @Test
    void shouldThrowWhenResultDoesNotFit()
    {
        assertThrows(ArithmeticException.class, () -> FixedPoint.multiply(Long.MAX_VALUE, fixed("1.00000001")));
        assertThrows(ArithmeticException.class, () -> FixedPoint.multiply(Long.MIN_VALUE, -Event.SCALE));
        assertThrows(ArithmeticException.class, () -> FixedPoint.multiply(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void shouldAgreeWithBigIntegerForRandomLongsOfEveryMagnitude()
    {
        // Seeded, so a failure reproduces; random bit lengths reach every magnitude, not just huge ones.
        final Random random = new Random(20_240_601L);
        for (int i = 0; i < 200_000; i++)
        {
            assertAgreesWithBigInteger(randomLong(random), randomLong(random));
        }
    }

    @Test
    void shouldAgreeWithBigIntegerForPricesTimesQuantities()
    {
        final Random random = new Random(7L);
        for (int i = 0; i < 200_000; i++)
        {
            final long price = random.nextLong() % fixed("10000000");
            final long quantity = random.nextLong() % fixed("10000");
            assertAgreesWithBigInteger(price, quantity);
        }
    }

    private static long randomLong(final Random random)
    {
        final int bits = random.nextInt(64);
        final long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? magnitude : -magnitude - (random.nextInt(100) == 0 ? 1 : 0);
    }

    private static void assertAgreesWithBigInteger(final long a, final long b)
    {
        final BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(SCALE);
        if (product.compareTo(MIN) < 0 || product.compareTo(MAX) > 0)
        {
            assertThrows(ArithmeticException.class, () -> FixedPoint.multiply(a, b));
        }
        else
        {
            assertEquals(product.longValueExact(), FixedPoint.multiply(a, b));
        }
    }

    private static long expected(final long a, final long b)
    {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(SCALE).longValueExact();
    }

    @Test
    void shouldWriteFixedPointAsTheShortestDecimal()
    {
        assertEquals("1.5", FixedPoint.toText(150_000_000L));
        assertEquals("-0.00000001", FixedPoint.toText(-1));
        assertEquals("0", FixedPoint.toText(0));
        assertEquals("65000.12345678", FixedPoint.toText(6_500_012_345_678L));
        assertEquals("-42", FixedPoint.toText(-4_200_000_000L));
    }
}
