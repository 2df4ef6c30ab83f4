package dev.quietloop.protocol.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.protocol.testing.Allocations;
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
        final HopLatency hop = HopLatency.of("tickToPublish", true);
        for (int i = 0; i < 1_000; i++)
        {
            hop.record(System.nanoTime());
        }

        final Map<String, Long> percentiles = hop.percentiles();

        assertEquals(1_000, percentiles.get("latencyNs.tickToPublish.count"));
        assertEquals(6, percentiles.size());
        assertTrue(percentiles.get("latencyNs.tickToPublish.max") >= percentiles.get("latencyNs.tickToPublish.p50"));
    }

    @Test
    void shouldRecordNothingAndWriteNothingWhenOff()
    {
        final HopLatency hop = HopLatency.of("tickToPublish", false);
        hop.record(0);

        assertFalse(hop.isEnabled());
        assertEquals(Map.of(), hop.percentiles());
        hop.writeLog(dir.resolve("off.hlog"), 0);
        assertFalse(Files.exists(dir.resolve("off.hlog")));
    }

    @Test
    void shouldRecordWithoutAllocating()
    {
        final HopLatency hop = HopLatency.of("ringToSend", true);

        assertEquals(0, Allocations.fewestBytes(() ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                hop.record(System.nanoTime() - i);
            }
        }, 5));
    }

    @Test
    void shouldWriteALogThatHdrHistogramReadsBackTaggedWithTheHop() throws FileNotFoundException
    {
        final HopLatency hop = HopLatency.of("tickToPublish", true);
        for (int i = 0; i < 250; i++)
        {
            hop.record(System.nanoTime());
        }
        final Path file = dir.resolve("tick-to-publish.hlog");

        hop.writeLog(file, System.currentTimeMillis());

        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        final Histogram read = (Histogram)reader.nextIntervalHistogram();
        assertEquals(250, read.getTotalCount());
        assertEquals("tickToPublish", read.getTag());
    }
}
