package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.testing.PrintCapture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ReportPlotsTest
{
    private static final List<Timeline.Row> ROWS = List.of(
        new Timeline.Row(1.0, 100, 100.0, 4, 250_000),
        new Timeline.Row(2.0, 0, 0.0, 0, 0),
        new Timeline.Row(3.0, 50, 50.0, 2, 125_500));

    @TempDir
    Path runDir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldPlotTheHopsFoundInTheFolderInPipelineOrderAndTheTimeline() throws IOException
    {
        hopFile(Hop.END_TO_END, 30);
        hopFile(Hop.TICK_TO_PUBLISH, 10);
        hopFile(Hop.BROKER_DWELL, 20);
        ReportPlots.write(runDir, ROWS, err.stream);

        final List<Map.Entry<String, Histogram>> hops = ReportPlots.hops(runDir);
        assertEquals(List.of("tickToPublish", "brokerDwell", "endToEnd"), hops.stream().map(Map.Entry::getKey).toList());
        assertEquals(20, hops.get(1).getValue().getTotalCount());
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.TIMELINE_PNG));
        assertEquals("", err.text());
    }

    @Test
    void shouldStillDrawBothWhenTheFolderHoldsNoHopAndTheTimelineNoRow() throws IOException
    {
        ReportPlots.write(runDir, List.of(), err.stream);

        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.TIMELINE_PNG));
    }

    @Test
    void shouldDrawTheTimelineFromItsRowsNotFromTheCsvInTheFolder() throws IOException
    {
        Files.write(runDir.resolve(Timeline.FILE), List.of(Timeline.HEADER, "1.0,x"), StandardCharsets.UTF_8);

        ReportPlots.write(runDir, ROWS, err.stream);

        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.TIMELINE_PNG));
        assertEquals("", err.text());
    }

    @Test
    void shouldPlotEventsPerSecondAndTheP99InMicrosecondsWithAGapWhereNothingWasSent()
    {
        final XYChart chart = ReportPlots.timelineChart("run 1", ROWS);

        final XYSeries events = chart.getSeriesMap().get(TimelinePlot.EVENTS_SERIES);
        final XYSeries sendP99 = chart.getSeriesMap().get(TimelinePlot.SEND_P99_SERIES);
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, events.getXData());
        assertArrayEquals(new double[] {100.0, 0.0, 50.0}, events.getYData());
        assertArrayEquals(new double[] {250.0, Double.NaN, 125.5}, sendP99.getYData());
    }

    @Test
    void shouldNameTheFileInOneLineWhenATimelineCannotBeDrawnAndGoOn() throws IOException
    {
        hopFile(Hop.TICK_TO_PUBLISH, 5);
        Files.createDirectory(runDir.resolve(ReportPlots.TIMELINE_PNG));

        ReportPlots.write(runDir, ROWS, err.stream);

        PngFiles.assertPlotPng(runDir.resolve(ReportPlots.LATENCY_PNG));
        final String printed = err.text();
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
