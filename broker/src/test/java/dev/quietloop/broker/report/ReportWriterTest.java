package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.LiveHops;
import dev.quietloop.protocol.latency.LiveLatency;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.PrintCapture;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest
{
    @TempDir
    Path reports;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldWriteIntervalLogThatHistogramLogReaderReadsBack() throws Exception
    {
        final Path file = reports.resolve(ReportWriter.HLOG_FILE);
        final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
        final SendLatencyLog log = new SendLatencyLog(file, recorder, System.currentTimeMillis());
        for (int i = 1; i <= 5; i++)
        {
            recorder.recordValue(i * 1_000L);
        }
        log.rollInterval();
        log.rollInterval();
        recorder.recordValue(2_000_000L);
        recorder.recordValue(3_000_000L);
        recorder.recordValue(SendLatencyLog.HIGHEST_TRACKABLE_NS);
        log.rollInterval();
        log.close();

        long count = 0;
        int intervals = 0;
        long max = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile()))
        {
            EncodableHistogram interval;
            while (null != (interval = reader.nextIntervalHistogram()))
            {
                count += ((Histogram)interval).getTotalCount();
                max = Math.max(max, ((Histogram)interval).getMaxValue());
                intervals++;
            }
        }
        assertEquals(3, intervals);
        assertEquals(8, count);
        assertEquals(8, log.total().getTotalCount());
        assertTrue(max >= SendLatencyLog.HIGHEST_TRACKABLE_NS - SendLatencyLog.HIGHEST_TRACKABLE_NS / 1000, "max " + max);
    }

    @Test
    void shouldRollOncePerIntervalOnTheReporterClock() throws Exception
    {
        final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(10_000);
        try (SendLatencyLog log = new SendLatencyLog(reports.resolve("x.hlog"), recorder, 10_000))
        {
            final Timeline timeline = new Timeline();
            timeline.start(10_000);
            final CountersManager manager = new CountersManager(
                new UnsafeBuffer(new byte[8192]), new UnsafeBuffer(new byte[2048]));
            final AtomicCounter forwarded = manager.newCounter("forwarded");
            final Map<String, AtomicCounter> live = new LinkedHashMap<>();
            final LiveLatency liveLatency = new LiveLatency("externalSend", name ->
            {
                final AtomicCounter counter = manager.newCounter(name);
                live.put(name, counter);
                return counter;
            });
            final IntervalReporter reporter = new IntervalReporter(log, timeline, forwarded, liveLatency,
                new LiveHops(manager::newCounter), clock, 1_000);
            recorder.recordValue(5_000);
            forwarded.set(40);
            assertEquals(0, reporter.doWork());
            clock.update(10_999);
            assertEquals(0, reporter.doWork());
            clock.update(11_000);
            assertEquals(1, reporter.doWork());
            assertEquals(0, reporter.doWork());
            assertEquals(1, log.total().getTotalCount());
            assertEquals(1, live.get("live.externalSend.events").get(), "the interval, published live");
            assertEquals(5_000, live.get("live.externalSend.p99Ns").get(), 5);
            assertEquals(5_000, live.get("live.externalSend.maxNs").get(), 5);
            forwarded.set(100);
            clock.update(15_500); // a long pause: one roll, not a burst of four
            assertEquals(1, reporter.doWork());
            assertEquals(0, reporter.doWork());

            final List<Timeline.Row> rows = timeline.rows();
            assertEquals(2, rows.size());
            final Timeline.Row first = rows.get(0);
            assertEquals(1.0, first.secondsSinceStart());
            assertEquals(40, first.eventsForwarded());
            assertEquals(40.0, first.eventsPerSecond());
            assertEquals(1, first.sends());
            assertEquals(5_000, first.sendP99Ns(), 5, "within the histogram's 3 significant digits");
            assertEquals(new Timeline.Row(5.5, 60, 60 / 4.5, 0, 0), rows.get(1));
            assertEquals(0, live.get("live.externalSend.events").get(), "an interval with no send");
            assertEquals(0, live.get("live.externalSend.p99Ns").get());
        }
    }

    @Test
    void shouldMergeComponentSummariesWithSendLatencyAndOutcome()
    {
        final Path runDir = runDir("run-1");
        SummaryJson.write(runDir.resolve("bot.json"), Map.of("bot.eventsSent", 10L, "bot.ticks", 50L,
            "bot.fingerprint", -42L));
        SummaryJson.write(runDir.resolve("sidecar.json"), Map.of("sidecar.eventsReceived", 10L));
        final ReportWriter writer = new ReportWriter(runDir, err.stream);
        writer.writeBrokerCounters(Map.of("broker.eventsForwarded", 10L, "broker.undelivered", 0L));
        final Histogram total = new Histogram(SendLatencyLog.HIGHEST_TRACKABLE_NS, 3);
        for (int i = 1; i <= 1000; i++)
        {
            total.recordValue(i * 1_000L);
        }
        writer.writeDistribution(total);
        writer.writeSummary(writer.mergeComponents(), total, true, 130);

        final Map<String, Long> summary = SummaryJson.read(runDir.resolve(ReportWriter.SUMMARY_FILE));
        assertEquals(10L, summary.get("bot.eventsSent"));
        assertEquals(50L, summary.get("bot.ticks"));
        assertEquals(10L, summary.get("sidecar.eventsReceived"));
        assertEquals(10L, summary.get("broker.eventsForwarded"));
        assertEquals(0L, summary.get("broker.undelivered"));
        assertEquals(1000L, summary.get("sendLatencyNs.count"));
        for (final String key : new String[]{"p50", "p90", "p99", "p99_9", "max"})
        {
            assertTrue(summary.containsKey("sendLatencyNs." + key), key);
        }
        assertTrue(summary.get("sendLatencyNs.p50") <= summary.get("sendLatencyNs.p99"));
        for (final String key : new String[]{"count", "p50", "p90", "p99", "p99_9", "max"})
        {
            assertEquals(summary.get("sendLatencyNs." + key), summary.get("latencyNs.externalSend." + key), key);
        }
        assertEquals(-42L, summary.get("fingerprint"), "the bot's, at the top level");
        assertEquals(total.getMaxValue(), summary.get("sendLatencyNs.max"));
        assertEquals(1L, summary.get("run.partial"));
        assertEquals(130L, summary.get("run.exitCode"));
        assertTrue(Files.isRegularFile(runDir.resolve(ReportWriter.HGRM_FILE)));
    }

    @Test
    void shouldPutADownstreamHopsWarmUpBackWhenTheBotPutItsBack() throws Exception
    {
        final Path runDir = runDir("run-put-back");
        final HopLatency endToEnd = HopLatency.of(Hop.END_TO_END, true);
        endToEnd.record(0, 1_000, 60, true); // flagged frames: the stub cannot know they will be put back
        endToEnd.record(0, 2_000, 40, false);
        endToEnd.writeFiles(runDir, System.currentTimeMillis());
        SummaryJson.write(runDir.resolve("sidecar.json"), endToEnd.percentiles());
        SummaryJson.write(runDir.resolve("bot.json"), Map.of("bot.warmupEvents", 0L, "bot.warmupPutBack", 60L,
            "latencyNs.tickToPublish.count", 100L));
        final ReportWriter writer = new ReportWriter(runDir, err.stream);

        final Map<String, Long> summary = writer.writeSummary(writer.mergeComponents(), new Histogram(3), false, 0);

        assertEquals(100L, summary.get("latencyNs.endToEnd.count"), "the warm-up's 60 and the other 40");
        assertEquals(2_000L, summary.get("latencyNs.endToEnd.max"), 2);
        assertFalse(summary.keySet().stream().anyMatch(key -> key.startsWith("latencyNs.warmup.")), summary.toString());
        assertEquals(100L, HopLatency.readLog(runDir.resolve("end-to-end.hlog")).getTotalCount());
        assertFalse(Files.exists(runDir.resolve("end-to-end-warmup.hlog")));
    }

    @Test
    void shouldLeaveADownstreamHopsWarmUpApartWhenTheBotLeftItsOut()
    {
        final Path runDir = runDir("run-warm-up");
        final HopLatency endToEnd = HopLatency.of(Hop.END_TO_END, true);
        endToEnd.record(0, 1_000, 6, true);
        endToEnd.record(0, 2_000, 94, false);
        endToEnd.writeFiles(runDir, System.currentTimeMillis());
        SummaryJson.write(runDir.resolve("sidecar.json"), endToEnd.percentiles());
        SummaryJson.write(runDir.resolve("bot.json"), Map.of("bot.warmupEvents", 6L, "bot.warmupPutBack", 0L));
        final ReportWriter writer = new ReportWriter(runDir, err.stream);

        final Map<String, Long> summary = writer.writeSummary(writer.mergeComponents(), new Histogram(3), false, 0);

        assertEquals(94L, summary.get("latencyNs.endToEnd.count"));
        assertEquals(6L, summary.get("latencyNs.warmup.endToEnd.count"));
        assertTrue(Files.exists(runDir.resolve("end-to-end-warmup.hlog")));
    }

    @Test
    void shouldLeaveOutAnUnreadableComponentAndSayWhich() throws Exception
    {
        final Path runDir = runDir("run-bad");
        Files.writeString(runDir.resolve("bot.json"), "{ not json");
        final ReportWriter writer = new ReportWriter(runDir, err.stream);
        final Map<String, Long> summary = writer.writeSummary(writer.mergeComponents(), new Histogram(3), false, 0);

        assertFalse(summary.keySet().stream().anyMatch(key -> key.startsWith("bot.")));
        assertEquals(0L, summary.get("sendLatencyNs.count"));
        assertEquals(0L, summary.get("run.partial"));
        assertTrue(err.text().contains("bot.json"));
    }

    @Test
    void shouldWriteDistributionInMicroseconds() throws Exception
    {
        final Path runDir = runDir("run-hgrm");
        final Histogram total = new Histogram(SendLatencyLog.HIGHEST_TRACKABLE_NS, 3);
        total.recordValue(250_000L);
        new ReportWriter(runDir, err.stream).writeDistribution(total);

        final String hgrm = Files.readString(runDir.resolve(ReportWriter.HGRM_FILE));
        assertTrue(hgrm.contains("#[Max     =      250.1"), hgrm); // 250 000 ns within 3 digits
        assertTrue(hgrm.contains("Total count    =            1]"), hgrm);
    }

    @Test
    void shouldPointLatestAtTheLastRunWithARelativeLink() throws Exception
    {
        new ReportWriter(runDir("first"), err.stream).pointLatest();
        new ReportWriter(runDir("second"), err.stream).pointLatest();

        final Path latest = reports.resolve(ReportWriter.LATEST_LINK);
        assertTrue(Files.isSymbolicLink(latest));
        assertEquals(Path.of("second"), Files.readSymbolicLink(latest));
        assertEquals(reports.resolve("second").toRealPath(), latest.toRealPath());
        try (var entries = Files.list(reports))
        {
            assertEquals(3, entries.count(), "no staging link is left behind");
        }
    }

    private Path runDir(final String name)
    {
        try
        {
            return Files.createDirectory(reports.resolve(name));
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
