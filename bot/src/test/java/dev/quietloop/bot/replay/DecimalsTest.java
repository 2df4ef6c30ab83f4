package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest
{
    @Test
    void shouldParseDecimalsToExactFixedPoint()
    {
        assertEquals(500_000_000L, parse("5"));
        assertEquals(10_000_000L, parse("0.1"));
        assertEquals(50_000_000L, parse(".5"));
        assertEquals(100_000_000L, parse("1."));
        assertEquals(12_345_678_912_345_678L, parse("123456789.12345678"));
        assertEquals(-150_000_000L, parse("-1.5"));
        assertEquals(150_000_000L, parse("+1.5"));
        assertEquals(1L, parse("0.00000001"));
        assertEquals(0L, parse("0.00000000"));
        assertEquals(0L, parse("-0"));
        assertEquals(112_345_678L, parse("1.1234567800000000000000000"));
        assertEquals(Long.MAX_VALUE - 7, parse("92233720368.54775800"));
    }

    @Test
    void shouldParseExponentsAsPandasWritesThem()
    {
        assertEquals(1_000L, parse("1e-05"));
        assertEquals(250_000_000_000L, parse("2.5E+3"));
        assertEquals(1L, parse("1E-8"));
        assertEquals(1L, parse("0.1e-7"));
        assertEquals(0L, parse("0e999"));
        assertEquals(100_000_000_000_000L, parse("1000000e0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", ".", "-", "+", "1.123456789", "1e-9", "1e400", "1e", "1e+", "1.2.3", "1,5", "0x10", " 1", "1 ", "--1",
        "92233720368.54775807", "100000000000", "1e11", "abc", "nana", "infinit", "1e-99999999999999" })
    void shouldCallAnythingElseNotANumber(final String text)
    {
        assertEquals(Decimals.NOT_A_NUMBER, parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "NaN", "nan", "NAN", "-nan", "inf", "+inf", "-inf", "Infinity", "-Infinity", "INF" })
    void shouldCallNanAndInfinitiesNotFinite(final String text)
    {
        assertEquals(Decimals.NOT_FINITE, parse(text), text);
    }

    static long parse(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return Decimals.parse(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
