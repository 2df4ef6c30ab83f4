package dev.quietloop.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bots apart, feeding one broker: one that runs to its end (12 s at 2,000 ticks/s), a second that
 * claims the first's source id while the first is live (refused, every frame, and told so; it
 * waits for its link before it replays, so that its frames come while the first runs), and a third killed
 * mid-run (declared lost once silent past {@code --bot-timeout}, and the run goes on). The run
 * ends on the first's end of stream and the third's loss, and its exit code says that not every
 * event could be proven.
 */
class SeveralBotsIT
{
    private static final Pattern INGEST = Pattern.compile(Readiness.PREFIX + "broker (tcp://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern BOT_READY = Pattern.compile(Readiness.PREFIX + "bot ");

    @TempDir
    Path dir;

    @Test
    void shouldRefuseASourceIdInUseDeclareAKilledBotLostAndEndOnTheOthers() throws Exception
    {
        final Path data = generate("a.csv", 24_000);
        final Path small = generate("b.csv", 1_000);
        final Path reports = dir.resolve("reports");
        try (QuietloopProcess broker = QuietloopProcess.start(dir, "dev.quietloop.broker.BrokerMain",
            "--launch-stub", "--expect-bots", "2", "--bot-timeout", "2", "--ingest", "tcp://127.0.0.1:0",
            "--reports", reports.toString(), "--run-id", "several", "--no-plots",
            "--jvm-options", QuietloopProcess.JVM_OPTIONS.toString()))
        {
            final String ingest = broker.awaitOutput(INGEST, 60, TimeUnit.SECONDS);
            try (QuietloopProcess first = bot(ingest, data, 1, "first");
                QuietloopProcess lost = bot(ingest, data, 2, "lost"))
            {
                first.awaitOutput(BOT_READY, 60, TimeUnit.SECONDS); // linked: its frames flow from here on
                lost.awaitOutput(BOT_READY, 60, TimeUnit.SECONDS);
                try (QuietloopProcess clash = bot(ingest, small, 1, "clash", "--drain-timeout", "2",
                    "--link-wait-ms", "10000"))
                {
                    Thread.sleep(1_000); // the lost bot's frames have reached the broker: it has a source to lose
                    lost.kill();
                    assertEquals(ExitCodes.UNDELIVERED, clash.waitFor(60, TimeUnit.SECONDS), clash.output());
                    assertEquals(ExitCodes.OK, first.waitFor(60, TimeUnit.SECONDS), first.output());
                    assertEquals(ExitCodes.UNDELIVERED, broker.waitFor(60, TimeUnit.SECONDS), broker.output());
                }
            }
            final String output = broker.output();
            assertTrue(output.contains("broker: refusing the frames of a second bot with source id 1"), output);
            assertTrue(output.contains("broker: the bot with source id 2 is lost: no frame for 2 s"), output);
        }

        final Map<String, Long> summary = SummaryJson.read(reports.resolve("several/summary.json"));
        final Map<String, Long> first = SummaryJson.read(dir.resolve("first.json"));
        final Map<String, Long> clash = SummaryJson.read(dir.resolve("clash.json"));
        assertEquals(24_000L, first.get(Accounting.BOT_EVENTS_PRODUCED));
        assertEquals(24_000L, first.get(Accounting.BOT_EVENTS_ACKED), "the first bot's events, every one taken");
        assertEquals(0L, clash.get(Accounting.BOT_EVENTS_ACKED), "the second bot's, none");
        assertEquals(clash.get(Accounting.BOT_EVENTS_SENT), clash.get(Accounting.BOT_UNACKED), "and it counted them so");
        assertTrue(summary.get(Accounting.BROKER_SOURCE_IN_USE) > 0, summary.toString());
        assertEquals(1L, summary.get(Accounting.BROKER_SOURCE_IN_USE_ID));
        assertEquals(1L, summary.get(Accounting.BROKER_BOTS_LOST));
        assertEquals(2L, summary.get(Accounting.BROKER_BOT_LOST_SOURCE));
        assertEquals(1L, summary.get(Accounting.BROKER_END_OF_STREAMS), "the first bot's; the second's was refused");
        final long received = summary.get(Accounting.BROKER_EVENTS_RECEIVED);
        assertTrue(received > 24_000, "the first bot's events and what the lost one sent before it died: " + received);
        assertEquals(received, summary.get(Accounting.BROKER_EVENTS_FORWARDED));
        assertEquals(received, summary.get(Accounting.SIDECAR_EVENTS_RECEIVED), "every event the broker took reached the stub");
        final String text = Files.readString(reports.resolve("several/summary.txt"));
        assertTrue(text.contains("bots lost   1 (the last, source id 2)"), text);
        assertTrue(text.contains("frames of a second bot claiming source id 1"), text);
    }

    private QuietloopProcess bot(final String ingest, final Path data, final int sourceId, final String name,
        final String... more) throws Exception
    {
        final String[] args = {"--data", data.toString(), "--broker", ingest, "--source-id", Integer.toString(sourceId),
            "--rate", "2000", "--strategy", "tick-signal", "--quiet", "--summary", dir.resolve(name + ".json").toString()};
        final String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return QuietloopProcess.start(dir, "dev.quietloop.bot.BotMain", all);
    }

    private Path generate(final String name, final int ticks) throws Exception
    {
        final Path out = dir.resolve(name);
        final Script.Result made = Script.run(dir, "gen-market-data.sh", "--ticks", Integer.toString(ticks),
            "--seed", "21", "--out", out.toString());
        assertEquals(ExitCodes.OK, made.exit(), made.output());
        return out;
    }
}
