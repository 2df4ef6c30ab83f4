package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class TimelinePlotTest
{
    private static final double[] SECONDS = {1, 2, 3, 4, 5};
    private static final double[] EVENTS = {40_000, 52_000, 51_500, 12_000, 50_000};
    private static final double[] SEND_P99_US = {35.2, 41.0, 1_250.0, 38.7, 36.1};

    @TempDir
    Path dir;

    @BeforeAll
    static void headless()
    {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void shouldWritePngOfPlotSizeAtExactlyTheGivenPath() throws Exception
    {
        final Path png = dir.resolve("timeline");
        PlotPng.write(TimelinePlot.chart("run 1: per second", SECONDS, EVENTS, SEND_P99_US), png);

        PngFiles.assertPlotPng(png);
        assertFalse(Files.exists(dir.resolve("timeline.png")), "no suffix added");
    }

    @Test
    void shouldPutEventsOnTheLeftAxisAndSendP99OnTheRight()
    {
        final XYChart chart = TimelinePlot.chart("run 1", SECONDS, EVENTS, SEND_P99_US);

        assertEquals(0, chart.getSeriesMap().get(TimelinePlot.EVENTS_SERIES).getYAxisGroup());
        assertEquals(1, chart.getSeriesMap().get(TimelinePlot.SEND_P99_SERIES).getYAxisGroup());
        assertEquals("events/s", chart.getYAxisGroupTitle(0));
        assertEquals("send p99 (µs)", chart.getYAxisGroupTitle(1));
        assertEquals("seconds since start", chart.getXAxisTitle());
    }

    @Test
    void shouldRejectColumnsOfDifferentLengthsNamingEachLength()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class,
            () -> TimelinePlot.chart("run 1", SECONDS, new double[] {1, 2}, SEND_P99_US));

        assertEquals(
            "timeline columns differ in length: secondsSinceStart 5, eventsPerSecond 2, sendP99Us 5", ex.getMessage());
        assertThrows(
            IllegalArgumentException.class,
            () -> TimelinePlot.rows(SECONDS, EVENTS, new double[] {1, 2, 3, 4, 5, 6}));
    }

    @Test
    void shouldWriteChartSayingNoIntervalsWhenThereAreNone() throws Exception
    {
        final Path png = dir.resolve("empty.png");
        PlotPng.write(TimelinePlot.chart("run 1", new double[0], new double[0], new double[0]), png);

        PngFiles.assertPlotPng(png);
        final XYChart chart = TimelinePlot.chart("run 1", new double[0], new double[0], new double[0]);
        assertEquals("run 1 (no intervals)", chart.getTitle());
        assertTrue(chart.getSeriesMap().isEmpty());
    }

    @Test
    void shouldWriteSecondWithoutSendsGivenAsNaN() throws Exception
    {
        final Path png = dir.resolve("gap.png");
        PlotPng.write(TimelinePlot.chart("run 1", SECONDS, EVENTS, new double[] {35.2, Double.NaN, 1_250.0, 38.7, 36.1}),
            png);

        PngFiles.assertPlotPng(png);
    }
}
