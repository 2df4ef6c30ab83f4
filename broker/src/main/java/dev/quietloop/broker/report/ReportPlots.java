package dev.quietloop.broker.report;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;
import org.knowm.xchart.XYChart;

/**
 * Draws a report folder's plots once the processes have written their files: {@code latency.png}
 * from every hop's {@code .hlog} (the bot and the sidecar write theirs from other processes), and
 * {@code timeline.png} from the broker's own timeline rows, which are still in memory, so the plot
 * never depends on how {@code timeline.csv} lays out its columns. A plot that cannot be drawn
 * costs its one line on stderr, never the run.
 */
public final class ReportPlots
{
    public static final String LATENCY_PNG = "latency.png";
    public static final String TIMELINE_PNG = "timeline.png";

    private ReportPlots()
    {
    }

    /** Writes both plots into {@code runDir}; {@code timeline} is the run's intervals, oldest first. */
    public static void write(final Path runDir, final List<Timeline.Row> timeline, final PrintStream err)
    {
        final String runId = runDir.getFileName().toString();
        try
        {
            LatencyPlot.write(runDir.resolve(LATENCY_PNG), "latency per hop, run " + runId, hops(runDir));
        }
        catch (final RuntimeException ex)
        {
            err.println("broker: cannot draw " + runDir.resolve(LATENCY_PNG) + ": " + ex);
        }
        try
        {
            PlotPng.write(timelineChart("events/s and external-send p99, run " + runId, timeline),
                runDir.resolve(TIMELINE_PNG));
        }
        catch (final RuntimeException ex)
        {
            err.println("broker: cannot draw " + runDir.resolve(TIMELINE_PNG) + ": " + ex);
        }
    }

    /** Every hop whose log is in the folder, in the order an event passes them. */
    static List<Map.Entry<String, Histogram>> hops(final Path runDir)
    {
        final List<Map.Entry<String, Histogram>> hops = new ArrayList<>();
        for (final Hop hop : Hop.values())
        {
            final Path log = runDir.resolve(hop.logFile());
            if (Files.isRegularFile(log))
            {
                hops.add(new AbstractMap.SimpleImmutableEntry<>(hop.key(), HopLatency.readLog(log)));
            }
        }
        return hops;
    }

    /** The timeline chart of {@code rows}, the p99 in microseconds. */
    static XYChart timelineChart(final String title, final List<Timeline.Row> rows)
    {
        final int size = rows.size();
        final double[] seconds = new double[size];
        final double[] eventsPerSecond = new double[size];
        final double[] sendP99Us = new double[size];
        for (int i = 0; i < size; i++)
        {
            final Timeline.Row row = rows.get(i);
            seconds[i] = row.secondsSinceStart();
            eventsPerSecond[i] = row.eventsPerSecond();
            // An interval without a send has no p99: a gap in the line, not a zero.
            sendP99Us[i] = 0 == row.sends() ? Double.NaN : row.sendP99Ns() / 1000.0;
        }
        return TimelinePlot.chart(title, seconds, eventsPerSecond, sendP99Us);
    }
}
