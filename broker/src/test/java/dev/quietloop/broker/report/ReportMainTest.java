package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest
{
    @TempDir
    Path reports;

    private final PrintCapture out = new PrintCapture();

    @Test
    void shouldWriteSummaryTextNextToTheJsonAndPrintTheLatestRun() throws Exception
    {
        final ReportWriter writer = new ReportWriter(Files.createDirectory(reports.resolve("run-1")), out.stream);
        SummaryJson.write(writer.runDir().resolve(ReportWriter.SUMMARY_FILE), SummaryTextTest.sample());
        writer.writeSummaryText(SummaryTextTest.sample());
        writer.pointLatest();

        assertEquals(ExitCodes.OK, ReportMain.run(out.stream, "--reports", reports.toString()));

        final String printed = out.text();
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

        assertEquals(ExitCodes.OK, ReportMain.run(out.stream, "--reports", reports.toString(), "compare", "a", b.toString()));

        final String printed = out.text();
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

        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir, "no-such-run"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir, "empty"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir, "garbled"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir, "compare", "empty"));
        assertEquals(ExitCodes.USAGE, ReportMain.run(out.stream, "--reports", dir, "a", "b"));
        assertEquals("", out.text(), "errors go to stderr, one line each");
    }
}
