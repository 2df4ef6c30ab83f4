package dev.quietloop.bot.execution;

import static dev.quietloop.bot.execution.Published.fixed;
import static dev.quietloop.bot.execution.Published.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.strategy.Fill;
import dev.quietloop.strategy.Quote;
import dev.quietloop.strategy.Trade;
import dev.quietloop.wire.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaperExecutionTest
{
    private static final byte BUY = Event.SIDE_BUY;
    private static final byte SELL = Event.SIDE_SELL;
    private static final int MAX_OPEN_ORDERS = 4;

    private final BotCounters counters = new BotCounters();
    private final EventRing ring = new EventRing(1024, counters.ringRejected);
    private final EventPublisher publisher =
        new EventPublisher(ring, 1, 1, counters.eventsProduced, counters.ringRejected);
    private final PaperExecution execution =
        new PaperExecution(2, publisher, new RiskLimits(fixed("1"), MAX_OPEN_ORDERS, 2 * fixed("1")));
    private final Quote quote = new Quote();
    private final Trade trade = new Trade();
    private final Fill fill = new Fill();

    @Test
    void shouldFillMarketableBuyAtAskForShownSizeAndRestTheRemainder()
    {
        quote(0, "99", "1", "100", "0.3");

        final long orderId = execution.placeOrder(0, BUY, fixed("101"), fixed("0.5"));

        assertEquals(1, orderId);
        assertEquals(List.of(
            "orderPlaced s0 #1 buy 0.5@101",
            "orderFilled s0 #1 buy 0.3@100",
            "position s0 0.3 mark 99.5 pnl -0.15"), lines(ring));
        assertTrue(execution.pollFill(fill));
        assertFill(1, BUY, "100", "0.3", "0.2", "0.3");
        assertFalse(execution.pollFill(fill));
        assertEquals(1, execution.openOrders(), "the remainder rests");
    }

    @Test
    void shouldFillMarketableSellAtBidForShownSizeAndRestTheRemainder()
    {
        quote(1, "99", "0.1", "100", "1");

        assertEquals(1, execution.placeOrder(1, SELL, fixed("98"), fixed("0.25")));

        assertEquals(List.of(
            "orderPlaced s1 #1 sell 0.25@98",
            "orderFilled s1 #1 sell 0.1@99",
            "position s1 -0.1 mark 99.5 pnl -0.05"), lines(ring));
        assertTrue(execution.pollFill(fill));
        assertFill(1, SELL, "99", "0.1", "0.15", "-0.1");
        assertEquals(fixed("-0.1"), execution.position(1));
        assertEquals(0, execution.position(0));
    }

    @Test
    void shouldTakeNoMoreThanTheBookShowsAcrossOrdersOfOneTick()
    {
        quote(0, "99", "1", "100", "0.3");

        execution.placeOrder(0, BUY, fixed("100"), fixed("0.2"));
        execution.placeOrder(0, BUY, fixed("100"), fixed("0.2"));

        assertEquals(List.of(
            "orderPlaced s0 #1 buy 0.2@100",
            "orderFilled s0 #1 buy 0.2@100",
            "position s0 0.2 mark 99.5 pnl -0.1",
            "orderPlaced s0 #2 buy 0.2@100",
            "orderFilled s0 #2 buy 0.1@100",
            "position s0 0.3 mark 99.5 pnl -0.15"), lines(ring));
    }

    @Test
    void shouldRestOrderThatIsNotMarketable()
    {
        quote(0, "99", "1", "100", "1");

        assertEquals(1, execution.placeOrder(0, BUY, fixed("99.5"), fixed("0.5")));

        assertEquals(List.of("orderPlaced s0 #1 buy 0.5@99.5"), lines(ring));
        assertFalse(execution.pollFill(fill));
        assertEquals(1, execution.openOrders());
    }

    @Test
    void shouldRestOrderWhenNoQuoteWasSeenAndFillItWhenTradePrintsThroughIt()
    {
        trade(0, "100", "1");
        execution.placeOrder(0, BUY, fixed("200"), fixed("0.5"));
        assertEquals(List.of("orderPlaced s0 #1 buy 0.5@200"), lines(ring), "no book to be marketable against");

        trade(0, "199", "2");

        assertEquals(List.of(
            "orderFilled s0 #1 buy 0.5@200",
            "position s0 0.5 mark 199 pnl -0.5"), lines(ring));
    }

    /** An order of 0.5 rests on a book of 99 / 100; then the market goes to or through its limit. */
    @ParameterizedTest(name = "{0} at {1}, then {2}")
    @CsvSource(delimiter = '|', textBlock = """
        buy  | 99.5  | quote 99 1 99.4 0.2   | buy 0.2@99.5   | 0.3 | 0.2 mark 99.2 pnl -0.06
        buy  | 99.5  | quote 99 1 99.5 1     | buy 0.5@99.5   | 0   | 0.5 mark 99.25 pnl -0.125
        sell | 100.5 | quote 100.6 2 100.7 1 | sell 0.5@100.5 | 0   | -0.5 mark 100.65 pnl -0.075
        buy  | 99.5  | trade 99.4 0.3        | buy 0.3@99.5   | 0.2 | 0.3 mark 99.4 pnl -0.03
        sell | 100.5 | trade 100.6 5         | sell 0.5@100.5 | 0   | -0.5 mark 100.6 pnl -0.05
        """)
    void shouldFillRestingOrderAtItsLimitWhenQuoteOrTradeGoesToOrThroughIt(
        final String side, final String limitPrice, final String tick, final String filled, final String leaves,
        final String position)
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, "buy".equals(side) ? BUY : SELL, fixed(limitPrice), fixed("0.5"));
        lines(ring);

        final String[] words = tick.split(" ");
        if ("quote".equals(words[0]))
        {
            quote(0, words[1], words[2], words[3], words[4]);
        }
        else
        {
            trade(0, words[1], words[2]);
        }

        assertEquals(List.of("orderFilled s0 #1 " + filled, "position s0 " + position), lines(ring));
        assertTrue(execution.pollFill(fill));
        assertEquals(fixed(leaves), fill.leavesQuantity());
        assertEquals(leaves.equals("0") ? 0 : 1, execution.openOrders(), "a done order's slot goes with its fill");
    }

    @Test
    void shouldNotFillRestingOrdersWhenTradePrintsAtTheirPrice()
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("99.5"), fixed("0.5"));
        execution.placeOrder(0, SELL, fixed("100.5"), fixed("0.5"));
        lines(ring);

        trade(0, "99.5", "5");
        trade(0, "100.5", "5");

        assertEquals(List.of(), lines(ring));
        assertEquals(0, execution.fills());
        assertEquals(fixed("100.5"), execution.markPrice(0), "a trade marks the symbol even without a fill");
    }

    @Test
    void shouldNotFillOrdersOfAnotherSymbol()
    {
        quote(0, "99", "1", "100", "1");
        quote(1, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("99.5"), fixed("0.5"));
        lines(ring);

        quote(1, "98", "1", "98.5", "1");
        trade(1, "98", "1");

        assertEquals(List.of(), lines(ring));
    }

    @Test
    void shouldShareQuotedSizeBetweenRestingOrdersInTheOrderTheyWerePlaced()
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("99.5"), fixed("0.3"));
        execution.placeOrder(0, BUY, fixed("99.6"), fixed("0.3"));
        lines(ring);

        quote(0, "99", "1", "99.4", "0.4");

        assertEquals(List.of(
            "orderFilled s0 #1 buy 0.3@99.5",
            "position s0 0.3 mark 99.2 pnl -0.09",
            "orderFilled s0 #2 buy 0.1@99.6",
            "position s0 0.4 mark 99.2 pnl -0.13"), lines(ring));
        assertTrue(execution.pollFill(fill));
        assertFill(1, BUY, "99.5", "0.3", "0", "0.3");
        assertTrue(execution.pollFill(fill));
        assertFill(2, BUY, "99.6", "0.1", "0.2", "0.4");
        assertFalse(execution.pollFill(fill));
    }

    @Test
    void shouldNotMatchOrderAgainUntilItsLastFillWasPolled()
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("99.5"), fixed("0.5"));
        quote(0, "99", "1", "99.4", "0.2");
        lines(ring);

        quote(0, "99", "1", "99.4", "0.2");
        assertEquals(List.of(), lines(ring), "the strategy has not seen the first fill yet");

        assertTrue(execution.pollFill(fill));
        quote(0, "99", "1", "99.4", "0.2");
        assertEquals(List.of(
            "orderFilled s0 #1 buy 0.2@99.5",
            "position s0 0.4 mark 99.2 pnl -0.12"), lines(ring));
    }

    @Test
    void shouldCancelRestingOrderOnce()
    {
        quote(0, "99", "1", "100", "1");
        final long orderId = execution.placeOrder(0, SELL, fixed("100.5"), fixed("0.5"));
        lines(ring);

        assertTrue(execution.cancelOrder(orderId));
        assertFalse(execution.cancelOrder(orderId));
        assertFalse(execution.cancelOrder(99));

        assertEquals(List.of("orderCancelled s0 #1 sell cancelled"), lines(ring));
        assertEquals(1, execution.ordersCancelled());
        assertEquals(0, execution.openOrders());
        quote(0, "101", "1", "102", "1");
        assertEquals(List.of(), lines(ring), "a cancelled order does not fill");
    }

    @Test
    void shouldCancelOnlyTheRemainderOfPartlyFilledOrder()
    {
        quote(0, "99", "1", "100", "0.2");
        final long orderId = execution.placeOrder(0, BUY, fixed("100"), fixed("0.5"));
        lines(ring);

        assertTrue(execution.cancelOrder(orderId));

        assertEquals(List.of("orderCancelled s0 #1 buy cancelled"), lines(ring));
        assertEquals(1, execution.openOrders(), "the slot is held until the fill is polled");
        assertTrue(execution.pollFill(fill));
        assertFill(1, BUY, "100", "0.2", "0.3", "0.2");
        assertEquals(0, execution.openOrders());
        assertEquals(fixed("0.2"), execution.position(0));
    }

    @Test
    void shouldNotCancelFilledOrder()
    {
        quote(0, "99", "1", "100", "1");
        final long orderId = execution.placeOrder(0, BUY, fixed("100"), fixed("0.5"));
        lines(ring);

        assertFalse(execution.cancelOrder(orderId), "filled, fill not yet polled");
        assertTrue(execution.pollFill(fill));
        assertFalse(execution.cancelOrder(orderId), "filled and polled");

        assertEquals(List.of(), lines(ring));
        assertEquals(0, execution.ordersCancelled());
    }

    @Test
    void shouldRejectOrderBeyondPositionLimitCountingOpenOrdersOfTheSameSide()
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("100"), fixed("0.5"));
        execution.pollFill(fill);
        execution.placeOrder(0, BUY, fixed("99"), fixed("0.3"));
        lines(ring);

        assertEquals(0, execution.placeOrder(0, BUY, fixed("99"), fixed("0.3")), "0.5 + 0.3 + 0.3 > 1");
        assertEquals(4, execution.placeOrder(0, BUY, fixed("99"), fixed("0.2")), "exactly at the limit");
        assertEquals(5, execution.placeOrder(0, SELL, fixed("101"), fixed("1.5")), "0.5 - 1.5 = -1");
        assertEquals(0, execution.placeOrder(0, SELL, fixed("101"), fixed("0.00000001")));

        assertEquals(List.of(
            "orderPlaced s0 #3 buy 0.3@99",
            "orderCancelled s0 #3 buy rejected",
            "orderPlaced s0 #4 buy 0.2@99",
            "orderPlaced s0 #5 sell 1.5@101",
            "orderPlaced s0 #6 sell 0.00000001@101",
            "orderCancelled s0 #6 sell rejected"), lines(ring));
        assertEquals(2, execution.ordersRejected());
        assertEquals(2, execution.ordersRejected(RiskCheck.MAX_POSITION));
        assertEquals(6, execution.ordersPlaced());
    }

    @Test
    void shouldRejectOrderWhenEverySlotIsTaken()
    {
        quote(0, "99", "1", "100", "1");
        for (int i = 0; i < MAX_OPEN_ORDERS; i++)
        {
            assertEquals(i + 1, execution.placeOrder(0, BUY, fixed("90"), fixed("0.1")));
        }
        lines(ring);

        assertEquals(0, execution.placeOrder(1, SELL, fixed("110"), fixed("0.1")));
        execution.cancelOrder(2);
        assertEquals(6, execution.placeOrder(1, SELL, fixed("110"), fixed("0.1")));

        assertEquals(List.of(
            "orderPlaced s1 #5 sell 0.1@110",
            "orderCancelled s1 #5 sell rejected",
            "orderCancelled s0 #2 buy cancelled",
            "orderPlaced s1 #6 sell 0.1@110"), lines(ring));
        assertEquals(1, execution.ordersRejected());
        assertEquals(1, execution.ordersRejected(RiskCheck.MAX_OPEN_ORDERS));
    }

    @Test
    void shouldHoldSlotOfFilledOrderUntilItsFillIsPolled()
    {
        quote(0, "99", "1", "100", "1");
        for (int i = 0; i < MAX_OPEN_ORDERS; i++)
        {
            execution.placeOrder(0, BUY, fixed("100"), fixed("0.1"));
        }

        assertEquals(0, execution.placeOrder(0, BUY, fixed("100"), fixed("0.1")));
        assertTrue(execution.pollFill(fill));
        assertEquals(MAX_OPEN_ORDERS + 2, execution.placeOrder(0, BUY, fixed("100"), fixed("0.1")));
    }

    @Test
    void shouldRejectInvalidOrders()
    {
        quote(0, "99", "1", "100", "1");

        assertEquals(0, execution.placeOrder(0, BUY, fixed("100"), 0));
        assertEquals(0, execution.placeOrder(0, BUY, 0, fixed("0.1")));
        assertEquals(0, execution.placeOrder(0, (byte)0, fixed("100"), fixed("0.1")));
        assertEquals(0, execution.placeOrder(-1, BUY, fixed("100"), fixed("0.1")));
        assertEquals(0, execution.placeOrder(2, BUY, fixed("100"), fixed("0.1")));
        assertEquals(0, execution.placeOrder(0, BUY, fixed("100"), Long.MAX_VALUE));

        final List<String> lines = lines(ring);
        assertEquals(12, lines.size());
        assertEquals("orderPlaced s2 #5 buy 0.1@100", lines.get(8));
        assertEquals("orderCancelled s2 #5 buy rejected", lines.get(9));
        assertEquals(6, execution.ordersRejected());
        assertEquals(5, execution.ordersRejected(RiskCheck.INVALID));
        assertEquals(1, execution.ordersRejected(RiskCheck.MAX_ORDER_SIZE), "Long.MAX_VALUE: valid, but too large");
        assertEquals(0, execution.openOrders());
        assertFalse(execution.pollFill(fill));
    }

    @Test
    void shouldRejectAnOrderLargerThanTheOrderSizeLimitAndCountEachRejectionUnderTheFirstCheckItFails()
    {
        final PaperExecution limited = new PaperExecution(1, publisher, new RiskLimits(fixed("1"), 1, fixed("0.5")));
        limited.onQuote(quote.set(0, 0, fixed("99"), fixed("1"), fixed("100"), fixed("1")));

        assertEquals(0, limited.placeOrder(0, BUY, fixed("98"), fixed("0.6")), "over the size limit");
        assertTrue(limited.placeOrder(0, BUY, fixed("98"), fixed("0.5")) > 0, "at the limit: rests, holding the one slot");
        assertEquals(0, limited.placeOrder(0, BUY, fixed("98"), fixed("0.7")), "over the size limit first, then no slot");
        assertEquals(0, limited.placeOrder(0, BUY, fixed("98"), fixed("0.1")), "no slot");
        assertEquals(0, limited.placeOrder(0, BUY, fixed("0"), fixed("0.7")), "invalid first");

        assertEquals(5, limited.ordersPlaced());
        assertEquals(4, limited.ordersRejected());
        assertEquals(2, limited.ordersRejected(RiskCheck.MAX_ORDER_SIZE));
        assertEquals(1, limited.ordersRejected(RiskCheck.MAX_OPEN_ORDERS));
        assertEquals(1, limited.ordersRejected(RiskCheck.INVALID));
        assertEquals(0, limited.ordersRejected(RiskCheck.MAX_POSITION));
    }

    @Test
    void shouldBookPnlOfRoundTrip()
    {
        quote(0, "99", "1", "100", "1");
        execution.placeOrder(0, BUY, fixed("100"), fixed("0.5"));
        quote(0, "101", "1", "102", "1");
        execution.placeOrder(0, SELL, fixed("101"), fixed("0.5"));

        assertEquals(0, execution.position(0));
        assertEquals(fixed("0.5"), execution.pnl(0), "bought at 100, sold at 101: +1 * 0.5");
        assertEquals(fixed("0.5"), execution.totalPnl());
        final List<String> lines = lines(ring);
        assertEquals("position s0 0 mark 101.5 pnl 0.5", lines.get(lines.size() - 1));
        assertEquals(2, execution.fills());
    }

    @Test
    void shouldMarkOpenPositionToMidAndToTrades()
    {
        quote(0, "99", "1", "100", "1");
        quote(1, "9", "1", "10", "1");
        execution.placeOrder(0, BUY, fixed("100"), fixed("0.5"));
        execution.placeOrder(1, SELL, fixed("9"), fixed("1"));
        assertEquals(fixed("-0.25"), execution.pnl(0));
        assertEquals(fixed("-0.5"), execution.pnl(1));

        quote(0, "103", "1", "105", "1");
        assertEquals(fixed("2"), execution.pnl(0), "0.5 bought at 100, marked at 104");

        trade(1, "7", "1");
        assertEquals(fixed("2"), execution.pnl(1), "1 sold at 9, marked at 7");
        assertEquals(fixed("4"), execution.totalPnl());
        assertEquals(fixed("7"), execution.markPrice(1));
    }

    @Test
    void shouldAccountExactlyAtPricesWhoseProductWithQuantityOverflowsALong()
    {
        final PaperExecution execution = new PaperExecution(1, publisher);
        quote.set(0, 0, fixed("65000.12345678"), fixed("1.5"), fixed("65000.1234568"), fixed("2"));
        execution.onQuote(quote);
        execution.placeOrder(0, BUY, fixed("65000.1234568"), fixed("0.05"));

        trade.set(0, 0, fixed("65010.1234568"), fixed("1"), Event.SIDE_SELL);
        execution.onTrade(trade);

        assertEquals(fixed("0.05"), execution.position(0));
        assertEquals(fixed("0.5"), execution.pnl(0), "0.05 bought, marked 10 higher");
    }

    @Test
    void shouldNumberOrdersFromOneAndReuseSlotsIndefinitely()
    {
        quote(0, "99", "1", "100", "1");
        for (int i = 1; i <= 1_000; i++)
        {
            final long orderId = execution.placeOrder(0, i % 2 == 0 ? BUY : SELL, fixed("99.5"), fixed("0.1"));
            assertEquals(i, orderId);
            assertTrue(execution.cancelOrder(orderId));
        }
        assertEquals(0, execution.ordersRejected());
        assertEquals(1_000, execution.ordersCancelled());
    }

    private void quote(
        final int symbolId, final String bid, final String bidSize, final String ask, final String askSize)
    {
        quote.set(symbolId, 0, fixed(bid), fixed(bidSize), fixed(ask), fixed(askSize));
        execution.onQuote(quote);
    }

    private void trade(final int symbolId, final String price, final String quantity)
    {
        trade.set(symbolId, 0, fixed(price), fixed(quantity), Trade.SIDE_UNKNOWN);
        execution.onTrade(trade);
    }

    private void assertFill(
        final long orderId,
        final byte side,
        final String price,
        final String quantity,
        final String leaves,
        final String position)
    {
        assertEquals(orderId, fill.orderId());
        assertEquals(side, fill.side());
        assertEquals(fixed(price), fill.price());
        assertEquals(fixed(quantity), fill.quantity());
        assertEquals(fixed(leaves), fill.leavesQuantity());
        assertEquals(fixed(position), fill.position());
    }
}
