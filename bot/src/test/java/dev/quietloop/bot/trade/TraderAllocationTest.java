package dev.quietloop.bot.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import dev.quietloop.bot.QuoteFixtures;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.strategy.Strategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trading thread's whole duty cycle (parse, pace, match, strategy, publish, time the hop)
 * allocates nothing per tick: after one warm-up replay of a million ticks, a replay of another
 * million allocates no more than a one-off on the replaying thread (zero, as a rule), while another
 * thread drains the ring.
 * Bytes, never time.
 */
@Timeout(120)
class TraderAllocationTest
{
    private static final int TICKS = 1_000_000;
    private static final int RING_SIZE = 1024;
    private static final int MEASURED_REPLAYS = 3;
    /**
     * What a replay may allocate once, not per tick: when compiled code deoptimises, the JVM
     * allocates for real an object it had scalar-replaced (seen: 72 bytes, a Pacer, in one run in
     * four when the strategy tests share the JVM). One allocation per tick would be 16 bytes or
     * more a tick, 16 MB over the replay: this bound cannot hide it.
     */
    private static final long ONE_OFF_BYTES = 256;
    /** A hop with a warm-up, as {@code --warmup-events} makes: leaving an event out allocates nothing either. */
    private static final long WARMUP_EVENTS = 1_000;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /**
     * Where each trader goes before it is measured. Without it, the JIT may scalar-replace a trader
     * built in this test (it does not escape), and if compiled code deoptimises during the replay,
     * the JVM allocates it for real, in the middle of the measurement: once 72 bytes, a Pacer.
     */
    private static volatile Trader escaped;

    @TempDir
    static Path dir;
    private static MarketDataFile data;

    @BeforeAll
    static void generate() throws IOException
    {
        final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        data = MarketDataFile.open(QuoteFixtures.generated(dir, TICKS, 7), null, null, false, quiet);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ma-crossover", "imbalance", "tick-signal" })
    void shouldAllocateNothingPerTickOnTheTradingThread(final String strategyName) throws InterruptedException
    {
        final BotCounters counters = new BotCounters();
        final EventRing ring = new EventRing(RING_SIZE, counters.ringRejected, true);
        final EventPublisher publisher = new EventPublisher(ring, 1, 1, counters.eventsProduced,
            counters.ringRejected, HopLatency.of(Hop.TICK_TO_PUBLISH, true, WARMUP_EVENTS));
        final PaperExecution execution = new PaperExecution(data.symbolCount(), publisher, RiskLimits.DEFAULTS);
        final String[] symbols = new String[data.symbolCount()];
        for (int id = 0; id < symbols.length; id++)
        {
            symbols[id] = data.symbol(id);
        }
        final Strategy strategy = Strategies.builtIn().create(strategyName, new TradingContext(symbols, execution, publisher));
        final RunControl control = new RunControl();
        final Thread drainer = drain(ring, control);
        try
        {
            assertEquals(TICKS, replay(strategy, execution, publisher, counters, control)[0]);
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < MEASURED_REPLAYS && fewest > 0; i++)
            {
                final long[] replayedAndBytes = replay(strategy, execution, publisher, counters, control);
                assertEquals(TICKS, replayedAndBytes[0]);
                fewest = Math.min(fewest, replayedAndBytes[1]);
            }
            assertTrue(fewest <= ONE_OFF_BYTES,
                fewest + " bytes allocated by the trading thread over " + TICKS + " ticks: more than a one-off");
            assertTrue(counters.eventsProduced.get() > 0, "the strategy produced events");
        }
        finally
        {
            control.abandon();
            drainer.join();
        }
    }

    /** @return the ticks replayed and the bytes this thread allocated while replaying them. */
    private static long[] replay(
        final Strategy strategy,
        final PaperExecution execution,
        final EventPublisher publisher,
        final BotCounters counters,
        final RunControl control)
    {
        try (MarketDataReader reader = data.reader())
        {
            final Trader trader = new Trader(reader, strategy, execution, publisher,
                Pacer.max(SystemNanoClock.INSTANCE, new YieldingIdleStrategy(), control), counters, 0);
            escaped = trader;
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            final long replayed = trader.replay();
            final long allocatedBytes = THREADS.getCurrentThreadAllocatedBytes() - before;
            return new long[]{ replayed, allocatedBytes };
        }
    }

    private static Thread drain(final EventRing ring, final RunControl control)
    {
        final Thread drainer = new Thread(() ->
        {
            while (!control.isAbandoned())
            {
                try
                {
                    ring.poller().poll((event, sequence, endOfBatch) -> true);
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
                Thread.yield();
            }
        }, "drainer");
        drainer.start();
        return drainer;
    }
}
