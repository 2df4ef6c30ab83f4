package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.PrintCapture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotSidesTest
{
    private static final String TICK_TO_PUBLISH = HopLatency.KEY_PREFIX + Hop.TICK_TO_PUBLISH.key();
    private static final String WARMUP_TICK_TO_PUBLISH = HopLatency.WARMUP_KEY_PREFIX + Hop.TICK_TO_PUBLISH.key();

    @TempDir
    Path runDir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldSumEveryBotKeyOverTheBotsAndDropTheirEpochAndSourceId()
    {
        final Map<String, Long> one = side(1, 1_000, 11);
        one.put(Accounting.BOT_PARTIAL, 1L);
        one.put(Accounting.BOT_SAFEPOINT_MAX_MS, 7L);
        final Map<String, Long> two = side(2, 400, 22);
        two.put(Accounting.BOT_SAFEPOINT_MAX_MS, 12L);
        two.put(Accounting.BOT_POSITION_E8_PREFIX + "ETHUSDT", 5L);
        writeSide(1, one);
        writeSide(2, two);
        writeSide(3, side(3, 250, 33));

        BotSides.merge(runDir, List.of(1, 2, 3), err.stream);

        final Map<String, Long> totals = totals();
        assertEquals(1_650L, totals.get(Accounting.BOT_EVENTS_PRODUCED));
        assertEquals(1_650L - 6, totals.get(Accounting.BOT_EVENTS_SENT));
        assertEquals(6L, totals.get(Accounting.BOT_RING_REJECTED));
        assertEquals(-3_000_000L, totals.get(Accounting.BOT_POSITION_E8_PREFIX + "BTCUSDT"));
        assertEquals(5L, totals.get(Accounting.BOT_POSITION_E8_PREFIX + "ETHUSDT"));
        assertEquals(1L, totals.get(Accounting.BOT_PARTIAL), "the largest, not the sum");
        assertEquals(12L, totals.get(Accounting.BOT_SAFEPOINT_MAX_MS), "the largest, not the sum");
        assertEquals(3L, totals.get(BotSides.BOTS_MERGED));
        assertFalse(totals.containsKey(Accounting.BOT_EPOCH));
        assertFalse(totals.containsKey(Accounting.BOT_SOURCE_ID));
        assertTrue(Accounting.botHolds(totals));
        assertEquals("", err.text());
    }

    @Test
    void shouldPutEveryBotsWarmUpBackWhenOneBotPutItsBack()
    {
        final Map<String, Long> one = side(1, 1_000, 11);
        one.put(WarmUp.EVENTS_KEY, 0L);
        one.put(WarmUp.PUT_BACK_KEY, 300L);
        final Map<String, Long> two = side(2, 1_000, 22);
        two.put(WarmUp.EVENTS_KEY, 40L);
        two.put(WarmUp.PUT_BACK_KEY, 0L);
        writeSide(1, one);
        writeSide(2, two);

        BotSides.merge(runDir, List.of(1, 2), err.stream);

        final Map<String, Long> totals = totals();
        assertEquals(0L, totals.get(WarmUp.EVENTS_KEY), "no event left out of the headline, downstream neither");
        assertEquals(340L, totals.get(WarmUp.PUT_BACK_KEY));
    }

    @Test
    void shouldGiveTheSameFingerprintForTheSameBotsInWhicheverOrderTheirIdsCome()
    {
        assertEquals(fingerprint(List.of(1, 2, 3), 11, 22, 33), fingerprint(List.of(3, 1, 2), 11, 22, 33));
    }

    @Test
    void shouldGiveAnotherFingerprintWhenOneBotsFingerprintChanges()
    {
        assertNotEquals(fingerprint(List.of(1, 2, 3), 11, 22, 33), fingerprint(List.of(1, 2, 3), 11, 23, 33));
    }

    @Test
    void shouldGiveAnotherFingerprintWhenTheBotsSwapTheirFingerprints()
    {
        assertNotEquals(fingerprint(List.of(1, 2, 3), 11, 22, 33), fingerprint(List.of(1, 2, 3), 22, 11, 33));
    }

    @Test
    void shouldTakeTheMergedHistogramsPercentilesNotTheBotsOnes()
    {
        writeSide(1, side(1, 4, 11));
        writeSide(2, side(2, 3, 22));
        writeHop(1, Hop.TICK_TO_PUBLISH, 1, 900, 5_000, 7_000, 8_000);
        writeHop(2, Hop.TICK_TO_PUBLISH, 1, 800, 9_000_000, 6_000);
        writeHop(1, Hop.HICCUP, 0, 20_000, 30_000);

        BotSides.merge(runDir, List.of(1, 2), err.stream);

        final Map<String, Long> totals = totals();
        final Histogram largest = HopLatency.readLog(BotSides.folder(runDir, 2).resolve(Hop.TICK_TO_PUBLISH.logFile()));
        assertEquals(5L, totals.get(TICK_TO_PUBLISH + ".count"), "3 + 2 past the warm-up");
        assertEquals(largest.getMaxValue(), totals.get(TICK_TO_PUBLISH + ".max"));
        assertEquals(largest.getMaxValue(), totals.get(TICK_TO_PUBLISH + ".p99"), "1 event of 5 is past p80");
        assertEquals(2L, totals.get(WARMUP_TICK_TO_PUBLISH + ".count"));
        assertEquals(2L, totals.get(HopLatency.KEY_PREFIX + Hop.HICCUP.key() + ".count"), "one bot's alone");
        assertFalse(totals.containsKey(HopLatency.KEY_PREFIX + Hop.RING_TO_SEND.key() + ".count"), "no bot timed it");
        assertEquals(5L, HopLatency.readLog(runDir.resolve(Hop.TICK_TO_PUBLISH.logFile())).getTotalCount());
        assertEquals(2L, HopLatency.readLog(runDir.resolve(Hop.TICK_TO_PUBLISH.warmUpLogFile())).getTotalCount());
        assertTrue(Files.isRegularFile(runDir.resolve(Hop.TICK_TO_PUBLISH.distributionFile())));
        assertTrue(Files.isRegularFile(runDir.resolve(Hop.HICCUP.distributionFile())));
        assertFalse(Files.exists(runDir.resolve(Hop.HICCUP.warmUpLogFile())), "no warm-up, no warm-up log");
        assertFalse(Files.exists(runDir.resolve(Hop.RING_TO_SEND.logFile())));
    }

    @Test
    void shouldStampTheMergedLogFromTheFirstStartToTheLastEnd()
    {
        writeSide(1, side(1, 1, 11));
        writeSide(2, side(2, 1, 22));
        final long nowMs = System.currentTimeMillis();
        writeHopFrom(1, Hop.TICK_TO_PUBLISH, nowMs - 5_000, 1_000);
        writeHopFrom(2, Hop.TICK_TO_PUBLISH, nowMs - 2_000, 2_000);
        final Histogram first = HopLatency.readLog(BotSides.folder(runDir, 1).resolve(Hop.TICK_TO_PUBLISH.logFile()));
        final Histogram second = HopLatency.readLog(BotSides.folder(runDir, 2).resolve(Hop.TICK_TO_PUBLISH.logFile()));

        BotSides.merge(runDir, List.of(1, 2), err.stream);

        final Histogram merged = HopLatency.readLog(runDir.resolve(Hop.TICK_TO_PUBLISH.logFile()));
        assertEquals(nowMs - 5_000, first.getStartTimeStamp());
        assertEquals(first.getStartTimeStamp(), merged.getStartTimeStamp());
        assertEquals(Math.max(first.getEndTimeStamp(), second.getEndTimeStamp()), merged.getEndTimeStamp());
    }

    @Test
    void shouldReturnEachBotsKeysUnderItsSourceId()
    {
        writeSide(1, side(1, 1_000, 11));
        writeSide(2, side(2, 400, 22));

        final Map<String, Long> perBot = BotSides.merge(runDir, List.of(1, 2), err.stream);

        assertEquals(400L, perBot.get("bots.2.eventsProduced"));
        assertEquals(-1_000_000L, perBot.get("bots.2.positionE8.BTCUSDT"));
        assertEquals(2L, perBot.get("bots.2.sourceId"));
        assertEquals(22L, perBot.get("bots.2.fingerprint"));
        assertEquals(36_319L, perBot.get("bots.2.latencyNs.tickToPublish.p99"));
        assertEquals(1_000L, perBot.get("bots.1.eventsProduced"));
        assertTrue(perBot.keySet().stream().allMatch(key -> key.startsWith(BotSides.PER_BOT_PREFIX)), perBot.toString());
    }

    @Test
    void shouldCountAMissingBotAsMissingSayItOnErrAndTotalTheOthers()
    {
        writeSide(1, side(1, 1_000, 11));
        writeSide(3, side(3, 250, 33));

        final Map<String, Long> perBot = BotSides.merge(runDir, List.of(1, 2, 3), err.stream);

        assertEquals(1_250L, totals().get(Accounting.BOT_EVENTS_PRODUCED));
        assertEquals(2L, totals().get(BotSides.BOTS_MERGED));
        assertEquals(Map.of("bots.2.missing", 1L),
            filter(perBot, "bots.2."), "a bot left out has its missing key alone");
        assertEquals(1, err.lines().length, err.text());
        assertTrue(err.text().contains(BotSides.folder(runDir, 2).resolve(BotSides.SUMMARY_FILE).toString()), err.text());
    }

    @Test
    void shouldLeaveAnUnreadableBotOutWithoutThrowing() throws Exception
    {
        writeSide(1, side(1, 1_000, 11));
        final Path bad = BotSides.folder(runDir, 2).resolve(BotSides.SUMMARY_FILE);
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "{\"bot\": {\"eventsProduced\": ", StandardCharsets.UTF_8);
        writeHop(2, Hop.TICK_TO_PUBLISH, 0, 1_000);

        final Map<String, Long> perBot = BotSides.merge(runDir, List.of(1, 2), err.stream);

        assertEquals(1L, perBot.get("bots.2.missing"));
        assertEquals(1_000L, totals().get(Accounting.BOT_EVENTS_PRODUCED));
        assertFalse(totals().containsKey(TICK_TO_PUBLISH + ".count"), "a bot out of the totals is out of the latency");
        assertEquals(1, err.lines().length, err.text());
        assertTrue(err.text().contains(bad.toString()), err.text());
    }

    @Test
    void shouldWriteNoTotalsWhenNoBotLeftASide()
    {
        final Map<String, Long> perBot = BotSides.merge(runDir, List.of(1, 2), err.stream);

        assertEquals(Map.of("bots.1.missing", 1L, "bots.2.missing", 1L), perBot);
        assertFalse(Files.exists(runDir.resolve(BotSides.SUMMARY_FILE)));
        assertEquals(2, err.lines().length, err.text());
    }

    @Test
    void shouldMoveTheLowestSourceIdsConfigSectionAndDeleteTheOthers() throws Exception
    {
        for (final int id : List.of(4, 2, 3))
        {
            writeSide(id, side(id, 1, id));
            Files.writeString(BotSides.folder(runDir, id).resolve("bot.yaml"), "bot: {\n  sourceId: " + id + "\n}\n",
                StandardCharsets.UTF_8);
        }

        BotSides.merge(runDir, List.of(4, 2, 3), err.stream);

        assertEquals("bot: {\n  sourceId: 2\n}\n", Files.readString(runDir.resolve("bot.yaml"), StandardCharsets.UTF_8));
        for (final int id : List.of(4, 2, 3))
        {
            assertFalse(Files.exists(BotSides.folder(runDir, id).resolve("bot.yaml")), "bot " + id);
        }
        assertEquals("", err.text());
    }

    @Test
    void shouldLeaveTheTotalsWhereTheReportMergesTheBotSide()
    {
        writeSide(1, side(1, 1_000, 11));
        writeSide(2, side(2, 400, 22));

        BotSides.merge(runDir, List.of(1, 2), err.stream);

        assertEquals(1_400L, new ReportWriter(runDir, err.stream).mergeComponents().get(Accounting.BOT_EVENTS_PRODUCED));
    }

    @Test
    void shouldNameEachBotsFolderBySourceId()
    {
        assertEquals(runDir.resolve("bot-7"), BotSides.folder(runDir, 7));
    }

    /** A bot's side as a real bot.json holds it: its account balanced, its position short, its own latency keys. */
    private static Map<String, Long> side(final int sourceId, final long produced, final long fingerprint)
    {
        final Map<String, Long> side = new TreeMap<>();
        side.put(Accounting.BOT_EPOCH, 6_936_782_411_177_419_132L + sourceId);
        side.put(Accounting.BOT_SOURCE_ID, (long)sourceId);
        side.put(Accounting.BOT_FINGERPRINT, fingerprint);
        side.put(Accounting.BOT_EVENTS_PRODUCED, produced);
        side.put(Accounting.BOT_RING_REJECTED, 2L);
        side.put(Accounting.BOT_EVENTS_SENT, produced - 2);
        side.put(Accounting.BOT_PARTIAL, 0L);
        side.put(Accounting.BOT_SAFEPOINT_MAX_MS, 0L);
        side.put(Accounting.BOT_POSITION_E8_PREFIX + "BTCUSDT", -1_000_000L);
        side.put(TICK_TO_PUBLISH + ".p99", 36_319L);
        return side;
    }

    private void writeSide(final int sourceId, final Map<String, Long> side)
    {
        try
        {
            Files.createDirectories(BotSides.folder(runDir, sourceId));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        SummaryJson.write(BotSides.folder(runDir, sourceId).resolve(BotSides.SUMMARY_FILE), side);
    }

    /** A hop's files as the bot writes them: events 1 to {@code warmupEvents} apart, as its warm-up. */
    private void writeHop(final int sourceId, final Hop hop, final long warmupEvents, final long... valuesNs)
    {
        final HopLatency latency = HopLatency.of(hop, true, warmupEvents);
        for (int i = 0; i < valuesNs.length; i++)
        {
            latency.recordEvent(i + 1, 0, valuesNs[i]);
        }
        latency.writeFiles(BotSides.folder(runDir, sourceId), System.currentTimeMillis());
    }

    /** A hop's files, no warm-up, for a run that started at {@code startTimeMs}. */
    private void writeHopFrom(final int sourceId, final Hop hop, final long startTimeMs, final long valueNs)
    {
        final HopLatency latency = HopLatency.of(hop, true);
        latency.recordEvent(1, 0, valueNs);
        latency.writeFiles(BotSides.folder(runDir, sourceId), startTimeMs);
    }

    private Map<String, Long> totals()
    {
        return SummaryJson.read(runDir.resolve(BotSides.SUMMARY_FILE));
    }

    /** The combined fingerprint of three bots with these ids and, in source-id order, these fingerprints. */
    private long fingerprint(final List<Integer> ids, final long... fingerprints)
    {
        final List<Integer> sorted = ids.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++)
        {
            writeSide(sorted.get(i), side(sorted.get(i), 1, fingerprints[i]));
        }
        BotSides.merge(runDir, ids, err.stream);
        return totals().get(Accounting.BOT_FINGERPRINT);
    }

    private static Map<String, Long> filter(final Map<String, Long> keys, final String prefix)
    {
        final Map<String, Long> matching = new TreeMap<>();
        keys.forEach((key, value) ->
        {
            if (key.startsWith(prefix))
            {
                matching.put(key, value);
            }
        });
        return matching;
    }
}
