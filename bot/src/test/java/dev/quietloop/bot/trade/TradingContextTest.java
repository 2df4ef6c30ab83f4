package dev.quietloop.bot.trade;

import static dev.quietloop.bot.execution.Published.fixed;
import static dev.quietloop.bot.execution.Published.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.strategy.Quote;
import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

class TradingContextTest
{
    private final BotCounters counters = new BotCounters();
    private final EventRing ring = new EventRing(64, counters.ringRejected);
    private final EventPublisher publisher =
        new EventPublisher(ring, 1, 1, counters.eventsProduced, counters.ringRejected);
    private final PaperExecution execution = new PaperExecution(2, publisher);
    private final String[] symbols = { "BTCUSDT", "ETHUSDT" };
    private final TradingContext context = new TradingContext(symbols, execution, publisher);

    @Test
    void shouldNameSymbolsByIdAndKeepItsOwnCopyOfTheNames()
    {
        symbols[0] = "changed";

        assertEquals(2, context.symbolCount());
        assertEquals("BTCUSDT", context.symbol(0));
        assertEquals("ETHUSDT", context.symbol(1));
    }

    @Test
    void shouldPlaceAndCancelOrdersWithPaperExecution()
    {
        execution.onQuote(new Quote().set(1, 0, fixed("2000"), fixed("1"), fixed("2000.01"), fixed("1")));

        final long filledId = context.placeOrder(1, Event.SIDE_BUY, fixed("2000.01"), fixed("0.01"));
        final long restingId = context.placeOrder(1, Event.SIDE_SELL, fixed("2001"), fixed("0.01"));

        assertEquals(1, filledId);
        assertEquals(2, restingId);
        assertEquals(fixed("0.01"), context.position(1));
        assertEquals(0, context.position(0));
        assertTrue(context.cancelOrder(restingId));
        assertFalse(context.cancelOrder(restingId));
        assertEquals(1, execution.ordersCancelled());
    }

    @Test
    void shouldPublishSignalsToTheRing()
    {
        context.signal(0, Event.SIDE_SELL, 9, fixed("30000"), -42);

        assertEquals(List.of("signal s0 sell code 9 @30000 value -42"), lines(ring));
    }

    @Test
    void shouldRefuseNamesThatDoNotMatchTheSymbolsOfExecution()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new TradingContext(new String[]{ "BTCUSDT" }, execution, publisher));
    }
}
