package dev.quietloop.broker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;

/**
 * Creates {@code REPORTS/RUN_ID}. A run never writes into another run's report: a chosen run id
 * whose folder holds files is refused (an empty folder, e.g. made by a script, is reused); a
 * default, time-stamped id that is taken gets a suffix ({@code -2}, {@code -3}, ...).
 */
final class RunDirectory
{
    private RunDirectory()
    {
    }

    static Path create(final Path reportsDir, final String runId, final RunContext.RunIdOrigin origin)
    {
        try
        {
            Files.createDirectories(reportsDir);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot create reports folder " + reportsDir + " (--reports): " + ex.getMessage());
        }
        if (origin == RunContext.RunIdOrigin.GIVEN)
        {
            final Path runDir = reportsDir.resolve(runId);
            if (!tryCreate(runDir) && !isEmptyDirectory(runDir))
            {
                throw new ConfigException("run id '" + runId + "' is taken: " + runDir +
                    " already holds a report (choose another --run-id)");
            }
            return runDir;
        }
        for (int suffix = 1; suffix <= BrokerConfiguration.RUN_ID_MAX_SUFFIX; suffix++)
        {
            final Path runDir = reportsDir.resolve(suffix == 1 ? runId : runId + "-" + suffix);
            if (tryCreate(runDir))
            {
                return runDir;
            }
        }
        throw new ConfigException("no free report folder for run id '" + runId + "' in " + reportsDir);
    }

    /** Deletes a run folder and what is in it (one level: a run folder holds only files). */
    static void delete(final Path runDir)
    {
        try (java.util.stream.Stream<Path> files = Files.list(runDir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(runDir);
        }
        catch (final IOException ex)
        {
            // left in place: the user's error line matters more than a stray folder
        }
    }

    static void deleteIfEmpty(final Path runDir)
    {
        if (isEmptyDirectory(runDir))
        {
            try
            {
                Files.delete(runDir);
            }
            catch (final IOException ex)
            {
                // left in place: an empty folder is harmless, and reused by the same run id
            }
        }
    }

    private static boolean tryCreate(final Path runDir)
    {
        try
        {
            Files.createDirectory(runDir);
            return true;
        }
        catch (final FileAlreadyExistsException ex)
        {
            return false;
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot create report folder " + runDir + ": " + ex.getMessage());
        }
    }

    private static boolean isEmptyDirectory(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir))
        {
            return !entries.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
