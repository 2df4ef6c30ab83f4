package dev.quietloop.broker;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.wire.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCoordinatorTest
{
    @Test
    void shouldSayBalancedWhenReceivedAndGapsMakeUpWhatWasProduced()
    {
        final String line = Accounting.line(Map.of(
            "bot.eventsProduced", 100L, "bot.ringRejected", 7L,
            "sidecar.eventsReceived", 95L, "sidecar.gaps", 7L, "sidecar.duplicates", 2L));

        assertTrue(line.endsWith(": balanced"), line);
    }

    @Test
    void shouldSayNotBalancedWhenEventsAreMissingUncounted()
    {
        final String line = Accounting.line(Map.of(
            "bot.eventsProduced", 100L, "sidecar.eventsReceived", 90L, "sidecar.gaps", 0L));

        assertTrue(line.endsWith("NOT balanced, 10 missing at the sidecar"), line);
    }

    @Test
    void shouldNotClaimTheSideOfAnExternalSidecar()
    {
        final String line = Accounting.line(Map.of("bot.eventsProduced", 100L));

        assertTrue(line.contains("external"), line);
    }

    @Test
    void shouldCountWhatTheSidecarNeitherReceivedNorSawAsAGap()
    {
        assertEquals(5_039, Accounting.missingAtSidecar(Map.of(
            "bot.eventsProduced", 5_394L, "sidecar.eventsReceived", 355L, "sidecar.gaps", 0L)));
        assertEquals(0, Accounting.missingAtSidecar(Map.of(
            "bot.eventsProduced", 100L, "sidecar.eventsReceived", 95L, "sidecar.gaps", 7L, "sidecar.duplicates", 2L)));
        assertEquals(-1, Accounting.missingAtSidecar(Map.of("bot.eventsProduced", 100L)));
    }

    @Test
    void shouldCountWhatTheBotSentAndTheBrokerNeverReadOnlyWhenTheSidecarIsExternal()
    {
        final Map<String, Long> external = Map.of(
            "bot.eventsProduced", 5_000L, "bot.eventsSent", 5_000L, "broker.eventsReceived", 3_521L);

        assertEquals(1_479, Accounting.droppedAtBotClose(external));
        assertTrue(Accounting.line(external).contains("1479 sent by the bot were dropped at close"),
            Accounting.line(external));
        assertEquals(0, Accounting.droppedAtBotClose(Map.of(
            "bot.eventsSent", 5_000L, "broker.eventsReceived", 5_000L)), "nothing dropped");
        assertEquals(0, Accounting.droppedAtBotClose(Map.of("bot.eventsSent", 5_000L,
            "broker.eventsReceived", 3_521L, "sidecar.eventsReceived", 3_521L)), "a stub's side counts it as missing");
        assertEquals(0, Accounting.droppedAtBotClose(Map.of("broker.eventsReceived", 3_521L)), "bots run apart");
    }

    @Test
    void shouldAddTheLossesNoProcessCountedToTheSummaryAndToWhatMakesTheRunFail()
    {
        final Map<String, Long> external = new TreeMap<>(Map.of(
            "bot.eventsProduced", 5_000L, "bot.eventsSent", 5_000L, "broker.eventsReceived", 3_521L));

        assertEquals(1_479 + 7, Accounting.countLosses(external, 7));
        assertEquals(1_479, external.get(Accounting.RUN_DROPPED_AT_BOT_CLOSE));
        assertFalse(external.containsKey(Accounting.RUN_MISSING_AT_SIDECAR));

        final Map<String, Long> stub = hundredSentAndReceivedByTheBroker(90);

        assertEquals(10, Accounting.countLosses(stub, 0));
        assertEquals(10, stub.get(Accounting.RUN_MISSING_AT_SIDECAR));
        assertFalse(stub.containsKey(Accounting.RUN_DROPPED_AT_BOT_CLOSE));

        final Map<String, Long> whole = hundredSentAndReceivedByTheBroker(100);

        assertEquals(0, Accounting.countLosses(whole, 0));
        assertEquals(4, whole.size(), "no key added when nothing was lost");

        final Map<String, Long> unsent = new TreeMap<>(Map.of(
            "bot.eventsProduced", 100L, "bot.ringRejected", 5L, "bot.eventsSent", 85L, "bot.unsent", 10L,
            "broker.eventsReceived", 85L, "sidecar.eventsReceived", 85L, "sidecar.gaps", 15L));

        assertEquals(10, Accounting.countLosses(unsent, 0), "the unsent count, not the ring's rejections");

        final Map<String, Long> restarted = new TreeMap<>(Map.of(
            "bot.eventsProduced", 100L, "bot.eventsSent", 100L, "broker.eventsReceived", 100L,
            "broker.sidecarDisconnects", 1L, "broker.framesInFlightAtDisconnect", 12L));

        assertEquals(12, Accounting.countLosses(restarted, 0),
            "an external sidecar that restarted balances the bot's hop, yet its delivery cannot be proven");
    }

    @Test
    void shouldKnowTheSourceOfTheBotItLaunches()
    {
        assertEquals(ChildArguments.LAUNCHED_SOURCE_ID, ChildArguments.launchedSourceId(List.of("--rate=100")));
        assertEquals(7, ChildArguments.launchedSourceId(List.of("--source-id=7")));
        assertEquals(9, ChildArguments.launchedSourceId(List.of("--quiet", "--source-id", "9")));
        assertThrows(ConfigException.class, () -> ChildArguments.launchedSourceId(List.of("--source-id=x")));
    }

    private static Map<String, Long> hundredSentAndReceivedByTheBroker(final long sidecarReceived)
    {
        return new TreeMap<>(Map.of("bot.eventsProduced", 100L, "bot.eventsSent", 100L,
            "broker.eventsReceived", 100L, "sidecar.eventsReceived", sidecarReceived));
    }
}
