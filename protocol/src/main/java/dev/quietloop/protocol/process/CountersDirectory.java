package dev.quietloop.protocol.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every quietloop process on this host puts its {@link CountersFile}: {@code $QUIETLOOP_COUNTERS_DIR}
 * when set, else {@code /dev/shm/quietloop-counters} when {@code /dev/shm} is a writable directory
 * (memory, as Aeron does), else {@code quietloop-counters} under {@code java.io.tmpdir}.
 */
public final class CountersDirectory
{
    /** The environment variable that overrides the directory, for every process and the stat tool. */
    public static final String ENV = "QUIETLOOP_COUNTERS_DIR";
    public static final String NAME = "quietloop-counters";

    private static final Path SHM = Path.of("/dev/shm");

    private CountersDirectory()
    {
    }

    /** The directory this host's processes use, from the environment. */
    public static Path resolve()
    {
        return resolve(System.getenv(ENV));
    }

    static Path resolve(final String override)
    {
        if (null != override && !override.isBlank())
        {
            return Path.of(override);
        }
        if (Files.isDirectory(SHM) && Files.isWritable(SHM))
        {
            return SHM.resolve(NAME);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), NAME);
    }

    /** Every counters file in the directory, by name; none when it does not exist. */
    public static List<Path> list(final Path dir)
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + CountersFile.SUFFIX))
        {
            stream.forEach(files::add);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        files.sort(null);
        return files;
    }

    /**
     * The counts a process left in its file: what a launcher reads of a child that died before it
     * could write its summary (the file outlives a {@code kill -9}).
     *
     * @return them by name, or empty when there is no such file (the process deleted it on exit).
     */
    public static Map<String, Long> lastCounts(final Path dir, final String role, final long pid)
    {
        final Path file = dir.resolve(CountersFile.fileName(role, pid));
        if (!Files.isRegularFile(file))
        {
            return Map.of();
        }
        try
        {
            return CountersFile.openReadOnly(file).map(counters ->
            {
                final Map<String, Long> counts = counters.snapshot();
                counters.unmap();
                return counts;
            }).orElse(Map.of());
        }
        catch (final IllegalStateException ex)
        {
            return Map.of();
        }
    }

    /**
     * Deletes the files whose owner no longer runs (killed, or halted by a second signal, before
     * it could delete its own). Files still being made, or not ours, are left alone.
     *
     * @return how many were deleted.
     */
    static int deleteStale(final Path dir)
    {
        int deleted = 0;
        for (final Path file : list(dir))
        {
            final Optional<CountersFile> counters;
            try
            {
                counters = CountersFile.openReadOnly(file);
            }
            catch (final IllegalStateException ex)
            {
                continue;
            }
            if (counters.isPresent())
            {
                final CountersFile stale = counters.get();
                final boolean alive = stale.isOwnerAlive();
                stale.unmap();
                if (!alive && deleteQuietly(file))
                {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    static boolean deleteQuietly(final Path file)
    {
        try
        {
            return Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
