package dev.quietloop.broker;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCoordinatorTest
{
    @Test
    void shouldSayBalancedWhenReceivedAndGapsMakeUpWhatWasProduced()
    {
        final String line = RunCoordinator.accounting(Map.of(
            "bot.eventsProduced", 100L, "bot.ringRejected", 7L,
            "sidecar.eventsReceived", 95L, "sidecar.gaps", 7L, "sidecar.duplicates", 2L));

        assertTrue(line.endsWith(": balanced"), line);
    }

    @Test
    void shouldSayNotBalancedWhenEventsAreMissingUncounted()
    {
        final String line = RunCoordinator.accounting(Map.of(
            "bot.eventsProduced", 100L, "sidecar.eventsReceived", 90L, "sidecar.gaps", 0L));

        assertTrue(line.endsWith("NOT balanced, 10 missing at the sidecar"), line);
    }

    @Test
    void shouldNotClaimTheSideOfAnExternalSidecar()
    {
        final String line = RunCoordinator.accounting(Map.of("bot.eventsProduced", 100L));

        assertTrue(line.contains("external"), line);
    }

    @Test
    void shouldCountWhatTheSidecarNeitherReceivedNorSawAsAGap()
    {
        assertEquals(5_039, RunCoordinator.missingAtSidecar(Map.of(
            "bot.eventsProduced", 5_394L, "sidecar.eventsReceived", 355L, "sidecar.gaps", 0L)));
        assertEquals(0, RunCoordinator.missingAtSidecar(Map.of(
            "bot.eventsProduced", 100L, "sidecar.eventsReceived", 95L, "sidecar.gaps", 7L, "sidecar.duplicates", 2L)));
        assertEquals(-1, RunCoordinator.missingAtSidecar(Map.of("bot.eventsProduced", 100L)));
    }
}
