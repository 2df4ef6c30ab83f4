package dev.quietloop.bot.strategy;

import static dev.quietloop.bot.execution.Published.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;

/**
 * The expected signal values were worked out apart from the strategy, by replaying the same prices
 * through the same shifts ({@code fast += (price - fast) >> 3}, {@code slow += (price - slow) >> 5}).
 */
class MovingAverageCrossoverStrategyTest
{
    private final TradingHarness harness = new TradingHarness(MovingAverageCrossoverStrategy::new, "BTCUSDT");
    private final MovingAverageCrossoverStrategy strategy = (MovingAverageCrossoverStrategy)harness.strategy;

    @Test
    void shouldBuyOneLotAtTheAskWhenFastAverageCrossesAboveSlow()
    {
        quotes(1, "100");
        quotes(40, "90");
        quotes(1, "110");
        assertEquals(List.of(), harness.lines(), "fast is still below slow after one tick at 110");

        quotes(1, "110");

        assertEquals(List.of(
            "signal s0 buy code 1 @110 value 85802744",
            "orderPlaced s0 #1 buy 0.01@110.01",
            "orderFilled s0 #1 buy 0.01@110.01",
            "position s0 0.01 mark 110 pnl -0.0001"), harness.lines());
        assertEquals(85_802_744, strategy.fastAverage(0) - strategy.slowAverage(0));
    }

    @Test
    void shouldReverseToOneLotShortAtTheBidWhenFastAverageCrossesBelowSlow()
    {
        quotes(1, "100");
        quotes(40, "90");
        quotes(40, "110");
        quotes(2, "90");
        harness.lines();

        quotes(1, "90");

        assertEquals(List.of(
            "signal s0 sell code 1 @90 value -45903391",
            "orderPlaced s0 #2 sell 0.02@89.99",
            "orderFilled s0 #2 sell 0.02@89.99",
            "position s0 -0.01 mark 90 pnl -0.2003"), harness.lines());
        assertEquals(fixed("-0.01"), harness.execution.position(0));
    }

    @Test
    void shouldNotSignalCrossingsDuringWarmUp()
    {
        quotes(1, "100");
        quotes(5, "110");
        quotes(MovingAverageCrossoverStrategy.WARM_UP_PRICES, "90");

        assertEquals(List.of(), harness.lines(), "fast crossed below slow on the 8th price, before 32");
        assertEquals(0, harness.execution.ordersPlaced());
    }

    @Test
    void shouldRestOrderAtLastTradePriceWhenNoQuoteWasSeen()
    {
        trades(1, "100");
        trades(40, "90");
        trades(2, "110");
        assertEquals(List.of(
            "signal s0 buy code 1 @110 value 85802744",
            "orderPlaced s0 #1 buy 0.01@110"), harness.lines());

        trades(1, "109.99");

        assertEquals(List.of(
            "orderFilled s0 #1 buy 0.01@110",
            "position s0 0.01 mark 109.99 pnl -0.0001"), harness.lines());
    }

    @Test
    void shouldCancelOrderStillRestingBeforeTradingTheOtherWay()
    {
        trades(1, "100");
        trades(40, "90");
        trades(2, "110");
        trades(40, "150");
        trades(7, "120");
        assertEquals(List.of(
            "signal s0 buy code 1 @110 value 85802744",
            "orderPlaced s0 #1 buy 0.01@110"), harness.lines(), "no trade printed below 110");

        trades(1, "120");

        assertEquals(List.of(
            "signal s0 sell code 1 @120 value -82480882",
            "orderCancelled s0 #1 buy cancelled",
            "orderPlaced s0 #2 sell 0.01@120"), harness.lines(), "flat, so one lot gets to -1");
    }

    @Test
    void shouldKeepAveragesApartPerSymbol()
    {
        final TradingHarness harness = new TradingHarness(MovingAverageCrossoverStrategy::new, "BTCUSDT", "ETHUSDT");
        harness.quote(0, "99.99", "1", "100.01", "1");
        harness.quote(1, "1999.99", "1", "2000.01", "1");

        final MovingAverageCrossoverStrategy strategy = (MovingAverageCrossoverStrategy)harness.strategy;
        assertEquals(fixed("100"), strategy.slowAverage(0));
        assertEquals(fixed("2000"), strategy.slowAverage(1));
    }

    /** {@code count} quotes whose mid is {@code price}, one cent either side, one unit on each. */
    private void quotes(final int count, final String price)
    {
        final long mid = fixed(price);
        final long cent = fixed("0.01");
        for (int i = 0; i < count; i++)
        {
            harness.quote(0, mid - cent, Event.SCALE, mid + cent, Event.SCALE);
        }
    }

    private void trades(final int count, final String price)
    {
        for (int i = 0; i < count; i++)
        {
            harness.trade(0, fixed(price), Event.SCALE, Event.SIDE_BUY);
        }
    }
}
