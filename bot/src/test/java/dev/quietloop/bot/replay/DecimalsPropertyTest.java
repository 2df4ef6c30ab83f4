package dev.quietloop.bot.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;

import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DecimalsPropertyTest
{
    private static final BigInteger MAX_MAGNITUDE = BigInteger.valueOf(Long.MAX_VALUE - 1);

    @Property(tries = 2000)
    void shouldAgreeWithBigDecimalInEveryNotation(@ForAll("decimals") final BigDecimal value)
    {
        final long expected = expected(value);

        assertEquals(expected, DecimalsTest.parse(value.toPlainString()), value.toPlainString());
        assertEquals(expected, DecimalsTest.parse(value.toString()), value.toString());
        assertEquals(expected, DecimalsTest.parse(value.toEngineeringString()), value.toEngineeringString());
    }

    @Property(tries = 2000)
    void shouldParseRowFieldsOnFastPathAsTheGeneralParserDoes(@ForAll("decimals") final BigDecimal value)
    {
        final String text = value.toPlainString();
        final long expected = expected(value);
        final OneLineSource line = new OneLineSource("1,BTCUSDT,1," + text + ",2,1");
        final RowParser parser = MarketDataFormat.QUIETLOOP.newParser(
            line, new Quote(), new Trade(), new SymbolTable(), true, 0);

        final int result = parser.parse(0, line.length);

        if (expected == Decimals.NOT_A_NUMBER)
        {
            assertEquals(RejectReason.NOT_A_NUMBER, parser.checks.reason, text);
        }
        else if (expected <= 0)
        {
            assertEquals(RejectReason.NON_POSITIVE_SIZE, parser.checks.reason, text);
        }
        else
        {
            assertEquals(MarketDataReader.QUOTE, result, text);
            assertEquals(expected, parser.quote.bidSize(), text);
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals()
    {
        final Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
            Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(BigInteger::valueOf),
            Arbitraries.longs().map(BigInteger::valueOf),
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(), BigInteger.TEN.pow(20)));
        final Arbitrary<Integer> scale = Arbitraries.integers().between(-12, 24);
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    private static long expected(final BigDecimal value)
    {
        final BigDecimal scaled = value.movePointRight(8);
        if (scaled.signum() != 0 && scaled.stripTrailingZeros().scale() > 0)
        {
            return Decimals.NOT_A_NUMBER;
        }
        final BigInteger units = scaled.toBigInteger();
        return units.abs().compareTo(MAX_MAGNITUDE) > 0 ? Decimals.NOT_A_NUMBER : units.longValueExact();
    }
}
