package dev.quietloop.dist;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three real processes on ephemeral loopback ports, started as bin/run-bot.sh starts them:
 * the broker launches the sidecar stub and the bot. The accounting must balance exactly.
 */
class PipelineIT
{
    static final String BROKER = "dev.quietloop.broker.BrokerMain";
    static final Path SAMPLE = QuietloopProcess.ROOT.resolve("data/sample-quotes.csv");

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryEventOfANominalRunAndBalanceTheAccounting() throws Exception
    {
        final Map<String, Long> summary = runBroker(dir, ExitCodes.OK, "nominal");

        final long produced = summary.get("bot.eventsProduced");
        assertTrue(summary.get("bot.ticks") > 10_000, "ticks replayed: " + summary.get("bot.ticks"));
        assertTrue(produced > 0, "the strategy produced events");
        assertEquals(0, summary.get("bot.ringRejected"));
        assertEquals(produced, summary.get("bot.eventsSent"));
        assertEquals(produced, summary.get("broker.eventsReceived"));
        assertEquals(produced, summary.get("broker.eventsForwarded"));
        assertEquals(0, summary.get("broker.undelivered"));
        assertEquals(produced, summary.get("sidecar.eventsReceived"));
        assertEquals(0, summary.get("sidecar.gaps"));
        assertEquals(0, summary.get("sidecar.duplicates"));
        assertEquals(0, summary.get("sidecar.decodeErrors"));
        assertEquals(summary.get("broker.framesForwarded") - summary.get("broker.controlFrames"),
            summary.get("sendLatencyNs.count") - summary.get("broker.controlFrames"),
            "every forwarded frame, and only those, is timed");
        assertTrue(summary.get("sendLatencyNs.count") > 0);
        assertTrue(summary.get("sendLatencyNs.p50") <= summary.get("sendLatencyNs.p99"));
        assertTrue(summary.get("sendLatencyNs.p99") <= summary.get("sendLatencyNs.max"));

        // The default warm-up, told downstream by the frames' flag: every hop leaves out the same events.
        final long warmUp = summary.get("bot.warmupEvents");
        assertTrue(warmUp > 0, "a default warm-up: " + summary);
        for (final String hop : new String[]{ "tickToPublish", "ringToSend", "brokerDwell", "endToEnd" })
        {
            assertEquals(warmUp, summary.get("latencyNs.warmup." + hop + ".count"), hop + ": " + summary);
            assertEquals(produced - warmUp, summary.get("latencyNs." + hop + ".count"), hop + ": " + summary);
        }

        final Path run = dir.resolve("reports/nominal");
        assertEquals(warmUp, totalCountOf(run.resolve("end-to-end-warmup.hlog")));
        assertEquals(summary.get("sendLatencyNs.count"), totalCountOf(run.resolve("send-latency.hlog")));
        assertTrue(Files.size(run.resolve("send-latency.hgrm")) > 0);
        assertEquals(run.toRealPath(), dir.resolve("reports/latest").toRealPath());
    }

    /**
     * The naive baseline through the real pipeline: the trading thread's own socket is the bot's one
     * connection, sends no heartbeats, and the run balances as a ring run does. The warm-up leaves
     * the same events out at both ends: by sequence, as this mode flags no frame.
     */
    @Test
    void shouldBalanceTheAccountingOfADirectRunAndLeaveTheSameWarmUpOutAtBothEnds() throws Exception
    {
        final long warmupEvents = 100;
        final Map<String, Long> summary = runBroker(dir, ExitCodes.OK, "direct",
            "--bot-arg=--send-mode=direct",
            "--bot-arg=--warmup-events=" + warmupEvents,
            "--stub-arg=--warmup-events=" + warmupEvents);

        final long produced = summary.get("bot.eventsProduced");
        assertTrue(produced > warmupEvents, "events produced: " + produced);
        assertEquals(produced, summary.get("bot.eventsSent"));
        assertEquals(0, summary.get("bot.unsent"));
        assertEquals(produced + 1, summary.get("bot.framesSent"), "a frame an event, and the end of stream's");
        assertEquals(0, summary.get("bot.heartbeatsSent"));
        assertEquals(0, summary.get("sidecar.byType.heartbeat"));
        assertEquals(produced, summary.get("sidecar.eventsReceived"));
        assertEquals(0, summary.get("sidecar.gaps"));
        assertEquals(0, summary.get("broker.undelivered"));
        assertEquals(produced - warmupEvents, summary.get("latencyNs.tickToPublish.count"), summary.toString());
        assertEquals(produced - warmupEvents, summary.get("latencyNs.endToEnd.count"), summary.toString());
        assertFalse(summary.containsKey("latencyNs.ringToSend.count"), "no ring: " + summary);
        assertFalse(summary.containsKey("latencyNs.warmup.brokerDwell.count"), "no frame flagged: " + summary);
    }

    static Map<String, Long> runBroker(final Path dir, final int expectedExit, final String runId, final String... extra)
        throws IOException, InterruptedException
    {
        final String[] base = {
            "--launch-bot", "--launch-stub",
            "--data", SAMPLE.toString(),
            "--ingest", "tcp://127.0.0.1:0",
            "--reports", dir.resolve("reports").toString(),
            "--run-id", runId,
            "--jvm-options", QuietloopProcess.JVM_OPTIONS.toString(),
            "--bot-arg=--idle-trading=backoff",
        };
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        try (QuietloopProcess broker = QuietloopProcess.start(dir, BROKER, args))
        {
            final int exit = broker.waitFor(3, TimeUnit.MINUTES);
            assertEquals(expectedExit, exit, "broker exit code; output:\n" + broker.output());
            final Path summary = dir.resolve("reports").resolve(runId).resolve("summary.json");
            assertTrue(Files.exists(summary), "no summary.json; output:\n" + broker.output());
            return SummaryJson.read(summary);
        }
    }

    static long totalCountOf(final Path hlog) throws FileNotFoundException
    {
        final HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        long total = 0;
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null)
        {
            total += ((org.HdrHistogram.AbstractHistogram)interval).getTotalCount();
        }
        return total;
    }
}
