package dev.quietloop.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

class StrategyParametersTest
{
    private static final List<StrategyParameter> DECLARED = List.of(
        StrategyParameter.integer("window", 20, "ticks"),
        StrategyParameter.decimal("lot", "0.01", "quantity"),
        StrategyParameter.flag("trade", true, "place orders"),
        StrategyParameter.text("tag", "x", "label"));

    @Test
    void shouldTakeTheGivenValuesOverTheDefaultsInTheDeclaredOrder()
    {
        final Map<String, String> given = new LinkedHashMap<>();
        given.put("tag", "y");
        given.put("window", "5");

        final StrategyParameters parameters = StrategyParameters.resolve("s", DECLARED, given);

        assertEquals(5, parameters.integer("window"));
        assertEquals(Event.SCALE / 100, parameters.decimal("lot"));
        assertEquals(true, parameters.flag("trade"));
        assertEquals("y", parameters.text("tag"));
        assertEquals("window=5 lot=0.01 trade=true tag=y", parameters.toString());
        assertEquals(List.of("window", "lot", "trade", "tag"), List.copyOf(parameters.texts().keySet()));
    }

    @Test
    void shouldRefuseAnUnknownOrIllTypedParameterInOneLineListingTheKnownOnes()
    {
        assertEquals("strategy 's' has no parameter 'windw' (its parameters: window=20, lot=0.01, trade=true, tag=x)",
            assertThrows(ConfigException.class, () -> StrategyParameters.resolve("s", DECLARED, Map.of("windw", "5")))
                .getMessage());
        assertEquals("strategy 's': window=five: 'five' is not a whole number (its parameters: window=20, lot=0.01, " +
            "trade=true, tag=x)",
            assertThrows(ConfigException.class, () -> StrategyParameters.resolve("s", DECLARED, Map.of("window", "five")))
                .getMessage());
        assertEquals("strategy 'none' has no parameter 'a' (it has none)",
            assertThrows(ConfigException.class, () -> StrategyParameters.resolve("none", List.of(), Map.of("a", "1")))
                .getMessage());
    }

    @Test
    void shouldRefuseToReadAParameterAsAnotherKindOrOneNotDeclared()
    {
        final StrategyParameters parameters = StrategyParameters.resolve("s", DECLARED, Map.of());

        assertThrows(IllegalArgumentException.class, () -> parameters.decimal("window"));
        assertThrows(IllegalArgumentException.class, () -> parameters.integer("size"));
    }
}
