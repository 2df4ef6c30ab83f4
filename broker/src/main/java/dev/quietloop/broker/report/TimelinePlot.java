package dev.quietloop.broker.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the run second by second in one PNG: events per second on the left axis and the external
 * send's p99 on the right, so a slow second can be told apart from a busy one. Drawn once at the
 * end of a run, never on a hot path.
 */
public final class TimelinePlot
{
    static final String EVENTS_SERIES = "events/s";
    static final String SEND_P99_SERIES = "send p99 (µs)";
    static final String NO_INTERVALS = "no intervals";

    private static final int EVENTS_AXIS = 0;
    private static final int SEND_P99_AXIS = 1;
    /**
     * The x-axis ends this far past the last interval. Were it to end on the grid of whole seconds,
     * XChart 3.8.8 would tick every n-th data point (1, 181, 361, ...) instead of round numbers.
     */
    private static final double X_PAD_S = 0.5;

    private TimelinePlot()
    {
    }

    /**
     * The timeline chart, one point per interval, which {@link PlotPng#write} turns into a file;
     * with no intervals the chart still says so. Both value axes start at zero, so a second at half
     * the rate looks half as high.
     *
     * @param secondsSinceStart each interval's end, ascending.
     * @param sendP99Us         NaN for an interval without sends, which leaves a gap in the line.
     * @throws IllegalArgumentException when the arrays differ in length.
     */
    static XYChart chart(
        final String title, final double[] secondsSinceStart, final double[] eventsPerSecond, final double[] sendP99Us)
    {
        final int rows = rows(secondsSinceStart, eventsPerSecond, sendP99Us);
        PlotPng.headless();
        final XYChart chart = new XYChartBuilder()
            .width(PlotPng.WIDTH)
            .height(PlotPng.HEIGHT)
            .title(title)
            .xAxisTitle("seconds since start")
            .build();
        chart.setYAxisGroupTitle(EVENTS_AXIS, EVENTS_SERIES);
        chart.setYAxisGroupTitle(SEND_P99_AXIS, SEND_P99_SERIES);
        final XYStyler styler = chart.getStyler();
        styler.setYAxisGroupPosition(SEND_P99_AXIS, YAxisPosition.Right);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        if (0 == rows)
        {
            PlotPng.nothingToDraw(chart, NO_INTERVALS);
        }
        else
        {
            styler.setXAxisMin(Math.min(0.0, secondsSinceStart[0]));
            styler.setXAxisMax(secondsSinceStart[rows - 1] + X_PAD_S);
            styler.setYAxisMin(EVENTS_AXIS, 0.0);
            styler.setYAxisMin(SEND_P99_AXIS, 0.0);
            final XYSeries events = chart.addSeries(EVENTS_SERIES, secondsSinceStart, eventsPerSecond);
            events.setYAxisGroup(EVENTS_AXIS);
            events.setMarker(SeriesMarkers.NONE);
            final XYSeries sendP99 = chart.addSeries(SEND_P99_SERIES, secondsSinceStart, sendP99Us);
            sendP99.setYAxisGroup(SEND_P99_AXIS);
            sendP99.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** The common length of the three columns; checked before any drawing starts. */
    static int rows(final double[] secondsSinceStart, final double[] eventsPerSecond, final double[] sendP99Us)
    {
        final int rows = secondsSinceStart.length;
        if (eventsPerSecond.length != rows || sendP99Us.length != rows)
        {
            throw new IllegalArgumentException(
                "timeline columns differ in length: secondsSinceStart " + rows +
                ", eventsPerSecond " + eventsPerSecond.length +
                ", sendP99Us " + sendP99Us.length);
        }
        return rows;
    }
}
