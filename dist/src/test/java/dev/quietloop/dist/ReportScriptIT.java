package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The human reports as a user reads them: every run writes and prints summary.txt, and
 * bin/report.sh prints the latest run and compares two runs of the same deterministic sample.
 */
class ReportScriptIT
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintEachRunsTableAndFindTwoSampleRunsAccountedTheSame() throws Exception
    {
        final String reports = dir.resolve("reports").toString();
        for (final String runId : List.of("first", "second"))
        {
            final Script.Result run = script("run-bot.sh", "--run-id", runId, "--reports", reports,
                "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff");

            assertEquals(ExitCodes.OK, run.exit(), run.output());
            final Path table = dir.resolve("reports").resolve(runId).resolve("summary.txt");
            assertTrue(Files.isRegularFile(table), run.output());
            for (final String line : Files.readAllLines(table, StandardCharsets.UTF_8))
            {
                assertTrue(run.output().contains(line), "printed at the end of the run: " + line + "\n" + run.output());
            }
            assertTrue(run.output().contains("run           " + runId + ": complete, exit code 0"), run.output());
            assertTrue(run.output().contains(": holds") && !run.output().contains("DOES NOT HOLD"), run.output());
        }
        for (final String file : List.of("summary.json", "summary.txt", "latency.png", "timeline.png", "timeline.csv",
            "tick-to-publish.hlog", "ring-to-send.hlog", "broker-dwell.hlog", "send-latency.hlog", "end-to-end.hlog",
            "tick-to-publish.hgrm", "ring-to-send.hgrm", "broker-dwell.hgrm", "send-latency.hgrm", "end-to-end.hgrm"))
        {
            assertTrue(Files.size(dir.resolve("reports/first").resolve(file)) > 0, file);
        }
        final Map<String, Long> summary = SummaryJson.read(dir.resolve("reports/first/summary.json"));
        for (final String hop : List.of("tickToPublish", "ringToSend", "brokerDwell", "externalSend", "endToEnd"))
        {
            assertTrue(summary.get("latencyNs." + hop + ".count") > 0, hop + " in " + summary);
        }
        assertEquals(summary.get("bot.eventsProduced"),
            summary.get("latencyNs.endToEnd.count") + summary.get("latencyNs.warmup.endToEnd.count"),
            "every event received at the stub is timed, the bot's warm-up apart");

        final Script.Result latest = script("report.sh", "--reports", reports);
        assertEquals(ExitCodes.OK, latest.exit(), latest.output());
        assertEquals(Files.readString(dir.resolve("reports/second/summary.txt"), StandardCharsets.UTF_8), latest.output());

        final Script.Result compare = script("report.sh", "--reports", reports, "compare", "first", "second");
        assertEquals(ExitCodes.OK, compare.exit(), compare.output());
        assertTrue(compare.output().contains("compare       A: first   B: second"), compare.output());
        assertTrue(compare.output().contains("externalSend p99"), compare.output());
        final long first = SummaryJson.read(dir.resolve("reports/first/summary.json")).get("fingerprint");
        assertEquals(first, SummaryJson.read(dir.resolve("reports/second/summary.json")).get("fingerprint"),
            "the same data, strategy and options: the same ordered events");
        assertEquals("accounting: same", compare.output().strip().lines().reduce((a, b) -> b).orElseThrow(),
            compare.output());
    }

    @Test
    void shouldNameAMissingRunInOneLine() throws Exception
    {
        final Script.Result result = script("report.sh", "--reports", dir.toString(), "no-such-run");

        assertEquals(ExitCodes.USAGE, result.exit(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().contains("no-such-run"), result.output());
    }

    private Script.Result script(final String name, final String... args) throws IOException, InterruptedException
    {
        return Script.run(dir, name, args);
    }
}
