package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThroughputTest
{
    private static Map<String, Long> everythingDelivered()
    {
        final Map<String, Long> summary = new HashMap<>();
        summary.put("bot.eventsProduced", 1_000L);
        summary.put("bot.eventsSent", 1_000L);
        summary.put("broker.eventsReceived", 1_000L);
        summary.put("broker.eventsForwarded", 1_000L);
        summary.put("sidecar.eventsReceived", 1_000L);
        return summary;
    }

    @Test
    void shouldCountARunAsLossFreeOnlyWhenWholeAndNothingWasLost()
    {
        final Map<String, Long> stopped = everythingDelivered();
        stopped.put("run.partial", 1L);
        final Map<String, Long> rejected = everythingDelivered();
        rejected.put("bot.ringRejected", 1L);
        rejected.put("bot.eventsProduced", 1_001L);
        final Map<String, Long> gaps = everythingDelivered();
        gaps.put("sidecar.gaps", 1L);

        assertTrue(Throughput.isLossFree(new RunFigures(everythingDelivered())));
        assertFalse(Throughput.isLossFree(new RunFigures(stopped)), "a run stopped at its time limit");
        assertFalse(Throughput.isLossFree(new RunFigures(rejected)), "a ring rejection");
        assertFalse(Throughput.isLossFree(new RunFigures(gaps)), "a gap at the stub");
    }

    @Test
    void shouldReadTheRatePastTheWarmUpApartFromTheWholeRunsRate()
    {
        final Map<String, Long> summary = everythingDelivered();
        summary.put("sidecar.receiveSpanNs", 2_000_000L);
        summary.put("sidecar.afterWarmupEvents", 800L);
        summary.put("sidecar.afterWarmupSpanNs", 400_000L);

        assertEquals(500_000, Throughput.eventsPerSecond(new RunFigures(summary)), 1e-6);
        assertEquals(2_000_000, Throughput.afterWarmupPerSecond(new RunFigures(summary)), 1e-6);
        summary.remove("sidecar.afterWarmupSpanNs");
        assertEquals(0, Throughput.afterWarmupPerSecond(new RunFigures(summary)), "no span, no rate");
    }
}
