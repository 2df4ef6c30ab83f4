package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.SummaryJson;
import org.HdrHistogram.Histogram;

/**
 * Several bots' sides, each in {@code runDir/bot-<id>/}, merged into the run's one bot side: the
 * totals in {@code runDir/bot.json}, the bot hops' files merged from the bots' logs, and one config
 * section, so that the report ({@link ReportWriter}, {@link WarmUpPutBack}, the plots,
 * {@link RunConfigWriter}) finds one bot side in the run folder as it does with one bot. Each bot's own
 * figures go into the summary beside the totals, under {@code bots.<id>.*}.
 */
public final class BotSides
{
    public static final String FOLDER_PREFIX = "bot-";
    /** Each bot's own keys in the summary: {@code bots.<id>.eventsProduced}, {@code bots.<id>.latencyNs.*}. */
    public static final String PER_BOT_PREFIX = "bots.";
    /** {@code bots.<id>.missing} = 1: the bot left no readable bot.json, so it is out of the totals. */
    public static final String MISSING = "missing";
    /** {@code bots.<id>.lost} = 1: the broker declared the bot lost, or it died. */
    public static final String LOST = "lost";
    /** {@code bots.<id>.brokerReceived}: the events the broker received from that source. */
    public static final String BROKER_RECEIVED = "brokerReceived";
    /** In the totals: how many bots' sides were merged. */
    public static final String BOTS_MERGED = "bot.bots";
    public static final String SUMMARY_FILE = "bot.json";
    /** The hops each bot times and writes into its own folder. */
    public static final List<Hop> BOT_HOPS = List.of(Hop.TICK_TO_PUBLISH, Hop.RING_TO_SEND, Hop.HICCUP);

    private static final String SIDE_PREFIX = "bot.";
    private static final String SECTION_FILE = "bot" + ConfigYaml.SUFFIX;
    /** Per bot, not of the run: an epoch or a source id summed means nothing; the fingerprint is combined. */
    private static final Set<String> NOT_SUMMED =
        Set.of(Accounting.BOT_EPOCH, Accounting.BOT_SOURCE_ID, Accounting.BOT_FINGERPRINT);
    /** A flag and a longest time: the run's is the largest of the bots'. */
    private static final Set<String> MAXED = Set.of(Accounting.BOT_PARTIAL, Accounting.BOT_SAFEPOINT_MAX_MS);
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private BotSides()
    {
    }

    /** Where the bot with this source id writes its side: {@code runDir/bot-<id>}. */
    public static Path folder(final Path runDir, final int sourceId)
    {
        return runDir.resolve(FOLDER_PREFIX + sourceId);
    }

    /**
     * Merges the bots' sides into {@code runDir}: {@code bot.json} with the totals (none when no bot
     * left a readable one), the bot hops' logs and distributions, and {@code bot.yaml}. A bot whose
     * bot.json is missing or unreadable is one line on {@code err} and out of the totals and the
     * latency: a report describes the run, it never fails it.
     *
     * @return each bot's keys for the summary, {@code bots.<id>.*}; {@code bots.<id>.missing} alone for
     *         a bot left out.
     * @throws UncheckedIOException if a file in {@code runDir} cannot be written.
     */
    public static Map<String, Long> merge(final Path runDir, final List<Integer> sourceIds, final PrintStream err)
    {
        final SortedMap<Integer, Map<String, Long>> sides = new TreeMap<>();
        final Map<String, Long> perBot = new TreeMap<>();
        for (final int sourceId : new TreeSet<>(sourceIds))
        {
            final Map<String, Long> side = read(folder(runDir, sourceId).resolve(SUMMARY_FILE), err);
            if (null == side)
            {
                perBot.put(key(sourceId, MISSING), 1L);
            }
            else
            {
                sides.put(sourceId, side);
                putPerBot(sourceId, side, perBot);
            }
        }
        if (!sides.isEmpty())
        {
            final Map<String, Long> totals = totals(sides);
            totals.putAll(mergeHops(runDir, sides.keySet(), err));
            SummaryJson.write(runDir.resolve(SUMMARY_FILE), totals);
        }
        keepOneConfigSection(runDir, new TreeSet<>(sourceIds), err);
        return perBot;
    }

    /** A bot's side, or null, said on {@code err}, when it is missing or unreadable. */
    private static Map<String, Long> read(final Path file, final PrintStream err)
    {
        if (!Files.isRegularFile(file))
        {
            err.println("broker: no " + file + ": that bot is left out of the bots' totals");
            return null;
        }
        try
        {
            return SummaryJson.read(file);
        }
        catch (final RuntimeException ex)
        {
            err.println("broker: left " + file + " out of the bots' totals: " + ex.getMessage());
            return null;
        }
    }

    private static String key(final int sourceId, final String rest)
    {
        return PER_BOT_PREFIX + sourceId + "." + rest;
    }

    /** {@code bot.x} as {@code bots.<id>.x}, {@code latencyNs.x} as {@code bots.<id>.latencyNs.x}. */
    private static void putPerBot(final int sourceId, final Map<String, Long> side, final Map<String, Long> perBot)
    {
        for (final Map.Entry<String, Long> entry : side.entrySet())
        {
            final String name = entry.getKey();
            if (name.startsWith(SIDE_PREFIX))
            {
                perBot.put(key(sourceId, name.substring(SIDE_PREFIX.length())), entry.getValue());
            }
            else if (name.startsWith(HopLatency.KEY_PREFIX))
            {
                perBot.put(key(sourceId, name), entry.getValue());
            }
        }
    }

    /** Every {@code bot.*} key summed, but for those that mean nothing summed. */
    private static Map<String, Long> totals(final SortedMap<Integer, Map<String, Long>> sides)
    {
        final Map<String, Long> totals = new TreeMap<>();
        for (final Map<String, Long> side : sides.values())
        {
            for (final Map.Entry<String, Long> entry : side.entrySet())
            {
                final String name = entry.getKey();
                if (name.startsWith(SIDE_PREFIX) && !NOT_SUMMED.contains(name))
                {
                    totals.merge(name, entry.getValue(), MAXED.contains(name) ? Math::max : Long::sum);
                }
            }
        }
        final Long fingerprint = fingerprint(sides);
        if (null != fingerprint)
        {
            totals.put(Accounting.BOT_FINGERPRINT, fingerprint);
        }
        final long putBack = totals.getOrDefault(WarmUp.PUT_BACK_KEY, 0L);
        if (putBack > 0)
        {
            // One bot's warm-up was too large to leave out, and went back into its headline. The hops
            // downstream cannot tell one bot's frames from another's, so every bot's warm-up goes
            // back ({@link WarmUpPutBack}): the run's headline then counts the same events everywhere.
            totals.put(WarmUp.PUT_BACK_KEY, putBack + totals.getOrDefault(WarmUp.EVENTS_KEY, 0L));
            totals.put(WarmUp.EVENTS_KEY, 0L);
        }
        totals.put(BOTS_MERGED, (long)sides.size());
        return totals;
    }

    /**
     * The run's fingerprint: FNV-1a over each bot's source id and fingerprint, in source-id order,
     * so the same bots with the same data give the same, and a bot's other events or another bot's
     * data under its id give another. Null when no bot has one.
     */
    private static Long fingerprint(final SortedMap<Integer, Map<String, Long>> sides)
    {
        long hash = FNV_OFFSET_BASIS;
        boolean any = false;
        for (final Map.Entry<Integer, Map<String, Long>> side : sides.entrySet())
        {
            final Long fingerprint = side.getValue().get(Accounting.BOT_FINGERPRINT);
            if (null != fingerprint)
            {
                hash = fnv1a(fnv1a(hash, side.getKey()), fingerprint);
                any = true;
            }
        }
        return any ? hash : null;
    }

    private static long fnv1a(final long hash, final long value)
    {
        long next = hash;
        for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE)
        {
            next ^= (value >>> shift) & 0xff;
            next *= FNV_PRIME;
        }
        return next;
    }

    /**
     * Each bot hop's logs added up into the run's files and percentiles, headline and warm-up apart:
     * percentiles come from the merged histogram, never from the bots' percentiles, which cannot be
     * averaged.
     */
    private static Map<String, Long> mergeHops(final Path runDir, final Set<Integer> sourceIds, final PrintStream err)
    {
        final Map<String, Long> percentiles = new TreeMap<>();
        for (final Hop hop : BOT_HOPS)
        {
            final Histogram headline = mergeLogs(runDir, sourceIds, hop.logFile(), err);
            if (null != headline)
            {
                writeLog(runDir.resolve(hop.logFile()), headline);
                HopLatency.writeDistribution(runDir.resolve(hop.distributionFile()), headline);
                percentiles.putAll(HopLatency.percentiles(HopLatency.KEY_PREFIX + hop.key(), headline));
            }
            final Histogram warmUp = mergeLogs(runDir, sourceIds, hop.warmUpLogFile(), err);
            if (null != warmUp && warmUp.getTotalCount() > 0)
            {
                writeLog(runDir.resolve(hop.warmUpLogFile()), warmUp);
                percentiles.putAll(HopLatency.percentiles(HopLatency.WARMUP_KEY_PREFIX + hop.key(), warmUp));
            }
        }
        return percentiles;
    }

    /** The bots' logs of that name added up, stamped first start to last end; null when no bot wrote one. */
    private static Histogram mergeLogs(
        final Path runDir, final Set<Integer> sourceIds, final String logFile, final PrintStream err)
    {
        Histogram merged = null;
        for (final int sourceId : sourceIds)
        {
            final Path file = folder(runDir, sourceId).resolve(logFile);
            if (!Files.isRegularFile(file))
            {
                continue;
            }
            final Histogram log;
            try
            {
                log = HopLatency.readLog(file);
            }
            catch (final RuntimeException ex)
            {
                err.println("broker: left " + file + " out of the bots' latency: " + ex.getMessage());
                continue;
            }
            if (null == merged)
            {
                merged = log;
            }
            else
            {
                final long startTimeMs = Math.min(merged.getStartTimeStamp(), log.getStartTimeStamp());
                final long endTimeMs = Math.max(merged.getEndTimeStamp(), log.getEndTimeStamp());
                merged.add(log);
                merged.setStartTimeStamp(startTimeMs);
                merged.setEndTimeStamp(endTimeMs);
            }
        }
        return merged;
    }

    /** One interval, untagged, as {@link HopLatency} writes a hop's log, so the same readers take it. */
    private static void writeLog(final Path log, final Histogram histogram)
    {
        // A log with no interval stamps none: its histogram's start is still Long.MAX_VALUE.
        final long startTimeMs = histogram.getEndTimeStamp() > 0 ? histogram.getStartTimeStamp() : 0;
        HopLatency.writeLog(log, histogram, startTimeMs);
    }

    /**
     * Moves the lowest source id's config section to {@code runDir/bot.yaml}, where
     * {@link RunConfigWriter} joins it as it joins one bot's, and deletes the others'. The bots'
     * sections differ only in {@code --data} and {@code --source-id}, which the broker's own section
     * records for each bot; N copies of the rest would make config.yaml N times as long to say it once.
     */
    private static void keepOneConfigSection(final Path runDir, final Set<Integer> sourceIds, final PrintStream err)
    {
        boolean kept = false;
        for (final int sourceId : sourceIds)
        {
            final Path section = folder(runDir, sourceId).resolve(SECTION_FILE);
            if (!Files.isRegularFile(section))
            {
                continue;
            }
            if (!kept)
            {
                final Path target = runDir.resolve(SECTION_FILE);
                try
                {
                    Files.move(section, target, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException("cannot move " + section + " to " + target, ex);
                }
                kept = true;
            }
            else
            {
                try
                {
                    Files.delete(section);
                }
                catch (final IOException ex)
                {
                    err.println("broker: cannot delete " + section + ", a bot's section like the one kept: " + ex);
                }
            }
        }
    }
}
