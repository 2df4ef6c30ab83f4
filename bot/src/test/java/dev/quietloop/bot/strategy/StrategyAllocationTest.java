package dev.quietloop.bot.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import dev.quietloop.wire.Event;
import dev.quietloop.wire.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * Each strategy with paper execution and a real publisher allocates nothing per tick once warm:
 * quotes, trades, signals, orders placed, filled, rejected and cancelled, fills delivered, and the
 * ring drained or left full. Bytes are asserted, never time.
 */
class StrategyAllocationTest
{
    private static final int CALLBACKS = 100_000;
    private static final int TICKS = 8_192;
    private static final int ATTEMPTS = 5;
    private static final long CENT = Event.SCALE / 100;
    private static final long TENTH = Event.SCALE / 10;

    private final long[] bidPrice = new long[TICKS];
    private final long[] bidSize = new long[TICKS];
    private final long[] askPrice = new long[TICKS];
    private final long[] askSize = new long[TICKS];
    private final long[] tradePrice = new long[TICKS];
    private final byte[] aggressorSide = new byte[TICKS];

    StrategyAllocationTest()
    {
        // Two symbols, each a triangle wave of 20 units above its base, turning every 128 of its
        // ticks so that averages cross; random sizes lean the book one way or the other; trades
        // print a cent outside the book, through orders resting at either side.
        final Random random = new Random(42);
        for (int tick = 0; tick < TICKS; tick++)
        {
            final int step = (tick >> 2) % 256;
            final long wave = (step < 128 ? step : 256 - step) * 16 * CENT;
            final long mid = ((tick & 1) == 0 ? 30_000 : 2_000) * Event.SCALE + wave;
            bidPrice[tick] = mid - CENT;
            askPrice[tick] = mid + CENT;
            bidSize[tick] = (1 + random.nextInt(9)) * TENTH;
            askSize[tick] = (1 + random.nextInt(9)) * TENTH;
            aggressorSide[tick] = random.nextBoolean() ? Event.SIDE_BUY : Event.SIDE_SELL;
            tradePrice[tick] = aggressorSide[tick] == Event.SIDE_BUY ? askPrice[tick] + CENT : bidPrice[tick] - CENT;
        }
    }

    @Test
    void shouldAllocateNothingPerTickWithMovingAverageCrossover()
    {
        final TradingHarness harness = new TradingHarness(MovingAverageCrossoverStrategy::new, "BTCUSDT", "ETHUSDT");

        assertEquals(0, fewestBytes(harness, true));
        assertTrue(harness.execution.fills() > 0, "filled " + harness.execution.fills());
    }

    @Test
    void shouldAllocateNothingPerTickWithImbalance()
    {
        final TradingHarness harness = new TradingHarness(ImbalanceStrategy::new, "BTCUSDT", "ETHUSDT");

        assertEquals(0, fewestBytes(harness, true));
        assertTrue(harness.execution.fills() > 0, "filled " + harness.execution.fills());
        assertTrue(harness.execution.ordersCancelled() > 0, "cancelled " + harness.execution.ordersCancelled());
    }

    @Test
    void shouldAllocateNothingPerTickWithTickSignal()
    {
        final TradingHarness harness = new TradingHarness(TickSignalStrategy::new, "BTCUSDT", "ETHUSDT");

        assertEquals(0, fewestBytes(harness, true));
        assertEquals(harness.counters.eventsProduced.get(), harness.publisher.lastSequence());
    }

    @Test
    void shouldAllocateNothingPerTickWhenTheRingIsFull()
    {
        final TradingHarness harness = new TradingHarness(TickSignalStrategy::new, "BTCUSDT", "ETHUSDT");

        assertEquals(0, fewestBytes(harness, false));
        assertTrue(harness.counters.ringRejected.get() > 0, "the ring filled and refused events");
    }

    /** A position limit of half a lot rejects every order. */
    @Test
    void shouldAllocateNothingPerTickWhenOrdersAreRejected()
    {
        final TradingHarness harness = new TradingHarness(
            MovingAverageCrossoverStrategy::new, MovingAverageCrossoverStrategy.LOT_QUANTITY / 2, "BTCUSDT", "ETHUSDT");

        assertEquals(0, fewestBytes(harness, true));
        assertTrue(harness.execution.ordersRejected() > 0, "rejected " + harness.execution.ordersRejected());
    }

    private long fewestBytes(final TradingHarness harness, final boolean drainRing)
    {
        final Runnable work = () ->
        {
            for (int i = 0; i < CALLBACKS; i++)
            {
                final int tick = i % TICKS;
                final int symbolId = tick & 1;
                if ((tick & 2) == 0)
                {
                    harness.quote(symbolId, bidPrice[tick], bidSize[tick], askPrice[tick], askSize[tick]);
                }
                else
                {
                    harness.trade(symbolId, tradePrice[tick], TENTH / 2, aggressorSide[tick]);
                }
                if (drainRing)
                {
                    harness.discardEvents();
                }
            }
        };
        work.run();
        work.run();
        return Allocations.fewestBytes(work, ATTEMPTS);
    }
}
