package dev.quietloop.bot.strategy;

import static dev.quietloop.bot.execution.Published.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

class TickSignalStrategyTest
{
    private final TradingHarness harness = new TradingHarness(TickSignalStrategy::new, "BTCUSDT", "ETHUSDT");

    @Test
    void shouldSignalEveryQuoteAtItsMidAndEveryTradeAtItsPriceWithoutTrading()
    {
        harness.quote(0, "100", "3", "101", "1");
        harness.quote(1, "2000", "0.5", "2000.02", "0.75");
        harness.trade(1, fixed("2000.01"), fixed("0.2"), Event.SIDE_SELL);

        assertEquals(List.of(
            "signal s0 buy code 3 @100.5 value 200000000",
            "signal s1 sell code 3 @2000.01 value -25000000",
            "signal s1 sell code 3 @2000.01 value 20000000"), harness.lines());
        assertEquals(0, harness.execution.ordersPlaced());
    }
}
