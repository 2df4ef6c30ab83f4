package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.SummaryJson;

/**
 * A finished run's summary found by what a user types: a run id under the reports folder
 * ({@code latest} included) or a path to a run folder. What cannot be read is one clear line.
 *
 * @param runId   the run folder's own name ({@code latest} resolved).
 * @param summary its summary.json as dotted keys.
 */
record RunSummary(String runId, Map<String, Long> summary)
{
    static RunSummary find(final Path reportsDir, final String run)
    {
        final Path dir = runDir(reportsDir, run);
        final Path file = dir.resolve(ReportWriter.SUMMARY_FILE);
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(dir + " has no " + ReportWriter.SUMMARY_FILE + " (not a run folder, or a run " +
                "that has not finished)");
        }
        try
        {
            return new RunSummary(name(dir), SummaryJson.read(file));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(file + " is not a summary: " + ex.getMessage());
        }
        catch (final UncheckedIOException ex)
        {
            throw new ConfigException("cannot read " + file + ": " + ex.getCause().getMessage());
        }
    }

    private static Path runDir(final Path reportsDir, final String run)
    {
        if (run.isEmpty())
        {
            throw new ConfigException("an empty run name");
        }
        final Path underReports = reportsDir.resolve(run);
        if (Files.isDirectory(underReports))
        {
            return underReports;
        }
        final Path asPath = Path.of(run);
        if (Files.isDirectory(asPath))
        {
            return asPath;
        }
        if (ReportWriter.LATEST_LINK.equals(run))
        {
            throw new ConfigException("no runs in " + reportsDir + " yet (no '" + ReportWriter.LATEST_LINK +
                "' there): run bin/run-bot.sh first, or give --reports DIR");
        }
        throw new ConfigException("no run '" + run + "' in " + reportsDir + ", and no folder " + asPath.toAbsolutePath());
    }

    private static String name(final Path dir)
    {
        try
        {
            return dir.toRealPath().getFileName().toString();
        }
        catch (final IOException ex)
        {
            return dir.getFileName().toString();
        }
    }
}
