package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest
{
    @TempDir
    Path reports;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldWriteSummaryTextNextToTheJsonAndPrintTheLatestRun() throws Exception
    {
        final ReportWriter writer = new ReportWriter(Files.createDirectory(reports.resolve("run-1")), out);
        SummaryJson.write(writer.runDir().resolve(ReportWriter.SUMMARY_FILE), SummaryTextTest.sample());
        writer.writeSummaryText(SummaryTextTest.sample());
        writer.pointLatest();

        assertEquals(ExitCodes.OK, ReportMain.run(out, "--reports", reports.toString()));

        final String printed = outBytes.toString(StandardCharsets.UTF_8);
        assertEquals(Files.readString(writer.runDir().resolve(SummaryText.FILE)), printed);
        assertTrue(printed.startsWith("run           run-1: complete"), printed);
    }

    @Test
    void shouldFindARunByIdOrByPathAndCompareTwo() throws Exception
    {
        final Path a = Files.createDirectory(reports.resolve("a"));
        final Path b = Files.createDirectory(reports.resolve("b"));
        SummaryJson.write(a.resolve(ReportWriter.SUMMARY_FILE), SummaryTextTest.sample());
        SummaryJson.write(b.resolve(ReportWriter.SUMMARY_FILE), SummaryTextTest.sample());

        assertEquals(ExitCodes.OK, ReportMain.run(out, "--reports", reports.toString(), "compare", "a", b.toString()));

        final String printed = outBytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("compare       A: a   B: b"), printed);
        assertTrue(printed.endsWith("accounting: same" + System.lineSeparator()), printed);
    }

    @Test
    void shouldRefuseBadInputWithUsageExit() throws Exception
    {
        Files.createDirectory(reports.resolve("empty"));
        Files.createDirectory(reports.resolve("garbled"));
        Files.writeString(reports.resolve("garbled").resolve(ReportWriter.SUMMARY_FILE), "not json");
        final String dir = reports.toString();

        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir, "no-such-run"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir, "empty"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir, "garbled"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir, "compare", "empty"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out, "--reports", dir, "a", "b"));
        assertEquals("", outBytes.toString(StandardCharsets.UTF_8), "errors go to stderr, one line each");
    }
}
