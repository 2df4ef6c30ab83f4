package dev.quietloop.bot.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.replay.RejectReason;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderTest
{
    private static final long LOT = Event.SCALE / 100;
    private static final int SYMBOLS = 4;

    @TempDir
    Path dir;

    private final BotCounters counters = new BotCounters();
    private final RunControl control = new RunControl();
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    private EventRing ring;

    @Test
    void shouldReplayEveryRowThenPublishEndOfStreamWithFinalCounters() throws Exception
    {
        final MarketDataFile data = MarketDataFile.open(QuoteFixtures.generated(dir, 5_000, 42), null, null, false, quiet);
        final EventPublisher publisher = publisher(1 << 14);
        final List<Event> events = new ArrayList<>();

        try (MarketDataReader reader = data.reader())
        {
            final Trader trader = trader(reader, publisher, new BuyOnFirstQuote(contextFor(publisher, data)));
            trader.run();
            assertTrue(trader.isEndOfStreamPublished());
        }

        assertEquals(5_000, counters.ticks.get());
        assertTrue(control.isDraining());
        ring.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        final Event last = events.get(events.size() - 1);
        assertEquals(EventType.END_OF_STREAM, last.type);
        assertEquals(5_000, last.ticks);
        assertEquals(counters.eventsProduced.get(), last.eventsProduced);
        assertEquals(events.size() - 1, last.eventsProduced);
    }

    @Test
    void shouldSkipAndCountMalformedRowsByReasonBeforeTheStrategySeesThem() throws Exception
    {
        final Path file = QuoteFixtures.withRows(dir,
            "1000,BTCUSDT,100.0,1.0,100.5,2.0",
            "2000,BTCUSDT,101.0,1.0,100.5,2.0",
            "3000,BTCUSDT,abc,1.0,100.5,2.0",
            "4000,BTCUSDT,100.0,1.0,100.5",
            "5000,BTCUSDT,100.0,0,100.5,2.0",
            "6000,BTCUSDT,100.1,1.0,100.6,2.0");
        final MarketDataFile data = MarketDataFile.open(file, null, null, false, quiet);
        final EventPublisher publisher = publisher(64);
        final List<Long> seen = new ArrayList<>();

        try (MarketDataReader reader = data.reader())
        {
            trader(reader, publisher, quote -> seen.add(quote.timestampNs())).replay();
        }

        assertEquals(2, counters.ticks.get());
        assertEquals(4, counters.ticksRejected.get());
        assertEquals(1, counters.rejected(RejectReason.CROSSED_BOOK));
        assertEquals(1, counters.rejected(RejectReason.NOT_A_NUMBER));
        assertEquals(1, counters.rejected(RejectReason.FIELD_COUNT));
        assertEquals(1, counters.rejected(RejectReason.NON_POSITIVE_SIZE));
        assertEquals(2, seen.size());
    }

    @Test
    void shouldDeliverFillsAfterTheCallbackAndStampEveryEventOfATickWithItsOrigin() throws Exception
    {
        final Path file = QuoteFixtures.withRows(dir,
            "1000,BTCUSDT,100.0,1.0,100.5,2.0",
            "2000,BTCUSDT,100.1,1.0,100.6,2.0");
        final MarketDataFile data = MarketDataFile.open(file, null, null, false, quiet);
        final EventPublisher publisher = publisher(64);
        final BuyOnFirstQuote strategy = new BuyOnFirstQuote(contextFor(publisher, data));

        try (MarketDataReader reader = data.reader())
        {
            trader(reader, publisher, strategy).replay();
        }

        assertEquals(List.of("fill after quote 1000"), strategy.log);
        final List<Event> events = new ArrayList<>();
        ring.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        final List<Byte> types = new ArrayList<>();
        events.forEach(event -> types.add(event.type));
        assertEquals(List.of(EventType.ORDER_PLACED, EventType.ORDER_FILLED, EventType.POSITION), types);
        for (final Event event : events)
        {
            assertEquals(events.get(0).originNs, event.originNs);
            assertEquals(1000, event.marketDataNs);
        }
    }

    @Test
    void shouldStopReplayWhenStopIsRequested() throws Exception
    {
        final MarketDataFile data = MarketDataFile.open(QuoteFixtures.generated(dir, 1_000, 42), null, null, false, quiet);
        control.requestStop();
        try (MarketDataReader reader = data.reader())
        {
            final Trader trader = trader(reader, publisher(1 << 12), quote -> { });
            trader.run();
            assertTrue(trader.isEndOfStreamPublished(), "a stopped run still ends its stream");
        }

        assertEquals(0, counters.ticks.get());
    }

    @Test
    void shouldGiveUpEndOfStreamAfterDeadlineWhenRingStaysFull() throws Exception
    {
        final MarketDataFile data = MarketDataFile.open(QuoteFixtures.generated(dir, 1_000, 42), null, null, false, quiet);
        final EventPublisher publisher = publisher(4);
        try (MarketDataReader reader = data.reader())
        {
            final Trader trader = trader(reader, publisher, new EveryQuoteSignal(contextFor(publisher, data)));
            trader.replay();
            control.beginDrain(System.nanoTime() - 1);

            assertFalse(trader.publishEndOfStream());
        }
        assertEquals(1_000, counters.eventsProduced.get());
        assertEquals(1_000 - 4, counters.ringRejected.get());
    }

    private EventPublisher publisher(final int ringSize)
    {
        ring = new EventRing(ringSize, counters.ringRejected);
        return new EventPublisher(ring, 1, 1, counters.eventsProduced, counters.ringRejected);
    }

    private PaperExecution execution;

    /** One venue per test, shared by the strategy's context and the trader. */
    private PaperExecution execution(final EventPublisher publisher)
    {
        if (execution == null)
        {
            execution = new PaperExecution(SYMBOLS, publisher, RiskLimits.DEFAULTS);
        }
        return execution;
    }

    private StrategyContext contextFor(final EventPublisher publisher, final MarketDataFile data)
    {
        final String[] symbols = new String[SYMBOLS];
        for (int id = 0; id < data.symbolCount(); id++)
        {
            symbols[id] = data.symbol(id);
        }
        return new TradingContext(symbols, execution(publisher), publisher);
    }

    private Trader trader(final MarketDataReader reader, final EventPublisher publisher, final Strategy strategy)
    {
        return new Trader(reader, strategy, execution(publisher), publisher,
            Pacer.max(SystemNanoClock.INSTANCE, new NoOpIdleStrategy(), control), counters, 0);
    }

    /** Buys one lot at the offer on the first quote, and logs when its fill arrives. */
    private static final class BuyOnFirstQuote implements Strategy
    {
        final List<String> log = new ArrayList<>();
        private final StrategyContext context;
        private long lastQuoteNs;
        private boolean placed;
        private boolean inQuote;

        BuyOnFirstQuote(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onQuote(final Quote quote)
        {
            inQuote = true;
            lastQuoteNs = quote.timestampNs();
            if (!placed)
            {
                placed = true;
                context.placeOrder(quote.symbolId(), Event.SIDE_BUY, quote.askPrice(), LOT);
            }
            inQuote = false;
        }

        @Override
        public void onFill(final Fill fill)
        {
            log.add((inQuote ? "fill inside quote " : "fill after quote ") + lastQuoteNs);
        }
    }

    /** One signal per quote. */
    private static final class EveryQuoteSignal implements Strategy
    {
        private final StrategyContext context;

        EveryQuoteSignal(final StrategyContext context)
        {
            this.context = context;
        }

        @Override
        public void onQuote(final Quote quote)
        {
            context.signal(quote.symbolId(), Event.SIDE_BUY, 1, quote.midPrice(), 0);
        }
    }
}
