package dev.quietloop.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

class StrategyParameterTest
{
    @Test
    void shouldParseEachKindFromTheTextAUserTypes()
    {
        assertEquals(-42L, StrategyParameter.Kind.INTEGER.parse(" -42 "));
        assertEquals(Event.SCALE / 100, StrategyParameter.Kind.DECIMAL.parse("0.01"));
        assertEquals(1L, StrategyParameter.Kind.DECIMAL.parse("0.00000001"), "8 places: the fixed point's last");
        assertEquals(3 * Event.SCALE, StrategyParameter.Kind.DECIMAL.parse("3"));
        assertEquals(Event.SCALE / 10, StrategyParameter.Kind.DECIMAL.parse("1E-1"));
        assertEquals(true, StrategyParameter.Kind.BOOLEAN.parse("TRUE"));
        assertEquals(false, StrategyParameter.Kind.BOOLEAN.parse("false"));
        assertEquals(" as is ", StrategyParameter.Kind.TEXT.parse(" as is "));
    }

    @Test
    void shouldSayWhatAValueOfTheWrongKindMustBe()
    {
        assertMessage("'1.5' is not a whole number", StrategyParameter.Kind.INTEGER, "1.5");
        assertMessage("'0.000000001' is not a decimal with at most 8 places", StrategyParameter.Kind.DECIMAL, "0.000000001");
        assertMessage("'1e30' is not a decimal with at most 8 places", StrategyParameter.Kind.DECIMAL, "1e30");
        assertMessage("'abc' is not a decimal with at most 8 places", StrategyParameter.Kind.DECIMAL, "abc");
        assertMessage("'yes' is not true or false", StrategyParameter.Kind.BOOLEAN, "yes");
    }

    @Test
    void shouldRefuseABadNameOrADefaultNotOfItsKindAtOnce()
    {
        assertThrows(IllegalArgumentException.class, () -> StrategyParameter.integer("Fast", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> StrategyParameter.integer("a=b", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> StrategyParameter.decimal("lot", "a lot", ""));
        assertTrue(StrategyParameter.isName("fast-shift2"));
        assertFalse(StrategyParameter.isName("2fast"));
        assertFalse(StrategyParameter.isName("ma.crossover"), "a dot qualifies a parameter with its strategy");
        assertEquals("lot=0.01", StrategyParameter.decimal("lot", "0.01", "").toString());
    }

    private static void assertMessage(final String expected, final StrategyParameter.Kind kind, final String text)
    {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> kind.parse(text)).getMessage());
    }
}
