package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class SummaryTextTest
{
    static Map<String, Long> sample()
    {
        final Map<String, Long> s = new TreeMap<>();
        s.put("bot.ticks", 50_000L);
        s.put("bot.ticksRejected", 3L);
        s.put("bot.rejected.crossedBook", 2L);
        s.put("bot.rejected.notFinite", 1L);
        s.put("bot.rejected.badSymbol", 0L);
        s.put("bot.eventsProduced", 4092L);
        s.put("bot.ringRejected", 2L);
        s.put("bot.eventsSent", 4090L);
        s.put("bot.ordersPlaced", 1019L);
        s.put("bot.fills", 1027L);
        s.put("bot.pnlE8", -50_425_000L);
        s.put("bot.positionE8.BTCUSDT", -1_000_000L);
        s.put("bot.positionE8.ETHUSDT", 150_000_000L);
        s.put("sidecar.eventsReceived", 4090L);
        s.put("sidecar.gaps", 2L);
        s.put("sidecar.duplicates", 0L);
        s.put("broker.eventsReceived", 4090L);
        s.put("broker.eventsForwarded", 4090L);
        s.put("broker.undelivered", 0L);
        s.put("sendLatencyNs.count", 53L);
        s.put("sendLatencyNs.p50", 8_567L);
        s.put("sendLatencyNs.p90", 141_695L);
        s.put("sendLatencyNs.p99", 2_439_167L);
        s.put("sendLatencyNs.p99_9", 2_439_167L);
        s.put("sendLatencyNs.max", 2_439_167L);
        s.put("run.partial", 0L);
        s.put("run.exitCode", 0L);
        return s;
    }

    @Test
    void shouldShowTheBalanceEquationsAndThatTheyHold()
    {
        final List<String> lines = SummaryText.render("x", sample());

        assertEquals("run           x: complete, exit code 0", lines.get(0));
        assertTrue(lines.contains("  bot         produced 4092 = ring rejected 2 + sent 4090: holds"), lines.toString());
        assertTrue(lines.contains("  sidecar     received 4090 - duplicates 0 + gaps 2 = produced 4092: holds"),
            lines.toString());
        assertTrue(lines.contains("  transport   gaps 2 = ring rejected 2 + lost in transport 0: holds"), lines.toString());
        assertTrue(lines.contains("  losses      not received 2 = ring rejected 2 + unsent 0 + undelivered 0 + " +
            "dropped at close 0: holds"), lines.toString());
    }

    @Test
    void shouldSayWhenTheSidecarSideDoesNotBalance()
    {
        final Map<String, Long> s = sample();
        s.put("sidecar.eventsReceived", 4000L);
        s.put("run.partial", 1L);

        final List<String> lines = SummaryText.render("x", s);

        assertTrue(lines.get(0).contains("PARTIAL"), lines.get(0));
        assertTrue(lines.contains("  sidecar     received 4000 - duplicates 0 + gaps 2 = produced 4092: DOES NOT HOLD"),
            lines.toString());
        assertTrue(lines.contains("  losses      not received 92 = ring rejected 2 + unsent 0 + undelivered 0 + " +
            "dropped at close 90: 90 counted by no process, only here"), lines.toString());
    }

    @Test
    void shouldShowPnlAndPositionsAsDecimals()
    {
        final List<String> lines = SummaryText.render("x", sample());

        assertTrue(lines.contains("  pnl         -0.50425"), lines.toString());
        assertTrue(lines.contains("  positions   BTCUSDT -0.01, ETHUSDT 1.5"), lines.toString());
        assertEquals("0", SummaryText.e8(0));
        assertEquals("12345.00000001", SummaryText.e8(1_234_500_000_001L));
    }

    @Test
    void shouldSayThatEndToEndComparedTwoClocksOnlyWhenTheBotOrTheSidecarRanApart()
    {
        final Map<String, Long> apart = sample();
        apart.put("run.sameHost", 0L);
        final Map<String, Long> here = sample();
        here.put("run.sameHost", 1L);

        assertTrue(SummaryText.render("x", apart).stream().anyMatch(line -> line.startsWith("clocks        endToEnd " +
            "compares two clocks")), SummaryText.render("x", apart).toString());
        assertTrue(SummaryText.render("x", here).stream().noneMatch(line -> line.startsWith("clocks")));
        assertTrue(SummaryText.render("x", sample()).stream().noneMatch(line -> line.startsWith("clocks")),
            "a summary from before the key: nothing said");
    }

    @Test
    void shouldShowTheRiskRejectionsByTheLimitTheyBroke()
    {
        final Map<String, Long> s = sample();
        s.put("bot.ordersRejected", 3L);
        s.put("bot.ordersRejectedBy.maxPosition", 2L);
        s.put("bot.ordersRejectedBy.maxOrderSize", 1L);
        s.put("bot.ordersRejectedBy.invalid", 0L);

        assertTrue(SummaryText.render("x", s).stream().anyMatch(line -> line.contains(
            "3 rejected (maxOrderSize 1, maxPosition 2), ")), SummaryText.render("x", s).toString());
    }

    @Test
    void shouldListOnlyTheNonZeroRejectionsOrNone()
    {
        assertTrue(SummaryText.render("x", sample()).contains("rejections    crossedBook 2, notFinite 1"));

        final Map<String, Long> clean = sample();
        clean.put("bot.rejected.crossedBook", 0L);
        clean.put("bot.rejected.notFinite", 0L);
        assertTrue(SummaryText.render("x", clean).contains("rejections    none"));
    }

    @Test
    void shouldAddARowInMicrosForEveryHopHistogram()
    {
        final Map<String, Long> s = sample();
        s.put("latencyNs.tickToPublish.count", 4092L);
        s.put("latencyNs.tickToPublish.p50", 250L);
        s.put("latencyNs.tickToPublish.p99", 1_250L);

        final List<String> lines = SummaryText.render("x", s);

        final int header = lines.indexOf(
            "latency (us)         count       p50       p90       p99     p99.9       max");
        assertTrue(header > 0, lines.toString());
        assertEquals("  send                  53       8.6     141.7    2439.2    2439.2    2439.2", lines.get(header + 1));
        assertEquals("  tickToPublish       4092       0.3         -       1.3         -         -", lines.get(header + 2));
    }

    @Test
    void shouldShowTheHiccupMeterAndTheSafepointsUnderTickToPublish()
    {
        final Map<String, Long> s = sample();
        for (final String hop : List.of("tickToPublish", "ringToSend", "hiccup"))
        {
            s.put("latencyNs." + hop + ".count", 40L);
            s.put("latencyNs." + hop + ".p99", 25_000L);
        }
        s.put("bot.safepoints", 13L);
        s.put("bot.safepointMs", 138L);
        s.put("bot.safepointMaxMs", 0L);

        final List<String> lines = SummaryText.render("x", s);

        final int tick = lines.indexOf("  tickToPublish         40         -         -      25.0         -         -");
        assertTrue(tick > 0, lines.toString());
        assertEquals("  hiccup                40         -         -      25.0         -         -", lines.get(tick + 1));
        assertEquals("  safepoints    13 in the bot JVM, 138 ms in all, the longest < 0.5 ms", lines.get(tick + 2));
        assertTrue(lines.get(tick + 3).startsWith("  ringToSend "), lines.toString());
    }

    @Test
    void shouldShowTheSafepointsWithoutAnyHopTimed()
    {
        final Map<String, Long> s = sample();
        s.keySet().removeIf(key -> key.startsWith("sendLatencyNs."));
        s.put("bot.safepoints", 0L);
        s.put("bot.safepointMs", 0L);
        s.put("bot.safepointMaxMs", 0L);

        final List<String> lines = SummaryText.render("x", s);

        final int none = lines.indexOf("latency (us)  none recorded");
        assertTrue(none > 0, lines.toString());
        assertEquals("  safepoints  0 in the bot JVM, 0 ms in all, the longest 0 ms", lines.get(none + 1));
        assertTrue(SummaryText.render("x", sample()).stream().noneMatch(line -> line.contains("safepoints")),
            "a bot started apart, without the log: no line");
    }

    @Test
    void shouldShowEachProcessesCpuAfterTheLatencyAndAllThreePerEventDelivered()
    {
        final Map<String, Long> s = sample();
        s.put("bot.cpuMs", 2_310L);
        s.put("broker.cpuMs", 1_020L);
        s.put("sidecar.cpuMs", 940L);

        final List<String> lines = SummaryText.render("x", s);

        // (2,310 + 1,020 + 940) ms over the 4,090 events the sidecar received.
        final int cpu = lines.indexOf("cpu           bot 2,310 ms, broker 1,020 ms, sidecar stub 940 ms " +
            "(whole processes, start-up included); 1,044,010 ns per event delivered");
        assertTrue(cpu > 0 && lines.subList(0, cpu).stream().anyMatch(line -> line.startsWith("latency (us)")),
            lines.toString());
        assertTrue(SummaryText.render("x", sample()).stream().noneMatch(line -> line.startsWith("cpu")),
            "a summary from before the CPU was recorded: no line");
    }

    @Test
    void shouldSayWhoseCpuIsNotKnownAndGiveNoFigurePerEventWithoutIt()
    {
        final Map<String, Long> external = sample();
        external.keySet().removeIf(key -> key.startsWith("sidecar."));
        external.put("bot.cpuMs", 2_310L);
        external.put("broker.cpuMs", 1_020L);
        final Map<String, Long> botsApart = new TreeMap<>();
        botsApart.put("broker.eventsReceived", 10L);
        botsApart.put("broker.cpuMs", 12L);
        botsApart.put("sidecar.eventsReceived", 10L);
        botsApart.put("sidecar.cpuMs", 0L);
        final Map<String, Long> nothingDelivered = sample();
        nothingDelivered.put("sidecar.eventsReceived", 0L);
        nothingDelivered.put("bot.cpuMs", 1L);
        nothingDelivered.put("broker.cpuMs", 1L);
        nothingDelivered.put("sidecar.cpuMs", 1L);

        assertTrue(SummaryText.render("x", external).contains("cpu           bot 2,310 ms, broker 1,020 ms, " +
            "external sidecar not known (whole processes, start-up included); per event: not known without all three"),
            SummaryText.render("x", external).toString());
        assertTrue(SummaryText.render("x", botsApart).contains("cpu           bot not known (ran apart), broker 12 ms, " +
            "sidecar stub 0 ms (whole processes, start-up included); per event: not known without all three"),
            SummaryText.render("x", botsApart).toString());
        assertTrue(SummaryText.render("x", nothingDelivered).stream()
            .anyMatch(line -> line.startsWith("cpu ") && line.endsWith("; no event delivered")));
    }

    @Test
    void shouldListTheHopsInTheOrderAnEventPassesThemWithTheHeadlineOnce()
    {
        final Map<String, Long> s = sample();
        for (final String hop : List.of("endToEnd", "zebra", "externalSend", "brokerDwell", "tickToPublish", "ringToSend"))
        {
            s.put("latencyNs." + hop + ".count", 1L);
        }

        final List<String> lines = SummaryText.render("x", s);

        final int header = lines.indexOf(
            "latency (us)         count       p50       p90       p99     p99.9       max");
        final List<String> rows = lines.subList(header + 1, header + 7).stream()
            .map(line -> line.trim().split(" +")[0]).toList();
        assertEquals(List.of("tickToPublish", "ringToSend", "brokerDwell", "externalSend", "endToEnd", "zebra"), rows);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("  send ")), lines.toString());
    }

    @Test
    void shouldSayWhatIsNotKnownWithoutTheOtherSides()
    {
        final Map<String, Long> s = new TreeMap<>();
        s.put("broker.eventsReceived", 10L);

        final List<String> lines = SummaryText.render("x", s);

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  bot         not in this summary")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  sidecar     not in this summary")), lines.toString());
        assertTrue(lines.contains("latency (us)  none recorded"), lines.toString());
    }

    @Test
    void shouldCountWhatTheBotSentAndTheBrokerNeverReadWhenTheSidecarIsExternal()
    {
        final Map<String, Long> s = new TreeMap<>();
        s.put("bot.eventsProduced", 5_000L);
        s.put("bot.eventsSent", 5_000L);
        s.put("broker.eventsReceived", 3_521L);
        s.put("broker.eventsForwarded", 1_085L);
        s.put("broker.undelivered", 2_436L);
        s.put("run.droppedAtBotClose", 1_479L);

        final List<String> lines = SummaryText.render("x", s);

        assertTrue(lines.contains("  losses      sent by the bot 5000 - received by the broker 3521 = dropped at close 1479: " +
            "counted by no process, only here"), lines.toString());
        s.remove("run.droppedAtBotClose");
        assertTrue(SummaryText.render("x", s).stream().noneMatch(l -> l.startsWith("  losses")), "nothing dropped");
    }

    @Test
    void shouldShowTheWarmUpOnItsOwnRowsAfterTheHopsAndSayWhatWasLeftOut()
    {
        final Map<String, Long> s = sample();
        for (final String hop : List.of("tickToPublish", "ringToSend", "warmup.ringToSend", "warmup.tickToPublish", "zebra"))
        {
            s.put("latencyNs." + hop + ".count", 1L);
        }
        s.put("latencyNs.warmup.tickToPublish.count", 176L);
        s.put("latencyNs.warmup.tickToPublish.p99", 13_615_100L);
        s.put("bot.warmupEvents", 176L);
        s.put("bot.warmupTicks", 2_500L);

        final List<String> lines = SummaryText.render("x", s);

        final int header = lines.indexOf(
            "latency (us)                count       p50       p90       p99     p99.9       max");
        assertTrue(header > 0, "the label column is as wide as the longest row name: " + lines);
        final List<String> rows = lines.subList(header + 2, header + 7).stream()
            .map(line -> line.trim().split(" +")[0]).toList();
        assertEquals(List.of("tickToPublish", "ringToSend", "zebra", "warmup.tickToPublish", "warmup.ringToSend"), rows);
        assertTrue(lines.contains(
            "  warmup.tickToPublish        176         -         -   13615.1         -         -"), lines.toString());
        assertEquals("warm-up       the first 176 events (4.3%), those of the first 2500 ticks (5.0%): left out of the " +
            "headline, timed in the warmup rows", lines.get(header + 7));
    }

    @Test
    void shouldShowTheDownstreamHopsWarmUpBesideTheBotsAndSayTheyLeaveItOutToo()
    {
        final Map<String, Long> s = sample();
        for (final String hop : List.of("endToEnd", "brokerDwell", "ringToSend", "tickToPublish"))
        {
            s.put("latencyNs." + hop + ".count", 3_916L);
            s.put("latencyNs.warmup." + hop + ".count", 176L);
        }
        s.put("latencyNs.warmup.endToEnd.p50", 21_000_000L);
        s.put("bot.warmupEvents", 176L);
        s.put("bot.warmupTicks", 2_500L);

        final List<String> lines = SummaryText.render("x", s);

        final int header = lines.indexOf(
            "latency (us)                count       p50       p90       p99     p99.9       max");
        final List<String> rows = lines.subList(header + 2, header + 10).stream()
            .map(line -> line.trim().split(" +")[0]).toList();
        assertEquals(List.of("tickToPublish", "ringToSend", "brokerDwell", "endToEnd", "warmup.tickToPublish",
            "warmup.ringToSend", "warmup.brokerDwell", "warmup.endToEnd"), rows);
        assertTrue(lines.contains(
            "  warmup.endToEnd             176   21000.0         -         -         -         -"), lines.toString());
        assertEquals("warm-up       the first 176 events (4.3%), those of the first 2500 ticks (5.0%): left out of the " +
            "headline, downstream too (brokerDwell, endToEnd), timed in the warmup rows", lines.get(header + 10));

        s.keySet().removeIf(key -> key.startsWith("latencyNs.warmup.endToEnd"));
        assertTrue(SummaryText.render("x", s).stream().anyMatch(line -> line.endsWith(
            "left out of the headline, downstream too (brokerDwell), timed in the warmup rows")), "an external sidecar");
    }

    @Test
    void shouldSayWhichRuleSetTheWarmUpOrThatThereWasNone()
    {
        final Map<String, Long> s = sample();
        s.put("bot.warmupEvents", 100L);
        s.put("bot.warmupTicks", 0L);
        assertTrue(SummaryText.render("x", s).contains(
            "warm-up       the first 100 events (2.4%), set by --warmup-events: left out of the headline"));

        s.put("bot.warmupEvents", 0L);
        assertTrue(SummaryText.render("x", s).contains("warm-up       none: every event is in the headline"));

        s.put("bot.warmupTicks", 2_500L);
        assertTrue(SummaryText.render("x", s).contains("warm-up       none: the first 2500 ticks (5.0%) made no events"),
            SummaryText.render("x", s).toString());

        s.put("bot.warmupPutBack", 500L);
        assertTrue(SummaryText.render("x", s).contains("warm-up       none: the 500 events of the first 2500 ticks (5.0%) " +
            "were more than 10% of the run's, so the headline has them all"), SummaryText.render("x", s).toString());

        s.remove("bot.warmupEvents");
        assertTrue(SummaryText.render("x", s).stream().noneMatch(line -> line.startsWith("warm-up")),
            "a summary from before the warm-up, or without a bot");
    }

    /** {@link #sample()} as the totals of 4 bots: bot 3 was lost before it sent anything and left no summary. */
    static Map<String, Long> fourBots()
    {
        final Map<String, Long> s = sample();
        putBot(s, 1, 1_000, 0, 1_000, 12_300);
        putBot(s, 2, 1_500, 2, 1_498, 15_100);
        s.put("bots.3.missing", 1L);
        s.put("bots.3.lost", 1L);
        s.put("bots.3.brokerReceived", 0L);
        putBot(s, 4, 1_592, 0, 1_592, 9_800);
        return s;
    }

    private static void putBot(
        final Map<String, Long> s, final int id, final long produced, final long ringRejected, final long sent,
        final long tickToPublishP99Ns)
    {
        s.put("bots." + id + ".eventsProduced", produced);
        s.put("bots." + id + ".ringRejected", ringRejected);
        s.put("bots." + id + ".eventsSent", sent);
        s.put("bots." + id + ".eventsAcked", sent);
        s.put("bots." + id + ".unacked", 0L);
        s.put("bots." + id + ".brokerReceived", sent);
        s.put("bots." + id + ".latencyNs.tickToPublish.count", produced);
        s.put("bots." + id + ".latencyNs.tickToPublish.p99", tickToPublishP99Ns);
    }

    @Test
    void shouldShowNoLatencyForABotThatTimedNoEvent()
    {
        final Map<String, Long> s = sample();
        putBot(s, 1, 10, 0, 10, 5_000);
        putBot(s, 2, 0, 0, 0, 0);

        final List<String> lines = SummaryText.render("x", s);

        final int title = lines.indexOf("bots          2 bots, each on its own (the totals are above)");
        assertTrue(lines.get(title + 1).endsWith("; tickToPublish p99 5.0 us"), lines.get(title + 1));
        assertEquals("  bot 2       produced 0 = ring rejected 0 + sent 0: holds; acknowledged 0, unacknowledged 0; " +
            "received by the broker 0", lines.get(title + 2));
    }

    @Test
    void shouldShowEachBotsOwnAccountInSourceIdOrderBetweenTheAccountingAndTheTrading()
    {
        final List<String> lines = SummaryText.render("x", fourBots());

        final int title = lines.indexOf("bots          4 bots, each on its own (the totals are above)");
        assertTrue(title > lines.indexOf("accounting"), lines.toString());
        assertTrue(lines.get(title - 1).startsWith("  losses"), "the accounting's last line comes before");
        assertEquals(List.of(
            "  bot 1       produced 1000 = ring rejected 0 + sent 1000: holds; acknowledged 1000, unacknowledged 0; " +
                "received by the broker 1000; tickToPublish p99 12.3 us",
            "  bot 2       produced 1500 = ring rejected 2 + sent 1498: holds; acknowledged 1498, unacknowledged 0; " +
                "received by the broker 1498; tickToPublish p99 15.1 us",
            "  bot 3       LOST: no summary; received by the broker 0",
            "  bot 4       produced 1592 = ring rejected 0 + sent 1592: holds; acknowledged 1592, unacknowledged 0; " +
                "received by the broker 1592; tickToPublish p99 9.8 us",
            "trading"), lines.subList(title + 1, title + 6));
    }

    @Test
    void shouldMarkALostBotAndSayWhenItsOwnAccountDoesNotHold()
    {
        final Map<String, Long> s = sample();
        putBot(s, 2, 400, 0, 390, 20_000);
        s.put("bots.2.unsent", 4L);
        s.put("bots.2.lost", 1L);
        putBot(s, 10, 50, 0, 50, 1_000);

        final List<String> lines = SummaryText.render("x", s);

        final int title = lines.indexOf("bots          2 bots, each on its own (the totals are above)");
        assertEquals("  bot 2       LOST: produced 400 = ring rejected 0 + sent 390 + unsent 4: DOES NOT HOLD; " +
            "acknowledged 390, unacknowledged 0; received by the broker 390; tickToPublish p99 20.0 us", lines.get(title + 1));
        assertTrue(lines.get(title + 2).startsWith("  bot 10      produced 50 = ring rejected 0 + sent 50: holds;"),
            "source id 10 after 2, by number: " + lines);
    }

    @Test
    void shouldShowNoBotsSectionAndChangeNothingElseForOneBot()
    {
        final List<String> oneBot = SummaryText.render("x", sample());
        final List<String> fourBots = new ArrayList<>(SummaryText.render("x", fourBots()));
        fourBots.removeIf(line -> line.startsWith("bots ") || line.matches("  bot \\d+ .*"));

        assertTrue(oneBot.stream().noneMatch(line -> line.startsWith("bots")), oneBot.toString());
        assertEquals(oneBot, fourBots);
    }
}
