package dev.quietloop.protocol.process;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * One process's counters in a memory-mapped file, a small cousin of Aeron's CnC file: a header
 * saying whose counters they are, then Agrona's counter metadata and values buffers.
 * <pre>
 *   0  int   version (written last, with a release store: 0 means the file is still being made)
 *   4  int   header length ({@value #HEADER_LENGTH})
 *   8  int   metadata buffer length
 *  12  int   values buffer length
 *  16  long  pid of the owning process
 *  24  long  start time of the owner, epoch milliseconds
 *  32  int   role length, then the role in ASCII (at most {@value #MAX_ROLE_LENGTH} bytes)
 * 128  metadata buffer (512 bytes a counter), then the values buffer (128 bytes a counter)
 * </pre>
 * The owner maps it read-write and writes it; readers map it read-only and never write.
 */
public final class CountersFile
{
    /** Bumped whenever the layout above changes; a reader refuses any other version. */
    public static final int VERSION = 1;
    public static final String SUFFIX = ".counters";
    public static final int HEADER_LENGTH = 128;
    public static final int MAX_ROLE_LENGTH = 64;

    static final int VERSION_OFFSET = 0;
    static final int HEADER_LENGTH_OFFSET = 4;
    static final int METADATA_LENGTH_OFFSET = 8;
    static final int VALUES_LENGTH_OFFSET = 12;
    static final int PID_OFFSET = 16;
    static final int START_TIME_OFFSET = 24;
    static final int ROLE_OFFSET = 32;

    /** A process may appear to start up to this long after the time it wrote (clock granularity). */
    private static final long START_SLACK_MS = 1_000;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer metadata;
    private final UnsafeBuffer values;
    private final String role;
    private final long pid;
    private final long startTimeMs;

    private CountersFile(
        final Path path,
        final MappedByteBuffer mapped,
        final String role,
        final long pid,
        final long startTimeMs,
        final int metadataLength,
        final int valuesLength)
    {
        this.path = path;
        this.mapped = mapped;
        this.role = role;
        this.pid = pid;
        this.startTimeMs = startTimeMs;
        final UnsafeBuffer whole = new UnsafeBuffer(mapped);
        this.metadata = new UnsafeBuffer(whole, HEADER_LENGTH, metadataLength);
        this.values = new UnsafeBuffer(whole, HEADER_LENGTH + metadataLength, valuesLength);
    }

    /** {@code <role>-<pid>.counters}. */
    public static String fileName(final String role, final long pid)
    {
        return role + "-" + pid + SUFFIX;
    }

    /**
     * Creates the file (it must not exist yet), zero-filled, and maps it read-write for its owner.
     *
     * @throws IllegalStateException when the file cannot be made.
     */
    static CountersFile create(
        final Path file, final String role, final long pid, final long startTimeMs, final int maxCounters)
    {
        final byte[] roleBytes = role.getBytes(StandardCharsets.US_ASCII);
        if (roleBytes.length == 0 || roleBytes.length > MAX_ROLE_LENGTH)
        {
            throw new IllegalArgumentException("role must be 1 to " + MAX_ROLE_LENGTH + " characters: " + role);
        }
        final int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        final int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        final MappedByteBuffer mapped =
            IoUtil.mapNewFile(file.toFile(), (long)HEADER_LENGTH + metadataLength + valuesLength, true);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putLong(PID_OFFSET, pid);
        header.putLong(START_TIME_OFFSET, startTimeMs);
        header.putInt(ROLE_OFFSET, roleBytes.length);
        header.putBytes(ROLE_OFFSET + Integer.BYTES, roleBytes);
        header.putIntRelease(VERSION_OFFSET, VERSION);
        return new CountersFile(file, mapped, role, pid, startTimeMs, metadataLength, valuesLength);
    }

    /**
     * Maps an existing file read-only.
     *
     * @return the file, or empty while its owner is still writing the header.
     * @throws IllegalStateException when the file is not a counters file of this {@link #VERSION}.
     */
    public static Optional<CountersFile> openReadOnly(final Path file)
    {
        final long length;
        try
        {
            length = Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        if (length < HEADER_LENGTH)
        {
            return Optional.empty();
        }
        final MappedByteBuffer mapped = mapReadOnly(file);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final int version = header.getIntAcquire(VERSION_OFFSET);
        if (version == 0)
        {
            IoUtil.unmap(mapped);
            return Optional.empty();
        }
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        final int roleLength = header.getInt(ROLE_OFFSET);
        if (version != VERSION || header.getInt(HEADER_LENGTH_OFFSET) != HEADER_LENGTH ||
            metadataLength < 0 || valuesLength < 0 || roleLength < 1 || roleLength > MAX_ROLE_LENGTH ||
            (long)HEADER_LENGTH + metadataLength + valuesLength != length)
        {
            IoUtil.unmap(mapped);
            throw new IllegalStateException(file + " is not a version " + VERSION + " counters file");
        }
        final String role = header.getStringWithoutLengthAscii(ROLE_OFFSET + Integer.BYTES, roleLength);
        return Optional.of(new CountersFile(file, mapped, role, header.getLong(PID_OFFSET),
            header.getLong(START_TIME_OFFSET), metadataLength, valuesLength));
    }

    private static MappedByteBuffer mapReadOnly(final Path file)
    {
        try
        {
            return IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, "counters");
        }
        catch (final Exception ex) // IoUtil rethrows an IOException unchecked
        {
            throw new IllegalStateException("cannot map " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** A counters manager over this file's buffers, for its owner. */
    CountersManager manager()
    {
        return new CountersManager(metadata, values);
    }

    /** A reader over this file's buffers. */
    /** Every counter's value by its name, as the file holds them now: for a dead owner, its last counts. */
    public Map<String, Long> snapshot()
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        final CountersReader reader = reader();
        reader.forEach((final int id, final String label) -> values.put(label, reader.getCounterValue(id)));
        return values;
    }

    public CountersReader reader()
    {
        return new CountersReader(metadata, values);
    }

    public Path path()
    {
        return path;
    }

    public String role()
    {
        return role;
    }

    public long pid()
    {
        return pid;
    }

    public long startTimeMs()
    {
        return startTimeMs;
    }

    /**
     * Whether the process that wrote this file still runs: its pid is alive and that process did
     * not start after the file was made (which would be a later process given the same pid).
     */
    public boolean isOwnerAlive()
    {
        return ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(process -> process.info().startInstant()
                .map(started -> !started.isAfter(Instant.ofEpochMilli(startTimeMs + START_SLACK_MS)))
                .orElse(true))
            .isPresent();
    }

    /** Unmaps a file opened read-only; nothing may read it afterwards. The owner never unmaps its own. */
    public void unmap()
    {
        if (!mapped.isReadOnly())
        {
            throw new IllegalStateException("the owner of " + path + " keeps it mapped: its threads may still count");
        }
        IoUtil.unmap(mapped);
    }
}
