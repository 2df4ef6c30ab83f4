package dev.quietloop.broker.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;

/**
 * Renders a run summary (dotted keys, as in {@code summary.json}) as the table a person reads:
 * the run's outcome, the accounting equations with whether each holds, with several bots each
 * one's own account, the bot's trading with PnL and positions as decimals, the non-zero
 * rejections, and one latency row per histogram.
 */
public final class SummaryText
{
    public static final String FILE = "summary.txt";

    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = 14;
    private static final int COLUMN_WIDTH = 10;
    private static final int E8_SCALE = 8;
    /** A bot's own keys, {@code bots.<id>.x}, read back as {@code bot.x}. */
    private static final String BOT_PREFIX = "bot.";
    /** Source ids are ints: at most 9 digits parse without a doubt. */
    private static final int MAX_ID_DIGITS = 9;

    private SummaryText()
    {
    }

    /** The whole table, one string per line. */
    public static List<String> render(final String runId, final Map<String, Long> summary)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(row("run", runId + ": " + outcome(summary)));
        final Long fingerprint = summary.get(ReportWriter.FINGERPRINT);
        if (null != fingerprint)
        {
            lines.add(row("fingerprint", hex(fingerprint) + " (the same data, strategy and options give the same)"));
        }
        accounting(summary, lines);
        eachBot(summary, lines);
        trading(summary, lines);
        lines.add(row("rejections", rejections(summary)));
        latency(summary, lines);
        cpu(summary, lines);
        warmUp(summary, lines);
        return lines;
    }

    /** A 64-bit fingerprint as 16 hex digits. */
    public static String hex(final long value)
    {
        return String.format(Locale.ROOT, "%016x", value);
    }

    /** A fixed-point value with 8 decimals as a plain decimal: -50425000 is "-0.50425". */
    public static String e8(final long value)
    {
        return BigDecimal.valueOf(value, E8_SCALE).stripTrailingZeros().toPlainString();
    }

    private static String outcome(final Map<String, Long> summary)
    {
        final boolean partial = summary.getOrDefault(Accounting.RUN_PARTIAL, 0L) != 0;
        final Long exitCode = summary.get(Accounting.RUN_EXIT_CODE);
        return (partial ? "PARTIAL (stopped early)" : deaths(summary).isEmpty() ? "complete" : "ended early") +
            (null == exitCode ? "" : ", exit code " + exitCode);
    }

    /** The launched children that died mid-run, by role, from their {@code run.lostWith.ROLE} keys. */
    private static List<String> deaths(final Map<String, Long> summary)
    {
        final List<String> roles = new ArrayList<>();
        summary.keySet().stream().filter(key -> key.startsWith(Accounting.RUN_LOST_WITH_PREFIX))
            .forEach(key -> roles.add(key.substring(Accounting.RUN_LOST_WITH_PREFIX.length())));
        return roles;
    }

    private static void accounting(final Map<String, Long> s, final List<String> lines)
    {
        lines.add("accounting");
        final Long produced = s.get(Accounting.BOT_EVENTS_PRODUCED);
        final Long received = s.get(Accounting.SIDECAR_EVENTS_RECEIVED);
        final long rejected = s.getOrDefault(Accounting.BOT_RING_REJECTED, 0L);
        final long unsent = s.getOrDefault(Accounting.BOT_UNSENT, 0L);
        final long duplicates = s.getOrDefault(Accounting.SIDECAR_DUPLICATES, 0L);
        final long undelivered = s.getOrDefault(Accounting.BROKER_UNDELIVERED, 0L);
        if (null == produced)
        {
            lines.add(row(INDENT + "bot", "not in this summary (the bots ran apart from this broker)"));
        }
        else
        {
            // What the bot could not hand over by its drain deadline (unsent) is part of its sum.
            final long sent = s.getOrDefault(Accounting.BOT_EVENTS_SENT, 0L);
            lines.add(row(INDENT + "bot", "produced " + produced + " = ring rejected " + rejected + " + sent " + sent +
                (unsent > 0 ? " + unsent " + unsent : "") + verdict(Accounting.botHolds(s))));
            if (s.containsKey(Accounting.BOT_EVENTS_ACKED))
            {
                final long acked = s.get(Accounting.BOT_EVENTS_ACKED);
                final long unacked = s.getOrDefault(Accounting.BOT_UNACKED, 0L);
                lines.add(row(INDENT + "acked", "sent " + sent + " = acknowledged by the broker " + acked +
                    " + unacknowledged " + unacked + verdict(Accounting.ackedHolds(s))));
            }
        }
        if (null == received)
        {
            lines.add(row(INDENT + "sidecar", "not in this summary (an external sidecar)"));
        }
        else if (null != produced)
        {
            final long gaps = s.getOrDefault(Accounting.SIDECAR_GAPS, 0L);
            lines.add(row(INDENT + "sidecar", "received " + received + " - duplicates " + duplicates + " + gaps " + gaps +
                " = produced " + produced + verdict(Accounting.sidecarHolds(s))));
            lines.add(row(INDENT + "transport", "gaps " + gaps + " = ring rejected " + rejected + " + lost in transport " +
                (gaps - rejected) + verdict(gaps >= rejected)));
        }
        final long disconnects = s.getOrDefault(Accounting.BROKER_SIDECAR_DISCONNECTS, 0L);
        if (disconnects > 0)
        {
            final long inFlight = s.getOrDefault(Accounting.BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT, 0L);
            lines.add(row(INDENT + "sidecar link", "dropped " + disconnects + " times" + (inFlight > 0 ? ", with " +
                inFlight + " frames sent on connections that dropped: their delivery cannot be proven" : "")));
        }
        for (final String role : deaths(s))
        {
            lines.add(row(INDENT + "died", role + ", " + s.getOrDefault(Accounting.RUN_DIED_AFTER_MS_PREFIX + role, 0L) +
                " ms after its launch: " + s.get(Accounting.RUN_LOST_WITH_PREFIX + role) + " events lost with it, counted by the broker"));
        }
        if (s.containsKey(Accounting.BROKER_EVENTS_RECEIVED))
        {
            lines.add(row(INDENT + "broker", "received " + s.get(Accounting.BROKER_EVENTS_RECEIVED) + ", forwarded " +
                s.getOrDefault(Accounting.BROKER_EVENTS_FORWARDED, 0L) + ", undelivered " + undelivered +
                (s.containsKey(Accounting.RUN_MISSING_AT_SIDECAR) ? ", missing at sidecar " + s.get(Accounting.RUN_MISSING_AT_SIDECAR) : "")));
            if (s.containsKey(Accounting.RUN_DROPPED_AT_BOT_CLOSE))
            {
                lines.add(row(INDENT + "losses", "sent by the bot " + s.getOrDefault(Accounting.BOT_EVENTS_SENT, 0L) +
                    " - received by the broker " + s.get(Accounting.BROKER_EVENTS_RECEIVED) + " = dropped at close " +
                    s.get(Accounting.RUN_DROPPED_AT_BOT_CLOSE) + ": counted by no process, only here"));
            }
            bots(s, lines);
        }
        // Every event the sidecar did not get, against what the processes counted as not passed on;
        // the rest was handed to a socket and dropped from its queue when a process closed it.
        final long notReceived = null == produced || null == received ? 0 : produced - received + duplicates;
        if (notReceived > 0)
        {
            final long dropped = notReceived - rejected - unsent - undelivered;
            lines.add(row(INDENT + "losses", "not received " + notReceived + " = ring rejected " + rejected +
                " + unsent " + unsent + " + undelivered " + undelivered + " + dropped at close " + dropped +
                (dropped == 0 ? ": holds" : dropped > 0 ? ": " + dropped + " counted by no process, only here" :
                ": DOES NOT HOLD")));
        }
    }

    /** Bots the broker declared lost, and a second bot's frames refused for a source id in use; nothing when neither. */
    private static void bots(final Map<String, Long> s, final List<String> lines)
    {
        final long lost = s.getOrDefault(Accounting.BROKER_BOTS_LOST, 0L);
        final long refused = s.getOrDefault(Accounting.BROKER_SOURCE_IN_USE, 0L);
        if (lost > 0)
        {
            lines.add(row(INDENT + "bots lost", lost + " (the last, source id " + s.get(Accounting.BROKER_BOT_LOST_SOURCE) +
                "): silent past the bot timeout with no end of stream; what they sent is in the counts above"));
        }
        if (refused > 0)
        {
            lines.add(row(INDENT + "refused", refused + " frames of a second bot claiming source id " +
                s.get(Accounting.BROKER_SOURCE_IN_USE_ID) + ", in use by a live bot: never acknowledged, counted by it"));
        }
    }

    /**
     * With several bots, one line a bot in source-id order: its own account, with whether its own
     * equation holds (the totals' may hold while one bot's does not), what the broker received from
     * it, and its trading thread's p99. Nothing for a summary of one bot.
     */
    private static void eachBot(final Map<String, Long> s, final List<String> lines)
    {
        final SortedMap<Integer, Map<String, Long>> sides = botSides(s);
        if (sides.isEmpty())
        {
            return;
        }
        lines.add(row("bots", sides.size() + (sides.size() == 1 ? " bot" : " bots") + ", each on its own (the totals are above)"));
        for (final Map.Entry<Integer, Map<String, Long>> side : sides.entrySet())
        {
            lines.add(row(INDENT + "bot " + side.getKey(), botLine(side.getValue())));
        }
    }

    /** Each bot's {@code bots.<id>.x} keys as {@code bot.x}, so that the accounting's equations read them as the totals. */
    private static SortedMap<Integer, Map<String, Long>> botSides(final Map<String, Long> s)
    {
        final SortedMap<Integer, Map<String, Long>> sides = new TreeMap<>();
        for (final Map.Entry<String, Long> entry : s.entrySet())
        {
            final String key = entry.getKey();
            final int dot = key.indexOf('.', BotSides.PER_BOT_PREFIX.length());
            if (!key.startsWith(BotSides.PER_BOT_PREFIX) || dot < 0)
            {
                continue;
            }
            final String id = key.substring(BotSides.PER_BOT_PREFIX.length(), dot);
            if (!id.isEmpty() && id.length() <= MAX_ID_DIGITS && id.chars().allMatch(Character::isDigit))
            {
                sides.computeIfAbsent(Integer.parseInt(id), (ignored) -> new TreeMap<>())
                    .put(BOT_PREFIX + key.substring(dot + 1), entry.getValue());
            }
        }
        return sides;
    }

    /** What is known of one bot: {@code LOST: produced 400 = ring rejected 0 + sent 400: holds; ...}. */
    private static String botLine(final Map<String, Long> bot)
    {
        final List<String> parts = new ArrayList<>();
        if (bot.getOrDefault(BOT_PREFIX + BotSides.MISSING, 0L) != 0)
        {
            parts.add("no summary");
        }
        final Long produced = bot.get(Accounting.BOT_EVENTS_PRODUCED);
        if (null != produced)
        {
            final long unsent = bot.getOrDefault(Accounting.BOT_UNSENT, 0L);
            parts.add("produced " + produced + " = ring rejected " + bot.getOrDefault(Accounting.BOT_RING_REJECTED, 0L) +
                " + sent " + bot.getOrDefault(Accounting.BOT_EVENTS_SENT, 0L) + (unsent > 0 ? " + unsent " + unsent : "") +
                verdict(Accounting.botHolds(bot)));
        }
        if (bot.containsKey(Accounting.BOT_EVENTS_ACKED))
        {
            parts.add("acknowledged " + bot.get(Accounting.BOT_EVENTS_ACKED) + ", unacknowledged " +
                bot.getOrDefault(Accounting.BOT_UNACKED, 0L));
        }
        final Long received = bot.get(BOT_PREFIX + BotSides.BROKER_RECEIVED);
        if (null != received)
        {
            parts.add("received by the broker " + received);
        }
        final String tickToPublish = BOT_PREFIX + HopLatency.KEY_PREFIX + Hop.TICK_TO_PUBLISH.key() + ".";
        final Long p99 = bot.get(tickToPublish + "p99");
        if (null != p99 && bot.getOrDefault(tickToPublish + LatencyKeys.COUNT, 0L) > 0) // no events timed: no p99 to show
        {
            parts.add(Hop.TICK_TO_PUBLISH.key() + " p99 " + LatencyKeys.micros(p99) + " us");
        }
        return (bot.getOrDefault(BOT_PREFIX + BotSides.LOST, 0L) != 0 ? "LOST: " : "") +
            (parts.isEmpty() ? "nothing recorded" : String.join("; ", parts));
    }

    private static String verdict(final boolean holds)
    {
        return holds ? ": holds" : ": DOES NOT HOLD";
    }

    /** {@code  (maxPosition 3, maxOpenOrders 1)}: the risk checks that refused orders; nothing when none did. */
    private static String rejectedBy(final Map<String, Long> s)
    {
        final StringBuilder reasons = new StringBuilder();
        for (final Map.Entry<String, Long> entry : s.entrySet())
        {
            if (entry.getKey().startsWith(Accounting.BOT_ORDERS_REJECTED_BY_PREFIX) && entry.getValue() != 0)
            {
                reasons.append(reasons.length() == 0 ? " (" : ", ")
                    .append(entry.getKey().substring(Accounting.BOT_ORDERS_REJECTED_BY_PREFIX.length()))
                    .append(' ').append(entry.getValue());
            }
        }
        return reasons.length() == 0 ? "" : reasons.append(')').toString();
    }

    private static void trading(final Map<String, Long> s, final List<String> lines)
    {
        if (!s.containsKey(Accounting.BOT_TICKS))
        {
            return;
        }
        lines.add("trading");
        lines.add(row(INDENT + "ticks", s.get(Accounting.BOT_TICKS) + " (rejected " + s.getOrDefault(Accounting.BOT_TICKS_REJECTED, 0L) + ")"));
        lines.add(row(INDENT + "orders", s.getOrDefault(Accounting.BOT_ORDERS_PLACED, 0L) + " placed, " +
            s.getOrDefault(Accounting.BOT_ORDERS_REJECTED, 0L) + " rejected" + rejectedBy(s) + ", " +
            s.getOrDefault(Accounting.BOT_ORDERS_CANCELLED, 0L) +
            " cancelled; " + s.getOrDefault(Accounting.BOT_FILLS, 0L) + " fills"));
        lines.add(row(INDENT + "pnl", s.containsKey(Accounting.BOT_PNL_E8) ? e8(s.get(Accounting.BOT_PNL_E8)) : "-"));
        final StringBuilder positions = new StringBuilder();
        for (final Map.Entry<String, Long> entry : s.entrySet())
        {
            if (entry.getKey().startsWith(Accounting.BOT_POSITION_E8_PREFIX))
            {
                positions.append(positions.length() == 0 ? "" : ", ")
                    .append(entry.getKey().substring(Accounting.BOT_POSITION_E8_PREFIX.length())).append(' ').append(e8(entry.getValue()));
            }
        }
        lines.add(row(INDENT + "positions", positions.length() == 0 ? "none" : positions.toString()));
    }

    private static String rejections(final Map<String, Long> s)
    {
        final StringBuilder out = new StringBuilder();
        for (final Map.Entry<String, Long> entry : s.entrySet())
        {
            if (entry.getKey().startsWith(Accounting.BOT_REJECTED_PREFIX) && entry.getValue() != 0)
            {
                out.append(out.length() == 0 ? "" : ", ")
                    .append(entry.getKey().substring(Accounting.BOT_REJECTED_PREFIX.length())).append(' ').append(entry.getValue());
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private static void latency(final Map<String, Long> s, final List<String> lines)
    {
        final Map<String, String> histograms = LatencyKeys.histograms(s);
        if (histograms.isEmpty())
        {
            lines.add(row("latency (us)", "none recorded"));
            safepoints(s, LABEL_WIDTH, lines);
            clocks(s, lines);
            return;
        }
        int width = LABEL_WIDTH;
        for (final String name : histograms.keySet())
        {
            width = Math.max(width, INDENT.length() + name.length() + 1);
        }
        final String label = "%-" + width + "s";
        final StringBuilder header = new StringBuilder(String.format(label, "latency (us)"))
            .append(column(LatencyKeys.COUNT));
        LatencyKeys.TITLES.forEach(title -> header.append(column(title)));
        lines.add(header.toString());
        // The bot JVM's safepoints go under the bot's trading-thread and hiccup rows.
        final String safepointsAfter = histograms.containsKey(Hop.HICCUP.key()) ? Hop.HICCUP.key() :
            histograms.containsKey(Hop.TICK_TO_PUBLISH.key()) ? Hop.TICK_TO_PUBLISH.key() : null;
        for (final Map.Entry<String, String> histogram : histograms.entrySet())
        {
            final String prefix = histogram.getValue() + ".";
            final Long count = s.get(prefix + LatencyKeys.COUNT);
            final StringBuilder line = new StringBuilder(String.format(label, INDENT + histogram.getKey()))
                .append(column(null == count ? "-" : count.toString()));
            for (final String percentile : LatencyKeys.PERCENTILES)
            {
                line.append(column(LatencyKeys.micros(s.get(prefix + percentile))));
            }
            lines.add(line.toString());
            if (histogram.getKey().equals(safepointsAfter))
            {
                safepoints(s, width, lines);
            }
        }
        if (null == safepointsAfter)
        {
            safepoints(s, width, lines);
        }
        clocks(s, lines);
    }

    /**
     * For a run whose bot or sidecar ran apart, maybe on another host: {@code endToEnd} is the
     * sidecar's receipt against the bot's origin, two monotonic clocks that mean nothing to each
     * other across hosts. Nothing for a run that launched both here, or a summary from before.
     */
    private static void clocks(final Map<String, Long> s, final List<String> lines)
    {
        if (s.getOrDefault(Accounting.RUN_SAME_HOST, 1L) == 0)
        {
            lines.add(row("clocks", "endToEnd compares two clocks: the bot or the sidecar ran apart, maybe on " +
                "another host, where it is no latency"));
        }
    }

    /** The bot JVM's safepoints in its measured window, when the summary has them. */
    private static void safepoints(final Map<String, Long> s, final int width, final List<String> lines)
    {
        final Long count = s.get(Accounting.BOT_SAFEPOINTS);
        if (null != count)
        {
            lines.add(String.format("%-" + width + "s", INDENT + "safepoints") + count + " in the bot JVM, " +
                millis(count, s.get(Accounting.BOT_SAFEPOINT_MS)) + " in all, the longest " +
                millis(count, s.get(Accounting.BOT_SAFEPOINT_MAX_MS)));
        }
    }

    /** Whole milliseconds, as the summary rounds them: "< 0.5 ms" for a 0 that stands for safepoints. */
    private static String millis(final long count, final Long ms)
    {
        return null == ms ? "-" : ms == 0 && count > 0 ? "< 0.5 ms" : ms + " ms";
    }

    /**
     * What each process cost in CPU time over its whole life, and all three per event the sidecar
     * received; a process not in the summary is said to be not known, and then so is the figure per
     * event. Nothing for a summary with none of them (a run from before they were recorded).
     */
    private static void cpu(final Map<String, Long> s, final List<String> lines)
    {
        final Long bot = s.get(Accounting.BOT_CPU_MS);
        final Long broker = s.get(Accounting.BROKER_CPU_MS);
        final Long sidecar = s.get(Accounting.SIDECAR_CPU_MS);
        if (null == bot && null == broker && null == sidecar)
        {
            return;
        }
        final Long delivered = s.get(Accounting.SIDECAR_EVENTS_RECEIVED);
        final String perEvent;
        if (null == bot || null == broker || null == sidecar)
        {
            perEvent = "per event: not known without all three";
        }
        else if (null == delivered || delivered == 0)
        {
            perEvent = "no event delivered";
        }
        else
        {
            perEvent = String.format(Locale.ROOT, "%,d ns per event delivered",
                Math.round((bot + broker + sidecar) * 1e6 / delivered));
        }
        final String botCpu = null != bot ? cpuMillis("bot", bot) :
            s.containsKey(Accounting.BOT_EVENTS_PRODUCED) ? "bot not known" : "bot not known (ran apart)";
        final String sidecarCpu = null != sidecar ? cpuMillis("sidecar stub", sidecar) :
            null != delivered ? "sidecar stub not known" : "external sidecar not known";
        lines.add(row("cpu", botCpu + ", " + (null != broker ? cpuMillis("broker", broker) : "broker not known") + ", " +
            sidecarCpu + " (whole processes, start-up included); " + perEvent));
    }

    private static String cpuMillis(final String process, final long ms)
    {
        return String.format(Locale.ROOT, "%s %,d ms", process, ms);
    }

    /** What the bot left out of the headline as its warm-up, and by which rule; nothing for a summary without it. */
    private static void warmUp(final Map<String, Long> s, final List<String> lines)
    {
        final Long events = s.get(WarmUp.EVENTS_KEY);
        if (null == events)
        {
            return;
        }
        final long ticks = s.getOrDefault(WarmUp.TICKS_KEY, 0L);
        final Long runTicks = s.get(Accounting.BOT_TICKS);
        final String firstTicks = "the first " + ticks + " ticks" +
            (null == runTicks || runTicks == 0 ? "" : String.format(Locale.ROOT, " (%.1f%%)", 100.0 * ticks / runTicks));
        if (events > 0)
        {
            final long produced = s.getOrDefault(Accounting.BOT_EVENTS_PRODUCED, 0L);
            final String share = produced > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * events / produced) : "";
            final boolean timed = s.keySet().stream().anyMatch(key -> key.startsWith(HopLatency.WARMUP_KEY_PREFIX));
            final String downstream = downstreamWarmUpRows(s);
            lines.add(row("warm-up", "the first " + events + " events" + share + ", " +
                (ticks > 0 ? "those of " + firstTicks : "set by --warmup-events") + ": left out of the headline" +
                (downstream.isEmpty() ? "" : ", downstream too (" + downstream + ")") +
                (timed ? ", timed in the warmup rows" : "")));
        }
        else if (s.getOrDefault(WarmUp.PUT_BACK_KEY, 0L) > 0)
        {
            lines.add(row("warm-up", "none: the " + s.get(WarmUp.PUT_BACK_KEY) + " events of " + firstTicks +
                " were more than " + WarmUp.MAX_EVENTS_PERCENT + "% of the run's, so the headline has them all"));
        }
        else if (ticks > 0)
        {
            lines.add(row("warm-up", "none: " + firstTicks + " made no events"));
        }
        else
        {
            lines.add(row("warm-up", "none: every event is in the headline"));
        }
    }

    /**
     * The hops past the bot's sender that timed the warm-up apart, by the frames' flag: "brokerDwell,
     * endToEnd", or empty.
     */
    private static String downstreamWarmUpRows(final Map<String, Long> s)
    {
        final StringBuilder hops = new StringBuilder();
        for (final Hop hop : Hop.values())
        {
            if (hop.ordinal() > Hop.RING_TO_SEND.ordinal() &&
                s.containsKey(HopLatency.WARMUP_KEY_PREFIX + hop.key() + "." + LatencyKeys.COUNT))
            {
                hops.append(hops.length() == 0 ? "" : ", ").append(hop.key());
            }
        }
        return hops.toString();
    }

    private static String row(final String label, final String value)
    {
        return String.format("%-" + LABEL_WIDTH + "s%s", label, value);
    }

    private static String column(final String value)
    {
        return String.format("%" + COLUMN_WIDTH + "s", value);
    }
}
