package dev.quietloop.broker.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;

/**
 * Finds the histograms in a summary: every {@code latencyNs.<hop>.*}, the known hops in the order
 * an event passes them and any other after them by name, so a hop that a later change records
 * becomes one more row of the latency tables without touching them. The headline
 * {@code sendLatencyNs.*} is the same histogram as {@code latencyNs.externalSend.*}; it gets a
 * row of its own, "send", only in a summary written before the hops existed.
 */
final class LatencyKeys
{
    static final String SEND_PREFIX = "sendLatencyNs";
    static final String HOP_PREFIX = "latencyNs.";
    static final String COUNT = "count";
    /** The rows of the warm-up's histograms ({@code latencyNs.warmup.<hop>}): {@code warmup.tickToPublish}. */
    static final String WARMUP_ROW_PREFIX = HopLatency.WARMUP_KEY_PREFIX.substring(HOP_PREFIX.length());
    /** The percentile suffixes in the order they are shown, and their column titles. */
    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99_9", "max");
    static final List<String> TITLES = List.of("p50", "p90", "p99", "p99.9", "max");

    private LatencyKeys()
    {
    }

    /** @return row name to key prefix, in the order of the rows. */
    static Map<String, String> histograms(final Map<String, Long> summary)
    {
        final Map<String, String> hops = new TreeMap<>(LatencyKeys::compareHops);
        boolean send = false;
        for (final String key : summary.keySet())
        {
            final int lastDot = key.lastIndexOf('.');
            if (lastDot < 0 || !isFigure(key.substring(lastDot + 1)))
            {
                continue;
            }
            final String prefix = key.substring(0, lastDot);
            if (prefix.equals(SEND_PREFIX))
            {
                send = true;
            }
            else if (prefix.startsWith(HOP_PREFIX) && prefix.length() > HOP_PREFIX.length())
            {
                hops.put(prefix.substring(HOP_PREFIX.length()), prefix);
            }
        }
        final Map<String, String> rows = new LinkedHashMap<>();
        if (send && !hops.containsKey(Hop.EXTERNAL_SEND.key()))
        {
            rows.put("send", SEND_PREFIX);
        }
        rows.putAll(hops);
        return rows;
    }

    /** Known hops in pipeline order, then others by name. */
    private static int compareHops(final String a, final String b)
    {
        final int rankA = rank(a);
        final int rankB = rank(b);
        return rankA != rankB ? Integer.compare(rankA, rankB) : a.compareTo(b);
    }

    private static int rank(final String hop)
    {
        if (hop.startsWith(WARMUP_ROW_PREFIX))
        {
            // A warm-up's row after every other, in the order of its hop.
            return Hop.values().length + 1 + rank(hop.substring(WARMUP_ROW_PREFIX.length()));
        }
        for (final Hop known : Hop.values())
        {
            if (known.key().equals(hop))
            {
                return known.ordinal();
            }
        }
        return Hop.values().length;
    }

    /** Nanoseconds as microseconds with one decimal, or "-" when the summary lacks the figure. */
    static String micros(final Long nanos)
    {
        return null == nanos ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    private static boolean isFigure(final String suffix)
    {
        return COUNT.equals(suffix) || PERCENTILES.contains(suffix);
    }
}
