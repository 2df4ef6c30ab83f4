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
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.replay.QuoteFile;
import dev.quietloop.bot.replay.Quotes;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.Event;
import dev.quietloop.protocol.EventType;
import org.agrona.concurrent.NoOpIdleStrategy;
import dev.quietloop.protocol.testing.Allocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraderTest
{
    @TempDir
    Path dir;

    private final BotCounters counters = new BotCounters();
    private final RunControl control = new RunControl();

    @Test
    void shouldReplayEveryRowThenPublishEndOfStreamWithFinalCounters() throws Exception
    {
        final Quotes quotes = quotes(5_000);
        final EventPublisher publisher = publisher(1 << 14);
        final Trader trader = trader(quotes, publisher);

        trader.run();

        assertEquals(5_000, counters.ticks.get());
        assertTrue(trader.isEndOfStreamPublished());
        assertTrue(control.isDraining());
        final List<Event> events = new ArrayList<>();
        publisher.poller().poll((event, sequence, endOfBatch) -> events.add(new Event().copyFrom(event)));
        final Event last = events.get(events.size() - 1);
        assertEquals(EventType.END_OF_STREAM, last.type);
        assertEquals(5_000, last.ticks);
        assertEquals(counters.eventsProduced.get(), last.eventsProduced);
        assertEquals(events.size() - 1, last.eventsProduced);
        assertEquals(quotes.timestampNs[quotes.count() - 1], last.marketDataNs);
    }

    @Test
    void shouldStopReplayWhenStopIsRequested() throws Exception
    {
        final Trader trader = trader(quotes(1_000), publisher(1 << 12));
        control.requestStop();

        trader.run();

        assertEquals(0, counters.ticks.get());
        assertTrue(trader.isEndOfStreamPublished(), "a stopped run still ends its stream");
    }

    @Test
    void shouldGiveUpEndOfStreamAfterDeadlineWhenRingStaysFull() throws Exception
    {
        final Trader trader = trader(quotes(5_000), publisher(4));
        trader.replay();
        control.beginDrain(System.nanoTime() - 1);

        assertFalse(trader.publishEndOfStream());
        assertTrue(counters.ringRejected.get() > 0, "the ring of 4 without a consumer filled up");
        assertEquals(counters.eventsProduced.get() - 4, counters.ringRejected.get());
    }

    @Test
    void shouldNotAllocateWhileReplaying() throws Exception
    {
        final Quotes quotes = quotes(20_000);
        final Trader trader = trader(quotes, publisher(1 << 10));
        final long allocatedBytes = Allocations.fewestBytes(trader::replay, 10);

        assertEquals(0, allocatedBytes, "bytes allocated by a replay of 20,000 quotes");
        assertTrue(counters.ringRejected.get() > 0, "the full-ring path ran too");
    }

    private Quotes quotes(final int ticks) throws Exception
    {
        return QuoteFile.load(QuoteFixtures.generated(dir, ticks, 42), new PrintStream(new ByteArrayOutputStream()));
    }

    private EventPublisher publisher(final int ringSize)
    {
        return new EventPublisher(ringSize, 1, 1, counters.eventsProduced, counters.ringRejected);
    }

    private Trader trader(final Quotes quotes, final EventPublisher publisher)
    {
        final PaperExecution execution =
            new PaperExecution(quotes.symbolCount(), PaperExecution.DEFAULT_POSITION_LIMIT, publisher);
        return new Trader(quotes, Strategies.create(Strategies.MEAN_REVERSION, quotes.symbolCount(), publisher, execution),
            publisher, counters.ticks, control, new NoOpIdleStrategy(), 0);
    }
}
