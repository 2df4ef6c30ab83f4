package dev.quietloop.broker.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the histograms in a summary: {@code sendLatencyNs.*} (the headline, shown as "send")
 * and every {@code latencyNs.<hop>.*}, so a hop that a later change records becomes one more
 * row of the latency tables without touching them.
 */
final class LatencyKeys
{
    static final String SEND_PREFIX = "sendLatencyNs";
    static final String HOP_PREFIX = "latencyNs.";
    static final String COUNT = "count";
    /** The percentile suffixes in the order they are shown, and their column titles. */
    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99_9", "max");
    static final List<String> TITLES = List.of("p50", "p90", "p99", "p99.9", "max");

    private LatencyKeys()
    {
    }

    /** @return row name to key prefix ("send" first, then the hops by name). */
    static Map<String, String> histograms(final Map<String, Long> summary)
    {
        final Map<String, String> hops = new TreeMap<>();
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
        if (send)
        {
            rows.put("send", SEND_PREFIX);
        }
        rows.putAll(hops);
        return rows;
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
