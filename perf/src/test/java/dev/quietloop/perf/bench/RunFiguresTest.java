package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunFiguresTest
{
    private static Map<String, Long> balanced()
    {
        final Map<String, Long> summary = new HashMap<>();
        summary.put("bot.eventsProduced", 100L);
        summary.put("bot.ringRejected", 10L);
        summary.put("bot.eventsSent", 85L);
        summary.put("bot.unsent", 5L);
        summary.put("broker.eventsReceived", 85L);
        summary.put("broker.eventsForwarded", 80L);
        summary.put("broker.undelivered", 5L);
        summary.put("sidecar.eventsReceived", 80L);
        summary.put("sidecar.gaps", 20L);
        summary.put("sidecar.duplicates", 0L);
        summary.put("broker.framesForwarded", 11L);
        summary.put("broker.controlFrames", 1L);
        return summary;
    }

    @Test
    void shouldBalanceWhenEveryEventIsAccountedFor()
    {
        assertTrue(new RunFigures(balanced()).balances());
    }

    @Test
    void shouldNotBalanceWhenTheSidecarMissesAnEventNobodyCounted()
    {
        final Map<String, Long> summary = balanced();
        summary.put("sidecar.eventsReceived", 79L);

        assertFalse(new RunFigures(summary).balances());
    }

    @Test
    void shouldNotBalanceButCountWhatWasDroppedFromSocketQueuesAtClose()
    {
        final Map<String, Long> summary = balanced();
        summary.put("sidecar.eventsReceived", 70L);
        summary.put("run.missingAtSidecar", 10L);

        assertFalse(new RunFigures(summary).balances());
        assertEquals(10, new RunFigures(summary).dropped());
        assertEquals(0, new RunFigures(balanced()).dropped());
    }

    @Test
    void shouldBalanceWithoutASidecarSummaryOnTheBotAndBrokerSides()
    {
        final Map<String, Long> summary = balanced();
        summary.keySet().removeIf(key -> key.startsWith("sidecar."));

        assertTrue(new RunFigures(summary).balances());
        assertEquals(0, new RunFigures(summary).delivered());
    }

    @Test
    void shouldNotBalanceWithoutASidecarWhenTheBotsHopDroppedEventsAtClose()
    {
        final Map<String, Long> summary = balanced();
        summary.keySet().removeIf(key -> key.startsWith("sidecar."));
        summary.put("run.droppedAtBotClose", 3L);

        assertEquals(3, new RunFigures(summary).dropped());
        assertFalse(new RunFigures(summary).balances());
    }

    @Test
    void shouldAverageBusinessEventsPerFrameLeavingControlFramesOut()
    {
        assertEquals(8.0, new RunFigures(balanced()).batchSize());
    }

    @Test
    void shouldReadAMissingHopAsMinusOne()
    {
        final RunFigures figures = new RunFigures(Map.of("latencyNs.endToEnd.p99", 1234L));

        assertEquals(1234, figures.hop("endToEnd", "p99"));
        assertEquals(-1, figures.hop("tickToPublish", "p99"));
    }

    @Test
    void shouldTakeTheMedianAndTheRangeOfRepeats()
    {
        final Spread odd = Spread.of(List.of(3.0, 1.0, 2.0), Double::doubleValue);
        final Spread even = Spread.of(4.0, 1.0, 3.0, 2.0);

        assertEquals(new Spread(2.0, 1.0, 3.0), odd);
        assertEquals(new Spread(2.5, 1.0, 4.0), even);
        assertEquals("2.0 (1.0–3.0)", new Spread(2_000, 1_000, 3_000).micros());
    }
}
