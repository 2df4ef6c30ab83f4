package dev.quietloop.dist;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.dist.Script.Result;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/run-bot.sh as a user runs it: the main job, and bad input answered by one line that names
 * the problem, a non-zero exit and no stack trace. Runs after `package`, so the scripts find the
 * build fresh and do not rebuild.
 */
class ScriptsIT
{
    @TempDir
    Path dir;

    @Test
    void shouldRunTheMainJobAndSayWhereTheReportIs() throws Exception
    {
        final Result result = runBot("--run-id", "script", "--reports", dir.resolve("reports").toString(),
            "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff");

        assertEquals(ExitCodes.OK, result.exit(), result.output());
        final Path run = dir.resolve("reports/script");
        assertTrue(result.output().contains(run.toString()), result.output());
        final Map<String, Long> summary = SummaryJson.read(run.resolve("summary.json"));
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived"));
        // What the machine cost while the bot traded: its hiccup meter, and its JVM's safepoints.
        for (final String key : List.of("latencyNs.hiccup.count", "latencyNs.hiccup.p50", "latencyNs.hiccup.p99",
            "latencyNs.hiccup.p99_9", "latencyNs.hiccup.max", "bot.safepoints", "bot.safepointMs", "bot.safepointMaxMs"))
        {
            assertTrue(summary.containsKey(key), key + " in " + summary);
        }
        // What each of the three processes cost in CPU time, read as it ended.
        for (final String key : List.of("bot.cpuMs", "broker.cpuMs", "sidecar.cpuMs"))
        {
            assertTrue(summary.get(key) > 0, key + " in " + summary);
        }
        for (final String file : List.of("hiccup.hlog", "hiccup.hgrm", "bot-safepoints.log"))
        {
            assertTrue(Files.isRegularFile(run.resolve(file)), file);
        }
        final List<String> text = Files.readAllLines(run.resolve("summary.txt"));
        assertTrue(text.stream().anyMatch(line -> line.startsWith("  hiccup ")), text.toString());
        assertTrue(text.stream().anyMatch(line -> line.startsWith("  safepoints ")), text.toString());
        assertTrue(text.stream().anyMatch(line -> line.startsWith("cpu           bot ") &&
            line.endsWith(" ns per event delivered")), text.toString());
        // The default warm-up: timed apart from the headline, at most 10% of the events, said in summary.txt.
        final long produced = summary.get("bot.eventsProduced");
        final long warmUp = summary.get("latencyNs.warmup.tickToPublish.count");
        assertTrue(warmUp > 0 && warmUp * 10 <= produced, warmUp + " of " + produced + " events: " + summary);
        assertEquals(summary.get("bot.warmupEvents"), warmUp);
        assertEquals(produced, summary.get("latencyNs.tickToPublish.count") + warmUp, "no event dropped");
        assertTrue(Files.isRegularFile(run.resolve("tick-to-publish-warmup.hlog")));
        assertTrue(Files.readString(run.resolve("summary.txt")).contains("warm-up       the first " + warmUp + " events"),
            Files.readString(run.resolve("summary.txt")));
    }

    @Test
    void shouldExitThreeAndCountWhatADeadSidecarLeftUndelivered() throws Exception
    {
        final Result result = runBot("--run-id", "dead", "--reports", dir.resolve("reports").toString(),
            "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff", "--drain-timeout", "1",
            "--stub-arg=--exit-after=2");

        assertEquals(ExitCodes.UNDELIVERED, result.exit(), result.output());
        final Map<String, Long> summary = SummaryJson.read(dir.resolve("reports/dead/summary.json"));
        final long undelivered = summary.get("broker.undelivered");
        final long missing = summary.get("run.missingAtSidecar");
        assertTrue(missing > 0, "a sidecar that died after 2 frames misses the rest");
        assertEquals(summary.get("broker.eventsReceived"), summary.get("broker.eventsForwarded") + undelivered);
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived") + missing,
            "what the dead sidecar did not receive is counted, not lost silently");
        assertEquals(ExitCodes.UNDELIVERED, summary.get("run.exitCode"));
    }

    @Test
    void shouldDeliverEveryFrameToAPlainZeroMqPullPeer() throws Exception
    {
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setReceiveTimeOut(200);
            pull.bind("tcp://127.0.0.1:*");
            final String endpoint = pull.getLastEndpoint();
            final AtomicLong businessEvents = new AtomicLong();
            final AtomicLong endsOfStream = new AtomicLong();
            final AtomicBoolean running = new AtomicBoolean(true);
            final Thread sidecar = new Thread(() ->
            {
                final FrameDecoder decoder = new FrameDecoder(Frame.MAX_FRAME_BYTES);
                while (running.get())
                {
                    final byte[] frame = pull.recv(0);
                    if (null != frame)
                    {
                        decoder.decode(frame, 0, frame.length, event ->
                        {
                            if (event.type == EventType.END_OF_STREAM)
                            {
                                endsOfStream.incrementAndGet();
                            }
                            else if (!EventType.isControl(event.type))
                            {
                                businessEvents.incrementAndGet();
                            }
                        });
                    }
                }
                pull.close();
            }, "plain-sidecar");
            sidecar.start();

            final Result result = runBot("--sidecar", endpoint, "--run-id", "external",
                "--reports", dir.resolve("reports").toString(), "--ingest", "tcp://127.0.0.1:0",
                "--bot-arg=--idle-trading=backoff");
            running.set(false);
            sidecar.join(10_000);

            assertEquals(ExitCodes.OK, result.exit(), result.output());
            final Map<String, Long> summary = SummaryJson.read(dir.resolve("reports/external/summary.json"));
            assertEquals(summary.get("bot.eventsProduced"), businessEvents.get());
            assertEquals(1, endsOfStream.get());
            assertEquals(0, summary.get("broker.undelivered"));
            assertTrue(summary.get("bot.cpuMs") > 0 && summary.get("broker.cpuMs") > 0, summary.toString());
            assertFalse(summary.containsKey("sidecar.cpuMs"), "an external sidecar's CPU is not known: " + summary);
        }
    }

    @Test
    void shouldReplayACompressedBinanceFileAtAFixedRateWithProgressAndPnl() throws Exception
    {
        final Path data = dir.resolve("BTCUSDT-bookTicker-2024-01-02.csv.gz");
        final int rows = 3_000;
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(data)), StandardCharsets.US_ASCII))
        {
            out.write("update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time\n");
            for (int i = 0; i < rows; i++)
            {
                // A mid that swings every 200 rows, so the moving averages cross and the strategy trades.
                final long bidCents = 4_200_000 + (i / 200 % 2 == 0 ? i % 200 : 200 - i % 200) * 50;
                out.write((1_000_000 + i) + "," + bidCents / 100 + "." + String.format("%02d", bidCents % 100) +
                    ",1.5," + (bidCents + 10) / 100 + "." + String.format("%02d", (bidCents + 10) % 100) + ",2.25," +
                    (1_704_153_600_000L + i) + "," + (1_704_153_600_001L + i) + "\n");
            }
            out.write("1,NaN,1,2,1,1704153600000,1704153600000\n");
        }

        final Result result = runBot("--data", data.toString(), "--rate", "1500", "--run-id", "binance",
            "--reports", dir.resolve("reports").toString(), "--ingest", "tcp://127.0.0.1:0",
            "--bot-arg=--idle-trading=backoff");

        assertEquals(ExitCodes.OK, result.exit(), result.output());
        assertTrue(result.output().contains("as binance-bookticker (gzip), 1 symbol, 1 malformed rows skipped"),
            result.output());
        assertTrue(result.output().contains("bot: progress "), "a two-second replay prints progress:\n" + result.output());
        final Map<String, Long> summary = SummaryJson.read(dir.resolve("reports/binance/summary.json"));
        assertEquals(rows, summary.get("bot.ticks"));
        assertEquals(1, summary.get("bot.rejected.notFinite"));
        assertTrue(summary.get("bot.fills") > 0, "the default strategy traded: " + summary);
        assertTrue(summary.containsKey("bot.pnlE8"), summary.toString());
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived"));
        assertEquals(summary.get("bot.fills"), summary.get("sidecar.byType.position"));
    }

    @Test
    void shouldRefuseTheFirstBadRowWhenStrictNamingItsLine() throws Exception
    {
        final Path data = dir.resolve("quotes.csv");
        Files.writeString(data, "timestamp_ns,symbol,bid_price,bid_size,ask_price,ask_size\n" +
            "1000,BTCUSDT,100.0,1.0,100.5,2.0\n" +
            "2000,BTCUSDT,100.0,1.0\n");

        final Result result = runBot("--data", data.toString(), "--strict", "--reports", dir.resolve("reports").toString(),
            "--ingest", "tcp://127.0.0.1:0");

        assertOneLineError(result, data + ":3: fieldCount");
        assertTrue(!Files.exists(dir.resolve("reports/latest")), "no report for a refused input");
    }

    @Test
    void shouldExplainUsageWithHelp() throws Exception
    {
        final Result result = runBot("--help");

        assertEquals(ExitCodes.OK, result.exit());
        assertTrue(result.output().contains("--drain-timeout"), result.output());
        assertTrue(result.output().contains("--sidecar"), result.output());
    }

    @Test
    void shouldNameAnUnknownFlag() throws Exception
    {
        assertOneLineError(runBot("--bogus-flag"), "--bogus-flag");
    }

    @Test
    void shouldNameAMissingDataFile() throws Exception
    {
        final Path missing = dir.resolve("no-such-quotes.csv");

        assertOneLineError(runBot("--data", missing.toString()), missing.toString());
    }

    @Test
    void shouldNameAFileThatIsNotMarketData() throws Exception
    {
        final Path notQuotes = dir.resolve("notes.txt");
        Files.writeString(notQuotes, "dear diary,\ntoday the market went up\n");

        final Result result = runBot("--data", notQuotes.toString(), "--reports", dir.resolve("reports").toString(),
            "--ingest", "tcp://127.0.0.1:0");

        assertOneLineError(result, notQuotes.toString());
    }

    @Test
    void shouldNameATakenPort() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final String endpoint = "tcp://127.0.0.1:" + taken.getLocalPort();

            final Result result = runBot("--ingest", endpoint, "--reports", dir.resolve("reports").toString());

            assertOneLineError(result, endpoint);
            assertTrue(result.output().contains("in use"), result.output());
        }
    }

    @Test
    void shouldGenerateTheSameMarketDataForTheSameSeed() throws Exception
    {
        final Path a = dir.resolve("a.csv");
        final Path b = dir.resolve("b.csv");

        assertEquals(0, script("gen-market-data.sh", "--ticks", "2000", "--seed", "7", "--out", a.toString()).exit());
        assertEquals(0, script("gen-market-data.sh", "--ticks", "2000", "--seed", "7", "--out", b.toString()).exit());

        assertEquals(-1L, Files.mismatch(a, b));
        assertEquals(2001, Files.readAllLines(a).size(), "a header and one line per tick");
    }

    static void assertOneLineError(final Result result, final String named)
    {
        assertEquals(ExitCodes.USAGE, result.exit(), result.output());
        final List<String> lines = result.output().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line of error, got:\n" + result.output());
        assertTrue(lines.get(0).contains(named), lines.get(0));
        assertTrue(!result.output().contains("Exception") && !result.output().contains("\tat "), result.output());
    }

    private Result runBot(final String... args) throws IOException, InterruptedException
    {
        return script("run-bot.sh", args);
    }

    private Result script(final String name, final String... args) throws IOException, InterruptedException
    {
        return Script.run(dir, name, args);
    }
}
