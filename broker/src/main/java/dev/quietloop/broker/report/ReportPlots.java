package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;

/**
 * Draws a report folder's plots from its files alone, once the processes have written them:
 * {@code latency.png} from every hop's {@code .hlog}, {@code timeline.png} from
 * {@code timeline.csv}. A plot that cannot be drawn costs its one line on stderr, never the run.
 */
public final class ReportPlots
{
    public static final String LATENCY_PNG = "latency.png";
    public static final String TIMELINE_PNG = "timeline.png";

    private ReportPlots()
    {
    }

    /** Writes both plots into {@code runDir}. */
    public static void write(final Path runDir, final PrintStream err)
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
            writeTimeline(runDir, runId);
        }
        catch (final IOException | RuntimeException ex)
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

    private static void writeTimeline(final Path runDir, final String runId) throws IOException
    {
        final Path csv = runDir.resolve(Timeline.FILE);
        final List<String> lines = Files.isRegularFile(csv) ?
            Files.readAllLines(csv, StandardCharsets.UTF_8) : List.of(Timeline.HEADER);
        final int rows = Math.max(0, lines.size() - 1);
        final double[] seconds = new double[rows];
        final double[] eventsPerSecond = new double[rows];
        final double[] sendP99Us = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            final String[] fields = lines.get(i + 1).split(",");
            seconds[i] = Double.parseDouble(fields[0]);
            eventsPerSecond[i] = Double.parseDouble(fields[2]);
            // An interval without a send has no p99: a gap in the line, not a zero.
            sendP99Us[i] = Long.parseLong(fields[3]) == 0 ? Double.NaN : Double.parseDouble(fields[4]);
        }
        TimelinePlot.write(runDir.resolve(TIMELINE_PNG), "events/s and external-send p99, run " + runId,
            seconds, eventsPerSecond, sendP99Us);
    }
}
