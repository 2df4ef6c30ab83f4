package dev.quietloop.perf.bench;

import java.nio.file.Path;
import java.util.Optional;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.CountersFile;
import org.agrona.concurrent.status.CountersReader;

/**
 * The live tick count of the bot one run's broker launched, read from that bot's counters file.
 * Only the file of a child of this broker counts: a bot killed in an earlier run may have left
 * its file in the same directory, with a count that has nothing to do with this run. The file is
 * mapped once, when it appears, and unmapped on close; a poll then reads one counter.
 */
final class BotTicks implements AutoCloseable
{
    static final String BOT_ROLE = "bot";
    static final String TICKS = Accounting.BOT_TICKS;

    private final ProcessHandle broker;
    private final Path countersDir;
    private CountersFile file;
    private CountersReader reader;
    private int counterId = -1;

    BotTicks(final ProcessHandle broker, final Path countersDir)
    {
        this.broker = broker;
        this.countersDir = countersDir;
    }

    /** The bot's ticks so far; 0 until it has started and made its counters. */
    long read()
    {
        if (null == reader && !map())
        {
            return 0;
        }
        if (counterId < 0)
        {
            counterId = find(reader, TICKS);
            if (counterId < 0)
            {
                return 0;
            }
        }
        return reader.getCounterValue(counterId);
    }

    /**
     * Maps the counters file of the broker's bot, once there is one; @return true if mapped. Looks
     * through the directory's few names rather than the broker's children, which on Linux means
     * reading every process's status each poll while the bot starts.
     */
    private boolean map()
    {
        for (final Path candidate : CountersDirectory.list(countersDir))
        {
            final long pid = botPid(candidate.getFileName().toString());
            if (pid > 0 && isChildOfBroker(pid))
            {
                final Optional<CountersFile> mapped = open(candidate);
                if (mapped.isPresent())
                {
                    if (mapped.get().isOwnerAlive())
                    {
                        file = mapped.get();
                        reader = file.reader();
                        return true;
                    }
                    mapped.get().unmap(); // a dead bot's file under a pid now reused by this broker's child
                }
            }
        }
        return false;
    }

    /** The pid in a bot's counters file name, or -1 when the name is not one. */
    static long botPid(final String fileName)
    {
        final String prefix = BOT_ROLE + "-";
        if (!fileName.startsWith(prefix) || !fileName.endsWith(CountersFile.SUFFIX))
        {
            return -1;
        }
        try
        {
            final long pid = Long.parseLong(
                fileName.substring(prefix.length(), fileName.length() - CountersFile.SUFFIX.length()));
            return CountersFile.fileName(BOT_ROLE, pid).equals(fileName) ? pid : -1;
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    private boolean isChildOfBroker(final long pid)
    {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(parent -> parent.pid() == broker.pid())
            .orElse(false);
    }

    private static Optional<CountersFile> open(final Path file)
    {
        try
        {
            return CountersFile.openReadOnly(file); // empty while the bot still writes its header
        }
        catch (final IllegalStateException ex)
        {
            return Optional.empty(); // gone between the listing and the map: try again on the next poll
        }
    }

    /** The id of the counter labelled {@code label}, or -1 while the process has not made it yet. */
    static int find(final CountersReader reader, final String label)
    {
        final int[] id = {-1};
        reader.forEach((counterId, counterLabel) ->
        {
            if (label.equals(counterLabel))
            {
                id[0] = counterId;
            }
        });
        return id[0];
    }

    @Override
    public void close()
    {
        if (null != file)
        {
            file.unmap();
            file = null;
            reader = null;
        }
    }
}
