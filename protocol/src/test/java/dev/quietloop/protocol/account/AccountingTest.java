package dev.quietloop.protocol.account;

import static dev.quietloop.protocol.account.Accounting.BOT_EVENTS_ACKED;
import static dev.quietloop.protocol.account.Accounting.BOT_EVENTS_PRODUCED;
import static dev.quietloop.protocol.account.Accounting.BOT_EVENTS_SENT;
import static dev.quietloop.protocol.account.Accounting.BOT_RING_REJECTED;
import static dev.quietloop.protocol.account.Accounting.BOT_UNACKED;
import static dev.quietloop.protocol.account.Accounting.BOT_UNSENT;
import static dev.quietloop.protocol.account.Accounting.BROKER_EVENTS_FORWARDED;
import static dev.quietloop.protocol.account.Accounting.BROKER_EVENTS_RECEIVED;
import static dev.quietloop.protocol.account.Accounting.BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT;
import static dev.quietloop.protocol.account.Accounting.BROKER_UNDELIVERED;
import static dev.quietloop.protocol.account.Accounting.RUN_DROPPED_AT_BOT_CLOSE;
import static dev.quietloop.protocol.account.Accounting.RUN_MISSING_AT_SIDECAR;
import static dev.quietloop.protocol.account.Accounting.SIDECAR_DUPLICATES;
import static dev.quietloop.protocol.account.Accounting.SIDECAR_EVENTS_RECEIVED;
import static dev.quietloop.protocol.account.Accounting.SIDECAR_GAPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The account's equations and its loss verdict, on summaries built by hand: counts, never time. */
class AccountingTest
{
    /** A run in which the bot produced 1,000 events, {@code rejected} of them refused by its ring. */
    private static Map<String, Long> run(final long rejected)
    {
        final long sent = 1_000 - rejected;
        final Map<String, Long> summary = new TreeMap<>();
        summary.put(BOT_EVENTS_PRODUCED, 1_000L);
        summary.put(BOT_RING_REJECTED, rejected);
        summary.put(BOT_EVENTS_SENT, sent);
        summary.put(BOT_EVENTS_ACKED, sent);
        summary.put(BROKER_EVENTS_RECEIVED, sent);
        summary.put(BROKER_EVENTS_FORWARDED, sent);
        summary.put(SIDECAR_EVENTS_RECEIVED, sent);
        summary.put(SIDECAR_GAPS, rejected);
        return summary;
    }

    @Test
    void shouldBalanceAWholeRunAndFindNoLoss()
    {
        final Map<String, Long> summary = run(0);
        assertTrue(Accounting.balances(summary));
        assertTrue(Accounting.sidecarHolds(summary));
        assertTrue(Accounting.ackedHolds(summary));
        assertEquals(0, Accounting.countLosses(summary, 0));
        assertTrue(Accounting.line(summary).endsWith("): balanced"), Accounting.line(summary));
    }

    @Test
    void shouldTakeTheRingsRejectionsAsTheOneDropByDesign()
    {
        final Map<String, Long> summary = run(40);
        assertTrue(Accounting.balances(summary));
        assertEquals(0, Accounting.missingAtSidecar(summary));
        assertEquals(0, Accounting.countLosses(summary, 0), "a ring rejection is counted, not a loss");
        assertTrue(Accounting.line(summary).contains("ring rejected 40"), Accounting.line(summary));
    }

    @Test
    void shouldCountWhatTheSidecarNeverSawAsMissingWhenNoProcessCountedIt()
    {
        final Map<String, Long> summary = run(0);
        summary.put(SIDECAR_EVENTS_RECEIVED, 990L); // a stub killed with 10 events in flight
        assertFalse(Accounting.balances(summary));
        assertEquals(10, Accounting.missingAtSidecar(summary));
        assertEquals(10, Accounting.countLosses(summary, 0));
        assertEquals(10L, summary.get(RUN_MISSING_AT_SIDECAR), "written into the summary for the report");
        assertTrue(Accounting.line(summary).endsWith("NOT balanced, 10 missing at the sidecar"), Accounting.line(summary));
    }

    @Test
    void shouldNotCountADuplicateAsReceived()
    {
        final Map<String, Long> summary = run(0);
        summary.put(SIDECAR_EVENTS_RECEIVED, 1_003L);
        summary.put(SIDECAR_DUPLICATES, 3L);
        assertTrue(Accounting.sidecarHolds(summary));
        assertEquals(0, Accounting.missingAtSidecar(summary));
        assertEquals(0, Accounting.droppedAtClose(summary));
    }

    @Test
    void shouldCountWhatTheBotCouldNotSendOrHaveAcknowledgedAndWhatTheBrokerLeftUndelivered()
    {
        final Map<String, Long> summary = run(0);
        summary.put(BOT_EVENTS_SENT, 990L);
        summary.put(BOT_UNSENT, 10L);
        summary.put(BOT_EVENTS_ACKED, 985L);
        summary.put(BOT_UNACKED, 5L);
        summary.put(BROKER_EVENTS_RECEIVED, 990L);
        summary.put(BROKER_EVENTS_FORWARDED, 988L);
        summary.put(BROKER_UNDELIVERED, 2L);
        summary.put(SIDECAR_EVENTS_RECEIVED, 988L);
        summary.put(SIDECAR_GAPS, 12L);
        assertTrue(Accounting.botHolds(summary));
        assertTrue(Accounting.ackedHolds(summary));
        assertTrue(Accounting.brokerHolds(summary));
        assertTrue(Accounting.balances(summary), "every missing event was counted by the process that held it");
        assertEquals(10 + 5 + 2, Accounting.countLosses(summary, 2), "the verdict: not every event is proven delivered");
    }

    @Test
    void shouldCountFramesInFlightOnADroppedSidecarLinkAsUnproven()
    {
        final Map<String, Long> summary = run(0);
        summary.put(BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT, 3L);
        assertEquals(3, Accounting.countLosses(summary, 0));
    }

    @Test
    void shouldCountWhatTheBotSentAndTheBrokerNeverReadWhenTheSidecarIsExternal()
    {
        final Map<String, Long> summary = run(0);
        summary.remove(SIDECAR_EVENTS_RECEIVED);
        summary.remove(SIDECAR_GAPS);
        summary.put(BROKER_EVENTS_RECEIVED, 996L);
        summary.put(BROKER_EVENTS_FORWARDED, 996L);
        assertEquals(-1, Accounting.missingAtSidecar(summary), "no sidecar side to compare with");
        assertEquals(4, Accounting.droppedAtBotClose(summary));
        assertEquals(4, Accounting.countLosses(summary, 0));
        assertEquals(4L, summary.get(RUN_DROPPED_AT_BOT_CLOSE));
        assertTrue(Accounting.line(summary).contains("4 sent by the bot were dropped at close"), Accounting.line(summary));
    }
}
