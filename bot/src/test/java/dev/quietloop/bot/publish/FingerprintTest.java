package dev.quietloop.bot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.BotReport;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.bot.trade.Pacer;
import dev.quietloop.bot.trade.Trader;
import dev.quietloop.bot.trade.TradingContext;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest
{
    @TempDir
    Path dir;

    @Test
    void shouldBeTheSameForTheSameRunWhateverTheEpochTimingOrRingSize() throws Exception
    {
        final MarketDataFile data = MarketDataFile.open(
            QuoteFixtures.generated(dir, 20_000, 42), null, null, false, new PrintStream(new ByteArrayOutputStream()));

        final long first = replay(data, "ma-crossover", 1 << 16, 11);
        final long second = replay(data, "ma-crossover", 64, 22);

        assertEquals(first, second, "a full ring rejects events but does not change what was produced");
        assertNotEquals(first, replay(data, "imbalance", 1 << 16, 11), "another strategy, another stream");
    }

    @Test
    void shouldChangeWithAnyDecidedFieldButNotWithTheOriginTimeOrEpoch()
    {
        final Event event = new Event();
        event.type = EventType.ORDER_PLACED;
        event.symbolId = 1;
        event.orderId = 7;
        event.side = Event.SIDE_BUY;
        event.price = 100;
        event.quantity = 5;
        event.marketDataNs = 1_000;

        final long base = fingerprintOf(event);
        event.originNs = 123_456;
        event.epoch = 99;
        assertEquals(base, fingerprintOf(event));
        event.quantity = 6;
        assertNotEquals(base, fingerprintOf(event));
    }

    private static long fingerprintOf(final Event event)
    {
        final Fingerprint fingerprint = new Fingerprint();
        fingerprint.add(event);
        return fingerprint.value();
    }

    private static long replay(final MarketDataFile data, final String strategy, final int ringSize, final long epoch)
    {
        final BotCounters counters = new BotCounters();
        final RunControl control = new RunControl();
        final EventPublisher publisher =
            new EventPublisher(new EventRing(ringSize, counters.ringRejected), 1, epoch, counters.eventsProduced,
                counters.ringRejected);
        final PaperExecution execution = new PaperExecution(data.symbolCount(), publisher);
        final TradingContext context = new TradingContext(BotReport.symbols(data), execution, publisher);
        try (MarketDataReader reader = data.reader())
        {
            new Trader(reader, Strategies.builtIn().create(strategy, context), execution, publisher,
                Pacer.max(SystemNanoClock.INSTANCE, new NoOpIdleStrategy(), control), counters, 0).replay();
        }
        return publisher.fingerprint();
    }
}
