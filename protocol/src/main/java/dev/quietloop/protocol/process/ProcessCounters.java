package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

/**
 * One process's counters as the stat tool sees them: a read-only view of its {@link CountersFile}
 * that prints a block of {@code name value rate/s} lines, each rate since the previous print
 * (the first print: the average since the process started), and the ring depths derived from
 * them, so no hot thread has to write a depth.
 */
final class ProcessCounters
{
    /** Each depth is its first counter minus the others: what went in and has not come out yet. */
    private static final String[][] DEPTHS =
    {
        {"bot.ringDepth", "bot.eventsProduced", "bot.ringRejected", "bot.eventsSent"},
        {"broker.ringDepth", "broker.framesReceived", "broker.framesForwarded"},
    };
    private static final String LINE = "  %-32s %14d %12s%n";
    private static final String DEPTH_LINE = "  %-32s %14d %12s  = %s%n";

    private final CountersFile file;
    private final CountersReader reader;
    private final long[] previous;
    private long previousNs;
    private boolean printedBefore;

    ProcessCounters(final CountersFile file)
    {
        this.file = file;
        this.reader = file.reader();
        this.previous = new long[reader.maxCounterId() + 1];
    }

    CountersFile file()
    {
        return file;
    }

    /** Prints this process's block: a title line, then one line a counter. */
    void print(final PrintStream out, final boolean running, final long nowNs, final long nowMs)
    {
        final long upMs = Math.max(0, nowMs - file.startTimeMs());
        out.printf(Locale.ROOT, "%s  pid %d  %s  (%s)%n", file.role(), file.pid(),
            running ? String.format(Locale.ROOT, "up %.1f s", upMs / 1000.0) : "NOT RUNNING: did not exit cleanly",
            file.path().getFileName());
        final long elapsedNs = printedBefore ? nowNs - previousNs : upMs * 1_000_000L;
        final Map<String, Integer> ids = new LinkedHashMap<>();
        reader.forEach((final long value, final int id, final String label) ->
        {
            ids.put(label, id);
            out.printf(Locale.ROOT, LINE, label, value, running ? rate(value - previous[id], elapsedNs) : "");
            previous[id] = value;
        });
        for (final String[] depth : DEPTHS)
        {
            printDepth(out, depth, ids);
        }
        previousNs = nowNs;
        printedBefore = true;
    }

    private void printDepth(final PrintStream out, final String[] depth, final Map<String, Integer> ids)
    {
        final int[] terms = new int[depth.length - 1];
        for (int i = 0; i < terms.length; i++)
        {
            final Integer id = ids.get(depth[i + 1]);
            if (null == id)
            {
                return;
            }
            terms[i] = id;
        }
        // Downstream first: each counter read is then at least the sum of those after it read before.
        long subtrahend = 0;
        for (int i = terms.length - 1; i >= 1; i--)
        {
            subtrahend += reader.getCounterValue(terms[i]);
        }
        final long value = Math.max(0, reader.getCounterValue(terms[0]) - subtrahend);
        final String formula = String.join(" - ", Arrays.copyOfRange(depth, 1, depth.length));
        out.printf(Locale.ROOT, DEPTH_LINE, depth[0], value, "", formula);
    }

    private static String rate(final long delta, final long elapsedNs)
    {
        if (elapsedNs <= 0)
        {
            return "-";
        }
        return Math.round(delta * 1e9 / elapsedNs) + "/s";
    }
}
