package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LatencyPlotTest
{
    private static final double EXACT = 1e-9;

    @TempDir
    Path dir;

    @BeforeAll
    static void headless()
    {
        System.setProperty("java.awt.headless", "true");
    }

    /** 999 samples at 12.3 µs and one at 45 µs: p99.9 12.3 µs, max 45.0 µs. */
    static Histogram tickToPublish()
    {
        final Histogram histogram = new Histogram(SendLatencyLog.HIGHEST_TRACKABLE_NS, SendLatencyLog.SIGNIFICANT_DIGITS);
        histogram.recordValueWithCount(12_300, 999);
        histogram.recordValue(45_000);
        return histogram;
    }

    /** Spread from 5 µs to 5 ms, so the curves span three decades. */
    static Histogram send()
    {
        final Histogram histogram = new Histogram(SendLatencyLog.HIGHEST_TRACKABLE_NS, SendLatencyLog.SIGNIFICANT_DIGITS);
        for (long i = 1; i <= 100_000; i++)
        {
            histogram.recordValue(5_000 + (i * i) / 2_000_000);
        }
        histogram.recordValue(5_000_000);
        return histogram;
    }

    static Histogram empty()
    {
        return new Histogram(SendLatencyLog.HIGHEST_TRACKABLE_NS, SendLatencyLog.SIGNIFICANT_DIGITS);
    }

    @Test
    void shouldWritePngOfPlotSizeAtExactlyTheGivenPath() throws Exception
    {
        final Path png = dir.resolve("latency-plot");
        LatencyPlot.write(png, "run 1: latency by hop", List.of(Map.entry("tickToPublish", tickToPublish()), Map.entry("send", send())));

        PngFiles.assertPlotPng(png);
        assertFalse(Files.exists(dir.resolve("latency-plot.png")), "no suffix added");
    }

    @Test
    void shouldPlacePercentileAtOneOverOneMinusP()
    {
        assertEquals(1.0, LatencyPlot.nines(0.0), EXACT);
        assertEquals(2.0, LatencyPlot.nines(50.0), EXACT);
        assertEquals(10.0, LatencyPlot.nines(90.0), 10.0 * EXACT);
        assertEquals(100.0, LatencyPlot.nines(99.0), 100.0 * EXACT);
        assertEquals(1000.0, LatencyPlot.nines(99.9), 1000.0 * EXACT);
    }

    @Test
    void shouldTakeEveryPercentileStepUpToTheMaxButNotTheInfiniteHundredth()
    {
        final Histogram histogram = send();
        int steps = 0;
        for (final HistogramIterationValue ignored : histogram.percentiles(LatencyPlot.TICKS_PER_HALF_DISTANCE))
        {
            steps++;
        }

        final LatencyPlot.Curve curve = LatencyPlot.curve(histogram, LatencyPlot.TICKS_PER_HALF_DISTANCE);

        final double[] nines = curve.nines();
        final double[] micros = curve.micros();
        assertEquals(steps - 1, nines.length);
        assertEquals(nines.length, micros.length);
        assertEquals(1.0, nines[0], EXACT);
        assertEquals(histogram.highestEquivalentValue(histogram.getMinValue()) / 1000.0, micros[0], EXACT);
        assertEquals(histogram.getMaxValue() / 1000.0, micros[micros.length - 1], EXACT);
        for (int i = 1; i < nines.length; i++)
        {
            assertTrue(Double.isFinite(nines[i]) && nines[i] > nines[i - 1], "x rises at " + i);
            assertTrue(micros[i] >= micros[i - 1], "y never falls at " + i);
        }
    }

    @Test
    void shouldDrawZeroLatencyAtOneNanosecondSinceLogAxisCannotShowZero()
    {
        final Histogram histogram = empty();
        histogram.recordValue(0);
        histogram.recordValue(2_000);

        final LatencyPlot.Curve curve = LatencyPlot.curve(histogram, LatencyPlot.TICKS_PER_HALF_DISTANCE);

        assertEquals(0.001, curve.micros()[0], EXACT);
    }

    @Test
    void shouldLabelFiftyAndEveryNineUpToTheEndOfTheAxis()
    {
        assertEquals(10.0, LatencyPlot.axisMaxNines(1.0));
        assertEquals(1000.0, LatencyPlot.axisMaxNines(LatencyPlot.nines(99.9)));
        assertEquals(100_000.0, LatencyPlot.axisMaxNines(LatencyPlot.nines(99.990234375)));

        final Map<Double, String> labels = LatencyPlot.tickLabels(100_000.0);

        assertEquals(List.of(1.0, 2.0, 10.0, 100.0, 1000.0, 10_000.0, 100_000.0), List.copyOf(labels.keySet()));
        assertEquals(List.of("0%", "50%", "90%", "99%", "99.9%", "99.99%", "99.999%"), List.copyOf(labels.values()));
    }

    @Test
    void shouldNameP999AndMaxInLegend()
    {
        assertEquals("tickToPublish (p99.9 12.3 µs, max 45.0 µs)", LatencyPlot.legend("tickToPublish", tickToPublish()));
    }

    @Test
    void shouldDrawOneSeriesPerHopWithSamples()
    {
        final XYChart chart = LatencyPlot.chart("run 1", List.of(
            Map.entry("tickToPublish", tickToPublish()), Map.entry("idle", empty()), Map.entry("send", send())));

        assertEquals(
            List.of(LatencyPlot.legend("tickToPublish", tickToPublish()), LatencyPlot.legend("send", send())),
            List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("run 1", chart.getTitle());
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertTrue(chart.getStyler().isYAxisLogarithmic(), "5 µs to 5 ms on a log axis");
    }

    @Test
    void shouldUseLogLatencyAxisOnlyWhenValuesSpanADecade()
    {
        assertTrue(LatencyPlot.logLatencyAxis(5.0, 5_000.0));
        assertTrue(LatencyPlot.logLatencyAxis(1.0, 10.0));
        assertFalse(LatencyPlot.logLatencyAxis(12.3, 45.0));
        assertFalse(LatencyPlot.chart("run 1", List.of(Map.entry("tickToPublish", tickToPublish())))
            .getStyler().isYAxisLogarithmic());
    }

    @Test
    void shouldWriteChartSayingNoSamplesWhenEveryHopIsEmpty() throws Exception
    {
        final Path png = dir.resolve("empty.png");
        LatencyPlot.write(png, "run 1", List.of(Map.entry("tickToPublish", empty())));
        PngFiles.assertPlotPng(png);

        final Path none = dir.resolve("none.png");
        LatencyPlot.write(none, "run 1", List.of());
        PngFiles.assertPlotPng(none);

        final XYChart chart = LatencyPlot.chart("run 1", List.of(Map.entry("send", empty())));
        assertEquals("run 1 (no samples)", chart.getTitle());
        assertTrue(chart.getSeriesMap().isEmpty());
    }
}
