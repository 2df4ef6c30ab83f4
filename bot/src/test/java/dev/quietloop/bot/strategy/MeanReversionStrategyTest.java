package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.replay.QuoteFile;
import dev.quietloop.bot.replay.Quotes;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.EventType;
import dev.quietloop.protocol.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeanReversionStrategyTest
{
    private static final int TICKS = 20_000;

    @TempDir
    Path dir;

    private final BotCounters counters = new BotCounters();

    @Test
    void shouldProduceEventsOnAFractionOfGeneratedTicks() throws Exception
    {
        final Quotes quotes = QuoteFile.load(
            QuoteFixtures.generated(dir, TICKS, 42), new PrintStream(new ByteArrayOutputStream()));
        final EventPublisher publisher = new EventPublisher(
            1 << 17, 1, 1, counters.eventsProduced, counters.ringRejected);
        final PaperExecution execution =
            new PaperExecution(quotes.symbolCount(), PaperExecution.DEFAULT_POSITION_LIMIT, publisher);
        final Strategy strategy = Strategies.create(Strategies.MEAN_REVERSION, quotes.symbolCount(), publisher, execution);

        for (int i = 0; i < quotes.count(); i++)
        {
            strategy.onQuote(quotes.symbolId[i], quotes.timestampNs[i], quotes.bidPrice[i], quotes.bidSize[i],
                quotes.askPrice[i], quotes.askSize[i]);
        }

        final long produced = counters.eventsProduced.get();
        assertTrue(produced > TICKS / 20 && produced < TICKS / 5, "events on 5-20% of ticks: " + produced);
        assertEquals(0, counters.ringRejected.get());
        assertTrue(execution.ordersFilled() > 0);
        assertTrue(execution.ordersRejected() > 0, "some orders hit the position limit");

        final List<Event> events = new ArrayList<>();
        publisher.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        assertEquals(produced, events.size());
        for (int i = 0; i < events.size(); i += 3)
        {
            final Event signal = events.get(i);
            final Event placed = events.get(i + 1);
            final Event outcome = events.get(i + 2);
            assertEquals(EventType.SIGNAL, signal.type);
            assertEquals(EventType.ORDER_PLACED, placed.type);
            assertTrue(outcome.type == EventType.ORDER_FILLED ||
                (outcome.type == EventType.ORDER_CANCELLED && outcome.code == Event.REASON_REJECTED));
            assertEquals(placed.orderId, outcome.orderId);
            assertEquals(signal.side, placed.side);
            assertEquals(signal.marketDataNs, outcome.marketDataNs);
            assertEquals(i + 1, signal.sequence);
            assertTrue(Math.abs(execution.position(signal.symbolId)) <= PaperExecution.DEFAULT_POSITION_LIMIT);
        }
    }

    @Test
    void shouldSellAboveTheAverageAndBuyBelowIt() throws Exception
    {
        final EventPublisher publisher = new EventPublisher(64, 1, 1, counters.eventsProduced, counters.ringRejected);
        final PaperExecution execution = new PaperExecution(1, PaperExecution.DEFAULT_POSITION_LIMIT, publisher);
        final MeanReversionStrategy strategy = new MeanReversionStrategy(1, publisher, execution);
        final long size = Event.SCALE;

        strategy.onQuote(0, 1, 100 * Event.SCALE, size, 100 * Event.SCALE + 2, size);
        strategy.onQuote(0, 2, 100 * Event.SCALE, size, 100 * Event.SCALE + 2, size);
        assertEquals(0, counters.eventsProduced.get(), "no deviation, no signal");

        strategy.onQuote(0, 3, 101 * Event.SCALE, size, 101 * Event.SCALE + 2, size);
        strategy.onQuote(0, 4, 98 * Event.SCALE, size, 98 * Event.SCALE + 2, size);

        final List<Event> events = new ArrayList<>();
        publisher.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        assertEquals(6, events.size());
        assertEquals(Event.SIDE_SELL, events.get(0).side);
        assertEquals(101 * Event.SCALE, events.get(1).price, "a sell is placed at the bid");
        assertEquals(EventType.ORDER_FILLED, events.get(2).type);
        assertEquals(Event.SIDE_BUY, events.get(3).side);
        assertEquals(98 * Event.SCALE + 2, events.get(4).price, "a buy is placed at the ask");
        assertEquals(0, execution.position(0), "one lot sold, one lot bought");
    }

    @Test
    void shouldNameKnownStrategiesForUnknownName()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Strategies.factory("momentum"));

        assertEquals("unknown strategy 'momentum' (known: mean-reversion)", ex.getMessage());
    }
}
