package dev.quietloop.bot.strategy;

import static dev.quietloop.bot.execution.Published.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Quotes one cent wide at 30000 (0.33 ppm of the mid), so only the sizes decide, unless a test widens the spread. */
class ImbalanceStrategyTest
{
    private final TradingHarness harness = new TradingHarness(ImbalanceStrategy::new, "BTCUSDT");

    @Test
    void shouldSignalAndJoinTheBidWhenBidsOutweighAsks()
    {
        harness.quote(0, "30000", "4", "30000.01", "1");

        assertEquals(List.of(
            "signal s0 buy code 2 @30000 value 600000",
            "orderPlaced s0 #1 buy 0.01@30000"), harness.lines(), "(4 - 1) / (4 + 1) = 0.6");
    }

    @Test
    void shouldNotEnterBelowTheEntryThreshold()
    {
        harness.quote(0, "30000", "3.99", "30000.01", "1");

        assertEquals(List.of(), harness.lines());
    }

    @Test
    void shouldBeFilledWhenTheAskComesDownToItsBidAndJoinAgainOnlyOnTheNextImbalance()
    {
        harness.quote(0, "30000", "4", "30000.01", "1");
        harness.lines();

        harness.quote(0, "29999.99", "4", "30000", "1");
        assertEquals(List.of(
            "orderFilled s0 #1 buy 0.01@30000",
            "position s0 0.01 mark 29999.995 pnl -0.00005"), harness.lines(), "no new order while it lasts");

        harness.quote(0, "29999.99", "1", "30000", "1");
        harness.quote(0, "29999.99", "4", "30000", "1");
        assertEquals(List.of(
            "signal s0 buy code 2 @29999.99 value 600000",
            "orderPlaced s0 #2 buy 0.01@29999.99"), harness.lines(), "the filled order left nothing to cancel");
    }

    @Test
    void shouldCancelTheRestingOrderOnlyWhenTheImbalanceFallsBelowTheExitThreshold()
    {
        harness.quote(0, "30000", "4", "30000.01", "1");
        harness.lines();

        harness.quote(0, "30000", "3", "30000.01", "2");
        assertEquals(List.of(), harness.lines(), "(3 - 2) / 5 = 0.2 is not below the exit threshold");

        harness.quote(0, "30000", "1.4", "30000.01", "1");
        assertEquals(List.of("orderCancelled s0 #1 buy cancelled"), harness.lines(), "0.4 / 2.4 = 0.17");
        assertEquals(1, harness.execution.ordersCancelled());
    }

    @Test
    void shouldJoinTheAskWhenAsksOutweighBidsAndBeFilledByTradesPrintingAboveIt()
    {
        harness.quote(0, "30000", "1", "30000.01", "9");
        assertEquals(List.of(
            "signal s0 sell code 2 @30000.01 value -800000",
            "orderPlaced s0 #1 sell 0.01@30000.01"), harness.lines());

        harness.trade(0, "30000.01", "5");
        harness.trade(0, "30000.02", "0.004");
        harness.trade(0, "30000.03", "5");

        assertEquals(List.of(
            "orderFilled s0 #1 sell 0.004@30000.01",
            "position s0 -0.004 mark 30000.02 pnl -0.00004",
            "orderFilled s0 #1 sell 0.006@30000.01",
            "position s0 -0.01 mark 30000.03 pnl -0.0002"), harness.lines(), "not at its price, only through it");
    }

    @Test
    void shouldNotEnterWhileTheSpreadIsWide()
    {
        harness.quote(0, "30000", "4", "30000.50", "1");
        assertEquals(List.of(), harness.lines(), "0.5 / 30000.25 = 16.7 ppm");

        harness.quote(0, "30000", "4", "30000.30", "1");
        assertEquals(List.of(
            "signal s0 buy code 2 @30000 value 600000",
            "orderPlaced s0 #1 buy 0.01@30000"), harness.lines(), "0.3 / 30000.15 is just under 10 ppm");
    }

    @Test
    void shouldCancelAndJoinTheOtherSideWhenTheImbalanceFlipsInOneQuote()
    {
        harness.quote(0, "30000", "4", "30000.01", "1");
        harness.lines();

        harness.quote(0, "30000", "1", "30000.01", "9");

        assertEquals(List.of(
            "orderCancelled s0 #1 buy cancelled",
            "signal s0 sell code 2 @30000.01 value -800000",
            "orderPlaced s0 #2 sell 0.01@30000.01"), harness.lines());
    }

    @Test
    void shouldSignalButNotJoinBeyondItsPositionCap()
    {
        for (int i = 0; i < 2; i++)
        {
            harness.quote(0, "30000", "4", "30000.01", "1");
            harness.quote(0, "29999.99", "4", "30000", "1");
            harness.quote(0, "30000", "1", "30000.01", "1");
        }
        assertEquals(fixed("0.02"), harness.execution.position(0));
        harness.lines();

        harness.quote(0, "30000", "4", "30000.01", "1");

        assertEquals(List.of("signal s0 buy code 2 @30000 value 600000"), harness.lines());
    }

    @Test
    void shouldMeasureRatiosOfLargeSizesWithoutOverflow()
    {
        assertEquals(600_000, ImbalanceStrategy.ppm(3L << 60, 5L << 60));
        final long shiftedDown = ImbalanceStrategy.ppm(3_000_000_000_000_000_000L, 5_000_000_000_000_000_000L);
        assertTrue(shiftedDown == 599_999 || shiftedDown == 600_000, "within a ppm: " + shiftedDown);
        assertEquals(-1_000_000, ImbalanceStrategy.ppm(-Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(333_333, ImbalanceStrategy.ppm(1, 3));
        assertEquals(-200_000, ImbalanceStrategy.ppm(fixed("-1"), fixed("5")));
    }
}
