package dev.quietloop.bot.replay;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Lines of a plain file through a read-only memory map, so the parsers read the page cache
 * directly. Files larger than the window are mapped a window at a time, each new window starting
 * at the start of the line that did not fit, so a line is always whole in one window.
 */
final class MappedLineSource extends LineSource
{
    /** Windows of 1 GiB keep the int indexes of {@link UnsafeBuffer} far from overflow. */
    static final int DEFAULT_WINDOW_BYTES = 1 << 30;

    private final File file;
    private final int windowBytes;
    private long fileBytes;
    private MappedByteBuffer mapped;
    private long windowOffset;

    /** @param windowBytes the most bytes mapped at once; more than {@link #MAX_LINE_BYTES}. */
    MappedLineSource(final File file, final int windowBytes)
    {
        super(new UnsafeBuffer(new byte[0]));
        if (windowBytes <= MAX_LINE_BYTES)
        {
            throw new IllegalArgumentException("window of " + windowBytes + " bytes, at most a line long");
        }
        this.file = file;
        this.windowBytes = windowBytes;
        this.fileBytes = file.length();
        if (fileBytes > 0)
        {
            map(0);
        }
    }

    @Override
    boolean nextLine()
    {
        if (windowOffset + position >= fileBytes)
        {
            return false;
        }
        int newline = scanLine(position, limit);
        while (newline < 0)
        {
            if (windowOffset + limit == fileBytes)
            {
                newline = limit;
            }
            else if (position == 0)
            {
                skipLongLine();
                return true;
            }
            else
            {
                map(windowOffset + position);
                newline = scanLine(0, limit);
            }
        }
        setLine(position, newline);
        position = newline + 1;
        return true;
    }

    @Override
    public void close()
    {
        fileBytes = 0;
        windowOffset = 0;
        position = 0;
        limit = 0;
        if (mapped != null)
        {
            buffer.wrap(new byte[0]);
            IoUtil.unmap(mapped);
            mapped = null;
        }
    }

    /** The line starts a full window: too long; skip window by window to the next newline. */
    private void skipLongLine()
    {
        setSkippedLongLine();
        while (windowOffset + limit < fileBytes)
        {
            map(windowOffset + limit);
            final int newline = indexOfNewline(buffer, 0, limit);
            if (newline >= 0)
            {
                position = newline + 1;
                return;
            }
        }
        position = limit;
    }

    private void map(final long offset)
    {
        final int length = (int)Math.min(windowBytes, fileBytes - offset);
        final MappedByteBuffer next;
        try
        {
            next = IoUtil.mapExistingFile(file, FileChannel.MapMode.READ_ONLY, "market data", offset, length);
        }
        catch (final Exception ex)
        {
            throw new UncheckedIOException(
                new IOException(file + ": cannot map bytes " + offset + ".." + (offset + length), ex));
        }
        // Fault every page in now, at start-up or at a window's turn, so that reading a row never does.
        next.load();
        buffer.wrap(next);
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
        }
        mapped = next;
        windowOffset = offset;
        limit = length;
        position = 0;
    }
}
