package dev.quietloop.broker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import dev.quietloop.protocol.account.Accounting;

/**
 * Compares two run summaries: every histogram's percentiles side by side with the ratio B/A,
 * then the accounting (events, gaps, ticks, fills, PnL...) and the fingerprint, where each
 * difference is marked {@code !=}. The last line says whether the accounting is the same.
 */
public final class SummaryCompare
{
    public static final String DIFFERENT = "!=";

    /** Always shown, so a reader sees what was compared. */
    static final List<String> CORE_KEYS = List.of(
        Accounting.BOT_TICKS, Accounting.BOT_TICKS_REJECTED, Accounting.BOT_EVENTS_PRODUCED, Accounting.BOT_RING_REJECTED, Accounting.BOT_EVENTS_SENT, Accounting.BOT_UNSENT,
        Accounting.BOT_ORDERS_PLACED, Accounting.BOT_FILLS, Accounting.BOT_PNL_E8,
        Accounting.SIDECAR_EVENTS_RECEIVED, Accounting.SIDECAR_GAPS, Accounting.SIDECAR_DUPLICATES,
        Accounting.BROKER_EVENTS_RECEIVED, Accounting.BROKER_EVENTS_FORWARDED, Accounting.BROKER_UNDELIVERED);
    /** Also compared, shown only when they differ. */
    static final List<String> OTHER_KEYS = List.of(
        Accounting.BOT_ORDERS_REJECTED, Accounting.BOT_ORDERS_CANCELLED, Accounting.SIDECAR_DECODE_ERRORS, Accounting.RUN_MISSING_AT_SIDECAR);
    static final List<String> OTHER_PREFIXES = List.of(Accounting.BOT_REJECTED_PREFIX, Accounting.BOT_POSITION_E8_PREFIX, Accounting.SIDECAR_BY_TYPE_PREFIX);
    /** Counts that depend on timing, not on what the run did. */
    static final List<String> TIMING_KEYS = List.of(Accounting.SIDECAR_BY_TYPE_HEARTBEAT);
    static final List<String> FINGERPRINT_KEYS = List.of(ReportWriter.FINGERPRINT, ReportWriter.BOT_FINGERPRINT);

    private static final String KEY = "%-26s";
    private static final String VALUE = "%14s";
    /** A fingerprint is a 64-bit hash: 16 hex digits, wider than a count. */
    private static final String FINGERPRINT = "%18s";

    private SummaryCompare()
    {
    }

    /** The comparison, one string per line. */
    public static List<String> render(
        final String runA, final Map<String, Long> a, final String runB, final Map<String, Long> b)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("compare       A: " + runA + "   B: " + runB);
        latency(a, b, lines);
        final int differences = accounting(a, b, lines) + fingerprint(a, b, lines);
        lines.add(differences == 0 ? "accounting: same" : "accounting: DIFFERENT (" + differences + " keys)");
        return lines;
    }

    private static void latency(final Map<String, Long> a, final Map<String, Long> b, final List<String> lines)
    {
        final Map<String, String> histograms = new LinkedHashMap<>(LatencyKeys.histograms(a));
        LatencyKeys.histograms(b).forEach(histograms::putIfAbsent);
        lines.add(String.format(KEY + VALUE + VALUE + "%8s", "latency (us)", "A", "B", "B/A"));
        for (final Map.Entry<String, String> histogram : histograms.entrySet())
        {
            final String prefix = histogram.getValue() + ".";
            final String countKey = prefix + LatencyKeys.COUNT;
            lines.add(String.format(KEY + VALUE + VALUE + "%8s", "  " + histogram.getKey() + " count",
                text(a.get(countKey)), text(b.get(countKey)), ratio(a.get(countKey), b.get(countKey))));
            for (int i = 0; i < LatencyKeys.PERCENTILES.size(); i++)
            {
                final String key = prefix + LatencyKeys.PERCENTILES.get(i);
                lines.add(String.format(KEY + VALUE + VALUE + "%8s", "  " + histogram.getKey() + " " +
                    LatencyKeys.TITLES.get(i), LatencyKeys.micros(a.get(key)), LatencyKeys.micros(b.get(key)),
                    ratio(a.get(key), b.get(key))));
            }
        }
    }

    /** @return how many accounting keys differ. */
    private static int accounting(final Map<String, Long> a, final Map<String, Long> b, final List<String> lines)
    {
        lines.add(String.format(KEY + VALUE + VALUE, "accounting", "A", "B"));
        int differences = 0;
        for (final String key : CORE_KEYS)
        {
            if (a.containsKey(key) || b.containsKey(key))
            {
                final boolean differs = !Objects.equals(a.get(key), b.get(key));
                lines.add(line(key, a.get(key), b.get(key), differs));
                differences += differs ? 1 : 0;
            }
        }
        final TreeSet<String> others = new TreeSet<>();
        collectOthers(a, others);
        collectOthers(b, others);
        for (final String key : others)
        {
            if (!Objects.equals(a.get(key), b.get(key)))
            {
                lines.add(line(key, a.get(key), b.get(key), true));
                differences++;
            }
        }
        return differences;
    }

    /** @return 1 if both runs recorded a fingerprint and the two differ, else 0. */
    private static int fingerprint(final Map<String, Long> a, final Map<String, Long> b, final List<String> lines)
    {
        final Long fa = fingerprintOf(a);
        final Long fb = fingerprintOf(b);
        if (null == fa && null == fb)
        {
            lines.add(String.format(KEY + "%s", "fingerprint", "no fingerprint recorded"));
            return 0;
        }
        if (null == fa || null == fb)
        {
            lines.add(String.format(KEY + FINGERPRINT + FINGERPRINT + "  %s", "fingerprint", hex(fa), hex(fb),
                "only one run recorded one: not compared"));
            return 0;
        }
        final boolean differs = !fa.equals(fb);
        lines.add(String.format(KEY + FINGERPRINT + FINGERPRINT + "%s", "fingerprint", hex(fa), hex(fb),
            differs ? "  " + DIFFERENT : ""));
        return differs ? 1 : 0;
    }

    private static Long fingerprintOf(final Map<String, Long> summary)
    {
        for (final String key : FINGERPRINT_KEYS)
        {
            if (summary.containsKey(key))
            {
                return summary.get(key);
            }
        }
        return null;
    }

    private static void collectOthers(final Map<String, Long> summary, final TreeSet<String> keys)
    {
        for (final String key : summary.keySet())
        {
            if (!TIMING_KEYS.contains(key) &&
                (OTHER_KEYS.contains(key) || OTHER_PREFIXES.stream().anyMatch(key::startsWith)))
            {
                keys.add(key);
            }
        }
    }

    private static String line(final String key, final Long a, final Long b, final boolean differs)
    {
        return String.format(KEY + VALUE + VALUE + "%s", "  " + key, text(a), text(b), differs ? "  " + DIFFERENT : "");
    }

    private static String hex(final Long value)
    {
        return null == value ? "-" : SummaryText.hex(value);
    }

    private static String text(final Long value)
    {
        return null == value ? "-" : value.toString();
    }

    /** B/A with two decimals; "-" when either is missing or A is 0. */
    static String ratio(final Long a, final Long b)
    {
        if (null == a || null == b || a == 0)
        {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", (double)b / a);
    }
}
