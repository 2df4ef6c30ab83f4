package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPlotsTest
{
    @TempDir
    Path runDir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldPlotTheHopsFoundInTheFolderInPipelineOrderAndTheTimeline() throws IOException
    {
        hopFile(Hop.END_TO_END, 30);
        hopFile(Hop.TICK_TO_PUBLISH, 10);
        hopFile(Hop.BROKER_DWELL, 20);
        Files.write(runDir.resolve(Timeline.FILE), List.of(Timeline.HEADER,
            "1.000,100,100.0,4,250.0", "2.000,0,0.0,0,0.0", "3.000,50,50.0,2,125.5"), StandardCharsets.UTF_8);

        ReportPlots.write(runDir, err);

        final List<Map.Entry<String, Histogram>> hops = ReportPlots.hops(runDir);
        assertEquals(List.of("tickToPublish", "brokerDwell", "endToEnd"), hops.stream().map(Map.Entry::getKey).toList());
        assertEquals(20, hops.get(1).getValue().getTotalCount());
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.TIMELINE_PNG));
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldStillDrawBothWhenTheFolderHoldsNoHopAndNoTimeline() throws IOException
    {
        ReportPlots.write(runDir, err);

        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.TIMELINE_PNG));
    }

    @Test
    void shouldNameTheFileInOneLineWhenATimelineIsBadAndGoOn() throws IOException
    {
        hopFile(Hop.TICK_TO_PUBLISH, 5);
        Files.write(runDir.resolve(Timeline.FILE), List.of(Timeline.HEADER, "1.0,x"), StandardCharsets.UTF_8);

        ReportPlots.write(runDir, err);

        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        final String printed = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("broker: cannot draw " + runDir.resolve(ReportPlots.TIMELINE_PNG)), printed);
        assertEquals(1, printed.lines().count(), printed);
    }

    private void hopFile(final Hop hop, final int samples)
    {
        final HopLatency latency = HopLatency.of(hop, true);
        for (int i = 1; i <= samples; i++)
        {
            latency.record(0, i * 1_000L, 1);
        }
        latency.writeFiles(runDir, System.currentTimeMillis());
    }
}
