package dev.quietloop.protocol.process;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.LiveLatency;
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
        {Accounting.BOT_RING_DEPTH, Accounting.BOT_EVENTS_PRODUCED, Accounting.BOT_RING_REJECTED, Accounting.BOT_EVENTS_SENT},
        {Accounting.BROKER_RING_DEPTH, Accounting.BROKER_FRAMES_RECEIVED, Accounting.BROKER_FRAMES_FORWARDED},
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

    /** Prints this process's block: a title line, then one line a counter, then the depths. */
    void print(final PrintStream out, final boolean running, final long nowNs, final long nowMs)
    {
        final long upMs = Math.max(0, nowMs - file.startTimeMs());
        out.printf(Locale.ROOT, "%s  pid %d  %s  (%s)%n", file.role(), file.pid(),
            running ? String.format(Locale.ROOT, "up %.1f s", upMs / 1000.0) : "NOT RUNNING: did not exit cleanly",
            file.path().getFileName());
        final Map<String, Integer> ids = new LinkedHashMap<>();
        reader.forEach((final int id, final String label) -> ids.put(label, id));
        // A process makes its counters upstream first (produced before sent); reading them the other
        // way round, no later stage shows more than an earlier one, and a depth is never negative.
        final int[] order = ids.values().stream().mapToInt(Integer::intValue).toArray();
        final long[] values = new long[previous.length];
        for (int i = order.length - 1; i >= 0; i--)
        {
            values[order[i]] = reader.getCounterValue(order[i]);
        }
        final long elapsedNs = printedBefore ? nowNs - previousNs : upMs * 1_000_000L;
        // A live latency figure is the last interval's, not a count: it has no rate.
        ids.forEach((label, id) -> out.printf(Locale.ROOT, LINE, label, values[id],
            running && !label.startsWith(LiveLatency.PREFIX) ? rate(values[id] - previous[id], elapsedNs) : ""));
        for (final String[] depth : DEPTHS)
        {
            printDepth(out, depth, ids, values);
        }
        System.arraycopy(values, 0, previous, 0, values.length);
        previousNs = nowNs;
        printedBefore = true;
    }

    private static void printDepth(
        final PrintStream out, final String[] depth, final Map<String, Integer> ids, final long[] values)
    {
        long value = 0;
        for (int i = 1; i < depth.length; i++)
        {
            final Integer id = ids.get(depth[i]);
            if (null == id)
            {
                return;
            }
            value += i == 1 ? values[id] : -values[id];
        }
        final String formula = String.join(" - ", Arrays.copyOfRange(depth, 1, depth.length));
        out.printf(Locale.ROOT, DEPTH_LINE, depth[0], Math.max(0, value), "", formula);
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
