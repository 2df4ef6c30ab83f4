package dev.quietloop.broker.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the latency hops of one run as percentile curves in one PNG, the picture HdrHistogram's
 * plotter makes of {@code .hgrm} files: x is the percentile as "nines", 1/(1-p) on a log scale, so
 * the tail gets as much room as the median. Drawn once at the end of a run, never on a hot path.
 */
public final class LatencyPlot
{
    /** HdrHistogram's own choice for its percentile output: five points per halving of 100% - p. */
    static final int TICKS_PER_HALF_DISTANCE = 5;
    static final String NO_SAMPLES = "no samples";

    private static final double NS_PER_US = 1000.0;
    /** A log axis cannot show zero: a 0 ns value is drawn at 1 ns. */
    private static final double FLOOR_US = 0.001;
    private static final double DECADE = 10.0;
    /** 1/(1-p) of 99.9% comes out as 1000.0000000005686; such noise must not add a decade. */
    private static final double NOISE = 1e-9;

    private LatencyPlot()
    {
    }

    /**
     * Writes the plot. A hop without samples is left out; when every hop is empty the chart still
     * gets written, saying there were no samples.
     *
     * @param png  the file, written as named.
     * @param hops distinct hop names, each with its histogram of nanoseconds, in legend order.
     */
    public static void write(final Path png, final String title, final List<Map.Entry<String, Histogram>> hops)
    {
        PlotPng.write(chart(title, hops), png);
    }

    /** The chart that {@link #write} draws. */
    static XYChart chart(final String title, final List<Map.Entry<String, Histogram>> hops)
    {
        PlotPng.headless();
        final XYChart chart = new XYChartBuilder()
            .width(PlotPng.WIDTH)
            .height(PlotPng.HEIGHT)
            .title(title)
            .xAxisTitle("percentile")
            .yAxisTitle("latency (µs)")
            .build();
        chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
        double maxNines = 1.0;
        double minUs = Double.MAX_VALUE;
        double maxUs = 0.0;
        for (final Map.Entry<String, Histogram> hop : hops)
        {
            final Histogram histogram = hop.getValue();
            if (0 == histogram.getTotalCount())
            {
                continue;
            }
            final Curve curve = curve(histogram, TICKS_PER_HALF_DISTANCE);
            final int last = curve.nines().length - 1;
            chart.addSeries(legend(hop.getKey(), histogram), curve.nines(), curve.micros())
                .setMarker(SeriesMarkers.NONE);
            maxNines = Math.max(maxNines, curve.nines()[last]);
            minUs = Math.min(minUs, curve.micros()[0]);
            maxUs = Math.max(maxUs, curve.micros()[last]);
        }
        if (chart.getSeriesMap().isEmpty())
        {
            PlotPng.nothingToDraw(chart, NO_SAMPLES);
        }
        else
        {
            percentileAxis(chart, axisMaxNines(maxNines));
            latencyAxis(chart.getStyler(), minUs, maxUs);
        }
        return chart;
    }

    /** One hop's points: x as nines, 1/(1-p), and y in microseconds, both non-decreasing. */
    record Curve(double[] nines, double[] micros)
    {
    }

    /**
     * The hop's points as HdrHistogram iterates its percentiles. The last step, at 100%, is left
     * out: its 1/(1-p) is infinite, and the step before it already sits at the histogram's max.
     */
    static Curve curve(final Histogram histogram, final int ticksPerHalfDistance)
    {
        double[] nines = new double[64];
        double[] micros = new double[64];
        int points = 0;
        for (final HistogramIterationValue value : histogram.percentiles(ticksPerHalfDistance))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            if (percentile >= 100.0)
            {
                continue;
            }
            if (points == nines.length)
            {
                nines = Arrays.copyOf(nines, 2 * points);
                micros = Arrays.copyOf(micros, 2 * points);
            }
            nines[points] = nines(percentile);
            micros[points] = Math.max(FLOOR_US, value.getValueIteratedTo() / NS_PER_US);
            points++;
        }
        return new Curve(Arrays.copyOf(nines, points), Arrays.copyOf(micros, points));
    }

    /** A percentile (0 to 100, less than 100) as its place on the x-axis: 50 is 2, 99.9 is 1000. */
    static double nines(final double percentile)
    {
        return 100.0 / (100.0 - percentile);
    }

    /** The x-axis ends at the first whole nine at or past the data, and never before 90%. */
    static double axisMaxNines(final double maxNines)
    {
        double axisMax = DECADE;
        while (axisMax < maxNines * (1.0 - NOISE))
        {
            axisMax *= DECADE;
        }
        return axisMax;
    }

    /** Where the x-axis is labelled, and with what: 0% at 1, 50% at 2, then 90%, 99%, ... to the end. */
    static Map<Double, String> tickLabels(final double axisMaxNines)
    {
        final Map<Double, String> labels = new LinkedHashMap<>();
        labels.put(1.0, "0%");
        labels.put(2.0, "50%");
        int nines = 1;
        for (double x = DECADE; x <= axisMaxNines * (1.0 + NOISE); x *= DECADE)
        {
            labels.put(x, percent(nines) + "%");
            nines++;
        }
        return labels;
    }

    /** "tickToPublish (p99.9 12.3 µs, max 45.0 µs)": the figures the summary table shows. */
    static String legend(final String hop, final Histogram histogram)
    {
        return hop + " (p99.9 " + LatencyKeys.micros(histogram.getValueAtPercentile(99.9)) +
            " µs, max " + LatencyKeys.micros(histogram.getMaxValue()) + " µs)";
    }

    /**
     * Log when the values span a decade or more, as a tail of milliseconds over a median of
     * microseconds does: on a linear axis everything below the tail would lie flat on the floor.
     * Within one decade a log axis shows nothing more, and XChart 3.8.8 labels a log axis only at
     * decades, so it could show no label at all.
     */
    static boolean logLatencyAxis(final double minUs, final double maxUs)
    {
        return maxUs >= DECADE * minUs;
    }

    /** 100 - 10^(2 - nines) worked in decimal, so "99.9" and never "99.90000000000001". */
    private static String percent(final int nines)
    {
        return BigDecimal.valueOf(100).subtract(BigDecimal.ONE.scaleByPowerOfTen(2 - nines)).toPlainString();
    }

    /**
     * XChart 3.8.8 labels a log axis only at decades ("1E4"), and giving it a label formatter
     * swaps in evenly spaced linear ticks that no longer sit on the log-scaled data. So the axis
     * keeps XChart's log ticks and grid (a line at every 1/(1-p) that is a decade or a multiple of
     * one, 2 being 50%), its own labels turn transparent but still hold their room, and
     * {@link PercentileLabels} writes the percentiles in that room.
     */
    private static void percentileAxis(final XYChart chart, final double axisMaxNines)
    {
        final XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setXAxisMin(1.0);
        styler.setXAxisMax(axisMaxNines);
        final Color labelColor = styler.getAxisTickLabelsColor();
        styler.setXAxisTickLabelsColor(new Color(0, 0, 0, 0));
        chart.addAnnotation(new PercentileLabels(
            tickLabels(axisMaxNines),
            styler.getAxisTickLabelsFont(),
            labelColor,
            styler.getAxisTickMarkLength() + styler.getAxisTickPadding()));
    }

    /** Log axes start and end on whole decades, so each has a labelled tick at both ends. */
    private static void latencyAxis(final XYStyler styler, final double minUs, final double maxUs)
    {
        styler.setYAxisDecimalPattern("#,##0.###");
        if (logLatencyAxis(minUs, maxUs))
        {
            styler.setYAxisLogarithmic(true);
            styler.setYAxisMin(Math.pow(DECADE, Math.floor(Math.log10(minUs))));
            styler.setYAxisMax(Math.pow(DECADE, Math.ceil(Math.log10(maxUs))));
        }
        else
        {
            styler.setYAxisMin(0.0);
        }
    }

    /** The x-axis labels, drawn under the plot where XChart's transparent ones stand. */
    private static final class PercentileLabels extends Annotation
    {
        private final Map<Double, String> labels;
        private final Font font;
        private final Color color;
        private final int gapPx;

        PercentileLabels(final Map<Double, String> labels, final Font font, final Color color, final int gapPx)
        {
            super(false);
            this.labels = labels;
            this.font = font;
            this.color = color;
            this.gapPx = gapPx;
        }

        @Override
        public void paint(final Graphics2D g)
        {
            if (!isVisible)
            {
                return;
            }
            g.setFont(font);
            g.setColor(color);
            final int leftPx = getXAxisScreenValueForMin() - 1;
            final int rightPx = getXAxisScreenValueForMax() + 1;
            final int topPx = getYAxisScreenValueForMax() + gapPx;
            for (final Map.Entry<Double, String> label : labels.entrySet())
            {
                final int xPx = getXAxisScreenValue(label.getKey());
                if (xPx < leftPx || xPx > rightPx)
                {
                    continue;
                }
                final TextLayout layout = new TextLayout(label.getValue(), font, g.getFontRenderContext());
                layout.draw(g, (float)(xPx - layout.getBounds().getCenterX()), topPx + layout.getAscent());
            }
        }
    }
}
