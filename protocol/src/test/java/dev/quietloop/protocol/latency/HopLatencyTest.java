package dev.quietloop.protocol.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.wire.testing.Allocations;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HopLatencyTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRecordEveryCallIntoPercentilesUnderTheHopsKey()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true);
        for (int i = 1; i <= 1_000; i++)
        {
            hop.recordEvent(i, System.nanoTime());
        }

        final Map<String, Long> percentiles = hop.percentiles();

        assertEquals(1_000, percentiles.get("latencyNs.tickToPublish.count"));
        assertEquals(6, percentiles.size());
        assertTrue(percentiles.get("latencyNs.tickToPublish.max") >= percentiles.get("latencyNs.tickToPublish.p50"));
    }

    @Test
    void shouldRecordAFramesEventsWithTheLatencyItsCallerMeasured()
    {
        final HopLatency hop = HopLatency.of(Hop.END_TO_END, true);
        hop.record(1_000, 6_000, 3);
        hop.record(1_000, 2_000, 1);
        hop.record(1_000, 9_000, 0); // a control frame: no events, nothing recorded

        final Histogram total = hop.total();

        assertEquals(4, total.getTotalCount());
        assertEquals(5_000, total.getValueAtPercentile(50.0), 5);
        assertEquals(1_000, total.getMinValue(), 1);
    }

    @Test
    void shouldRecordAFramesEventsApartWhenItsFlagSaysTheyAreTheBotsWarmUp()
    {
        final HopLatency hop = HopLatency.of(Hop.BROKER_DWELL, true); // no warm-up of its own: the frames tell
        hop.record(1_000, 901_000, 3, true);
        hop.record(1_000, 2_000, 2, false);
        hop.record(1_000, 9_000, 0, true); // a control frame: never flagged, nothing recorded

        final Map<String, Long> percentiles = hop.percentiles();

        assertEquals(2, percentiles.get("latencyNs.brokerDwell.count"));
        assertEquals(1_000, percentiles.get("latencyNs.brokerDwell.max"), 1);
        assertEquals(3, percentiles.get("latencyNs.warmup.brokerDwell.count"));
        assertEquals(900_000, percentiles.get("latencyNs.warmup.brokerDwell.p50"), 1_000);
        hop.writeFiles(dir, System.currentTimeMillis());
        assertEquals(3, HopLatency.readLog(dir.resolve("broker-dwell-warmup.hlog")).getTotalCount());
    }

    @Test
    void shouldStandALateSampleForTheSamplesItsStallKeptFromBeingTaken()
    {
        final HopLatency hop = HopLatency.of(Hop.HICCUP, true);
        hop.recordSample(500_000, 1_000_000);
        hop.recordSample(3_500_000, 1_000_000); // 3.5 intervals late: also 2.5 and 1.5, the samples it missed

        final Histogram total = hop.total();

        assertEquals(4, total.getTotalCount());
        assertTrue(total.valuesAreEquivalent(3_500_000, total.getMaxValue()));
        assertEquals(1, total.getCountBetweenValues(400_000, 600_000));
        assertEquals("hiccup.hlog", Hop.HICCUP.logFile());
    }

    @Test
    void shouldRecordNoSampleWhenOff()
    {
        final HopLatency hop = HopLatency.of(Hop.HICCUP, false);
        hop.recordSample(3_500_000, 1_000_000);

        assertEquals(0, hop.total().getTotalCount());
        assertTrue(hop.percentiles().isEmpty());
    }

    @Test
    void shouldTimeOnlyEventsAfterTheWarmUpsLastSequence()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true, 100);
        for (int sequence = 1; sequence <= 250; sequence++)
        {
            hop.recordEvent(sequence, System.nanoTime());
        }

        assertEquals(150, hop.total().getTotalCount(), "sequences 101 to 250");
        assertEquals(100, hop.warmUpTotal().getTotalCount(), "sequences 1 to 100, apart");
    }

    @Test
    void shouldPutTheWarmUpsEventsApartAndTheRestInTheHeadline()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true, WarmUp.ofEvents(7));
        for (int sequence = 1; sequence <= 40; sequence++)
        {
            hop.recordEvent(sequence, 0, sequence);
        }

        final Map<String, Long> percentiles = hop.percentiles();

        assertEquals(33, percentiles.get("latencyNs.tickToPublish.count"));
        assertEquals(7, percentiles.get("latencyNs.warmup.tickToPublish.count"));
        assertEquals(12, percentiles.size(), "count, p50, p90, p99, p99_9 and max of each: " + percentiles);
    }

    @Test
    void shouldPutEveryEventInTheWarmUpUntilItsTicksEndIt()
    {
        final WarmUp warmUp = WarmUp.ofTicks(2);
        final HopLatency hop = HopLatency.of(Hop.RING_TO_SEND, true, warmUp);
        for (int sequence = 1; sequence <= 5; sequence++)
        {
            hop.recordEvent(sequence, 0, 10);
        }
        warmUp.endAt(5);
        for (int sequence = 6; sequence <= 12; sequence++)
        {
            hop.recordEvent(sequence, 0, 10);
        }

        assertEquals(5, hop.warmUpTotal().getTotalCount());
        assertEquals(7, hop.total().getTotalCount());
    }

    @Test
    void shouldPutAWarmUpBackIntoTheHeadlineWhenFolded()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true, WarmUp.ofEvents(4));
        for (int sequence = 1; sequence <= 10; sequence++)
        {
            hop.recordEvent(sequence, 0, 10);
        }

        hop.foldWarmUpIntoHeadline();

        assertEquals(10, hop.total().getTotalCount());
        assertEquals(0, hop.warmUpTotal().getTotalCount());
        assertFalse(hop.percentiles().containsKey("latencyNs.warmup.tickToPublish.count"), "no warm-up row");
    }

    @Test
    void shouldWriteTheWarmUpsLogBesideTheHeadlines()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true, WarmUp.ofEvents(3));
        for (int sequence = 1; sequence <= 8; sequence++)
        {
            hop.recordEvent(sequence, 0, 10);
        }

        hop.writeFiles(dir, System.currentTimeMillis());

        assertEquals(5, HopLatency.readLog(dir.resolve("tick-to-publish.hlog")).getTotalCount());
        assertEquals(3, HopLatency.readLog(dir.resolve("tick-to-publish-warmup.hlog")).getTotalCount());
        assertFalse(Files.exists(dir.resolve("tick-to-publish-warmup.hgrm")), "its percentiles are in the summary");
    }

    @Test
    void shouldFoldAWarmUpLogBackIntoTheHopsFilesAndDropIt() throws IOException
    {
        final HopLatency hop = HopLatency.of(Hop.END_TO_END, true);
        hop.record(0, 10, 3, true);
        hop.record(0, 2_000, 5, false);
        final long startTimeMs = System.currentTimeMillis() - 60_000;
        hop.writeFiles(dir, startTimeMs);

        final Histogram all = HopLatency.foldWarmUpLog(dir, Hop.END_TO_END);

        assertEquals(8, all.getTotalCount());
        assertEquals(8, HopLatency.readLog(dir.resolve("end-to-end.hlog")).getTotalCount());
        assertEquals(startTimeMs, HopLatency.readLog(dir.resolve("end-to-end.hlog")).getStartTimeStamp());
        assertFalse(Files.exists(dir.resolve("end-to-end-warmup.hlog")));
        final String distribution = Files.readString(dir.resolve("end-to-end.hgrm"));
        assertTrue(distribution.matches("(?s).*Total count\\s+=\\s+8\\].*"), distribution);
    }

    @Test
    void shouldLeaveOutTheWarmUpWhenTheCallerReadTheClock()
    {
        final HopLatency hop = HopLatency.of(Hop.RING_TO_SEND, true, 3);
        hop.recordEvent(1, 0, 1_000_000);
        hop.recordEvent(3, 0, 1_000_000); // the warm-up's last event
        hop.recordEvent(4, 0, 2_000);
        hop.recordEvent(9, 0, 2_000); // sequences may skip: a rejected event never reaches this hop

        final Histogram total = hop.total();

        assertEquals(2, total.getTotalCount());
        assertEquals(2_000, total.getMaxValue(), 2);
        assertEquals(2, hop.warmUpTotal().getTotalCount());
        assertEquals(1_000_000, hop.warmUpTotal().getMinValue(), 1_000);
    }

    @Test
    void shouldTimeEveryEventWithoutAWarmUp()
    {
        final HopLatency hop = HopLatency.of(Hop.END_TO_END, true);
        hop.recordEvent(1, 0, 10);
        hop.recordEvent(2, 0, 20);

        assertEquals(2, hop.total().getTotalCount());
        assertFalse(Files.exists(dir.resolve(Hop.END_TO_END.warmUpLogFile())));
        hop.writeFiles(dir, 0);
        assertFalse(Files.exists(dir.resolve(Hop.END_TO_END.warmUpLogFile())), "no warm-up, no warm-up log");
    }

    @Test
    void shouldRefuseANegativeWarmUp()
    {
        assertThrows(IllegalArgumentException.class, () -> HopLatency.of(Hop.END_TO_END, true, -1));
    }

    @Test
    void shouldClampANegativeLatencyToZero()
    {
        final HopLatency hop = HopLatency.of(Hop.BROKER_DWELL, true);
        hop.record(10_000, 9_000, 1);

        assertEquals(0, hop.total().getMaxValue());
    }

    @Test
    void shouldRecordNothingAndWriteNothingWhenOff()
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, false, 10);
        hop.recordEvent(11, 0);
        hop.recordEvent(Long.MAX_VALUE, 0, 5);
        hop.record(0, 5, 2);
        hop.record(0, 5, 2, true);

        assertFalse(hop.isEnabled());
        assertEquals(Map.of(), hop.percentiles());
        hop.writeFiles(dir, 0);
        assertFalse(Files.exists(dir.resolve(Hop.TICK_TO_PUBLISH.logFile())));
        assertFalse(Files.exists(dir.resolve(Hop.TICK_TO_PUBLISH.distributionFile())));
    }

    @Test
    void shouldRecordWithoutAllocating()
    {
        final HopLatency hop = HopLatency.of(Hop.RING_TO_SEND, true, 50_000);

        assertEquals(0, Allocations.fewestBytes(() ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                hop.recordEvent(i, System.nanoTime() - i);
                hop.recordEvent(i, i, 2L * i);
                hop.record(i, 2L * i, 2);
                hop.record(i, 2L * i, 2, true);
            }
        }, 5));
    }

    @Test
    void shouldWriteAnUntaggedLogThatHdrHistogramReadsBackAndADistribution() throws IOException
    {
        final HopLatency hop = HopLatency.of(Hop.TICK_TO_PUBLISH, true);
        for (int i = 1; i <= 250; i++)
        {
            hop.recordEvent(i, System.nanoTime());
        }

        hop.writeFiles(dir, System.currentTimeMillis());

        final Path log = dir.resolve("tick-to-publish.hlog");
        try (HistogramLogReader reader = new HistogramLogReader(log.toFile()))
        {
            final Histogram read = (Histogram)reader.nextIntervalHistogram();
            assertEquals(250, read.getTotalCount());
            assertNull(read.getTag());
            assertNull(reader.nextIntervalHistogram());
        }
        assertEquals(250, HopLatency.readLog(log).getTotalCount());
        final String distribution = Files.readString(dir.resolve("tick-to-publish.hgrm"));
        assertTrue(distribution.matches("(?s).*Total count\\s+=\\s+250\\].*"), distribution);
    }
}
