package dev.quietloop.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several bots launched under one broker, as a user runs them: {@code bin/run-bot.sh --bots 4} on
 * this 2-CPU machine at a modest rate, one account per bot and in total, each balancing; one bot
 * per {@code --data}; and one of four killed mid-run, named with what it cost while the other
 * three run to their end.
 */
class LaunchedBotsIT
{
    private static final int BOTS = 4;
    private static final String RATE = "2000";

    @TempDir
    Path dir;

    @Test
    void shouldRunFourBotsUnderOneBrokerWithAnAccountPerBotAndInTotalThatBalance() throws Exception
    {
        final Path data = generate("four.csv", 4_000, 31);
        final Path reports = dir.resolve("reports");

        final Script.Result run = Script.run(dir, "run-bot.sh", "--bots", Integer.toString(BOTS), "--data", data.toString(),
            "--rate", RATE, "--reports", reports.toString(), "--run-id", "four", "--quiet", "--no-plots");

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        final Path runDir = reports.resolve("four");
        final Map<String, Long> summary = SummaryJson.read(runDir.resolve("summary.json"));
        long produced = 0;
        for (int id = 1; id <= BOTS; id++)
        {
            final Map<String, Long> side = SummaryJson.read(runDir.resolve("bot-" + id + "/bot.json"));
            assertEquals((long)id, side.get(Accounting.BOT_SOURCE_ID), "each bot its own source id");
            final long botProduced = side.get(Accounting.BOT_EVENTS_PRODUCED);
            assertTrue(botProduced > 0, side.toString());
            assertEquals(botProduced, summary.get("bots." + id + ".eventsProduced"));
            assertEquals(botProduced, summary.get("bots." + id + ".eventsAcked"), "every event of bot " + id + " acknowledged");
            assertEquals(botProduced, summary.get("bots." + id + ".brokerReceived"), "and taken by the broker from its source");
            assertEquals(0L, summary.get("bots." + id + ".lost"));
            assertTrue(Files.isRegularFile(runDir.resolve("bot-" + id + "/tick-to-publish.hlog")), "its own hop logs");
            produced += botProduced;
        }
        assertEquals(produced, summary.get(Accounting.BOT_EVENTS_PRODUCED), "the totals are the bots' sum");
        assertEquals(produced, summary.get(Accounting.BROKER_EVENTS_RECEIVED));
        assertEquals(produced, summary.get(Accounting.BROKER_EVENTS_FORWARDED));
        assertEquals(produced, summary.get(Accounting.SIDECAR_EVENTS_RECEIVED));
        assertEquals(0L, summary.get(Accounting.SIDECAR_GAPS));
        assertEquals((long)BOTS, summary.get(Accounting.BROKER_END_OF_STREAMS));
        assertEquals(produced - summary.get("latencyNs.warmup.tickToPublish.count"), summary.get("latencyNs.tickToPublish.count"),
            "the merged hop counts every bot's events");
        final String text = Files.readString(runDir.resolve("summary.txt"));
        assertTrue(text.contains("bots          4 bots"), text);
        for (int id = 1; id <= BOTS; id++)
        {
            assertTrue(Pattern.compile("(?m)^  bot " + id + " +produced \\d+ = ring rejected 0 \\+ sent \\d+: holds").matcher(text).find(),
                text);
        }
        assertTrue(!text.contains("DOES NOT HOLD"), text);
        if (Runtime.getRuntime().availableProcessors() < BOTS + 1) // this machine: 2 CPUs
        {
            assertEquals(1, run.output().lines().filter(line -> line.contains("broker: not pinned") &&
                line.contains("4 trading threads share")).count(), "said once, where 4 bots outnumber the CPUs: " + run.output());
        }
    }

    @Test
    void shouldLaunchOneBotPerDataFile() throws Exception
    {
        final Path a = generate("a.csv", 2_000, 41);
        final Path b = generate("b.csv", 3_000, 42);
        final Path reports = dir.resolve("reports");

        final Script.Result run = Script.run(dir, "run-bot.sh", "--data", a.toString(), "--data", b.toString(),
            "--rate", RATE, "--reports", reports.toString(), "--run-id", "two", "--quiet", "--no-plots");

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        final Map<String, Long> summary = SummaryJson.read(reports.resolve("two/summary.json"));
        assertEquals(2_000L, summary.get("bots.1.ticks"));
        assertEquals(3_000L, summary.get("bots.2.ticks"));
        assertEquals(5_000L, summary.get(Accounting.BOT_TICKS));
        assertNotEquals(summary.get("bots.1.fingerprint"), summary.get("bots.2.fingerprint"), "two files, two runs");
        assertEquals(summary.get(Accounting.BOT_EVENTS_PRODUCED), summary.get(Accounting.SIDECAR_EVENTS_RECEIVED));
    }

    @Test
    void shouldNameABotKilledMidRunCountWhatItCostAndEndWithTheOthers() throws Exception
    {
        final Path data = generate("killed.csv", 12_000, 51);
        final Path reports = dir.resolve("reports");
        try (QuietloopProcess broker = QuietloopProcess.start(dir, "dev.quietloop.broker.BrokerMain",
            "--launch-stub", "--launch-bot", "--bots", Integer.toString(BOTS), "--data", data.toString(),
            "--bot-arg=--rate=" + RATE, "--bot-arg=--quiet", "--ingest", "tcp://127.0.0.1:0",
            "--reports", reports.toString(), "--run-id", "killed", "--no-plots",
            "--jvm-options", QuietloopProcess.JVM_OPTIONS.toString()))
        {
            final ProcessHandle third = awaitBot(broker, 3);
            awaitProduced(third, 1_000); // mid-replay: it has sent frames, and has more to send
            third.destroyForcibly();

            assertEquals(ExitCodes.CHILD_FAILED, broker.waitFor(120, TimeUnit.SECONDS), broker.output());
            assertTrue(broker.output().contains("broker: bot-3 (pid " + third.pid() + ") died mid-run"), broker.output());
        }
        final Map<String, Long> summary = SummaryJson.read(reports.resolve("killed/summary.json"));
        final long lost = summary.get(Accounting.RUN_LOST_WITH_PREFIX + "bot-3");
        assertEquals(1L, summary.get("bots.3.lost"));
        assertEquals(1L, summary.get("bots.3.partial"), "its side, from the counts it left");
        for (final int id : List.of(1, 2, 4))
        {
            assertEquals(0L, summary.get("bots." + id + ".lost"));
            assertEquals(12_000L, summary.get("bots." + id + ".ticks"), "bot " + id + " ran to its end");
            assertEquals(summary.get("bots." + id + ".eventsProduced"), summary.get("bots." + id + ".brokerReceived"));
        }
        assertTrue(lost >= 0 && summary.get("bots.3.ticks") < 12_000L, "it died mid-replay: " + summary);
        assertEquals(summary.get(Accounting.BROKER_EVENTS_RECEIVED), summary.get("bots.1.brokerReceived") +
            summary.get("bots.2.brokerReceived") + summary.get("bots.3.brokerReceived") + summary.get("bots.4.brokerReceived"),
            "the ingest's count per source adds up to its count");
        assertEquals(summary.get(Accounting.BOT_EVENTS_PRODUCED) - summary.get(Accounting.BOT_RING_REJECTED),
            summary.get(Accounting.BROKER_EVENTS_RECEIVED) + lost, "and so do the totals");
        assertEquals(summary.get(Accounting.BROKER_EVENTS_RECEIVED), summary.get(Accounting.SIDECAR_EVENTS_RECEIVED));
        final String text = Files.readString(reports.resolve("killed/summary.txt"));
        assertTrue(text.contains("  bot 3       LOST: "), text);
    }

    /** The launched bot with this source id, once its process is there. */
    private static ProcessHandle awaitBot(final QuietloopProcess broker, final int sourceId) throws Exception
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - deadlineNs < 0)
        {
            final Optional<ProcessHandle> bot = broker.descendants().filter(child -> child.info().arguments()
                .map(args -> String.join(" ", args).contains("--source-id " + sourceId + " ")).orElse(false)).findFirst();
            if (bot.isPresent())
            {
                return bot.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no bot with source id " + sourceId + "; output:\n" + broker.output());
    }

    /** Waits until a bot's counters file says it produced at least {@code events}. */
    private static void awaitProduced(final ProcessHandle bot, final long events) throws Exception
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (CountersDirectory.lastCounts(CountersDirectory.resolve(), "bot", bot.pid())
            .getOrDefault(Accounting.BOT_EVENTS_PRODUCED, 0L) < events)
        {
            assertTrue(System.nanoTime() - deadlineNs < 0 && bot.isAlive(), "bot " + bot.pid() + " never produced " + events);
            Thread.sleep(50);
        }
    }

    private Path generate(final String name, final int ticks, final int seed) throws Exception
    {
        final Path out = dir.resolve(name);
        final Script.Result made = Script.run(dir, "gen-market-data.sh", "--ticks", Integer.toString(ticks),
            "--seed", Integer.toString(seed), "--out", out.toString());
        assertEquals(ExitCodes.OK, made.exit(), made.output());
        return out;
    }
}
