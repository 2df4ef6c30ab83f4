package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;

class StrategiesTest
{
    @Test
    void shouldNameEveryKnownStrategyWhenTheNameIsUnknown()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Strategies.builtIn().provider("momentum"));

        assertEquals("unknown strategy 'momentum' (known: imbalance, ma-crossover, tick-signal; a plugin's jar goes on --strategy-path)", ex.getMessage());
    }

    @Test
    void shouldCreateADistinctStrategyForEveryRegisteredName()
    {
        final Set<Class<?>> classes = new HashSet<>();
        final Strategies strategies = Strategies.builtIn();
        for (final String name : strategies.nameSet())
        {
            final TradingHarness harness = new TradingHarness(context -> strategies.create(name, context), "BTCUSDT", "ETHUSDT");
            assertNotNull(harness.strategy, name);
            assertTrue(classes.add(harness.strategy.getClass()), name);
        }
        assertEquals(3, classes.size());
    }

    @Test
    void shouldRegisterTheDefault()
    {
        assertTrue(Strategies.builtIn().nameSet().contains(Strategies.DEFAULT));
        assertEquals("ma-crossover", Strategies.DEFAULT);
    }
}
