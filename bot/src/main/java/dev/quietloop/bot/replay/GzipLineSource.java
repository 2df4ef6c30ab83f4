package dev.quietloop.bot.replay;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Lines of a gzip file, inflated into one reused off-heap buffer (the row parsers read only
 * off-heap memory): the partial last line is moved to the front and the rest refilled, so nothing
 * is allocated per line. {@link FileInputStream} reads into native memory, not the heap, which
 * keeps the refills allocation-free too.
 */
final class GzipLineSource extends LineSource
{
    static final int BUFFER_BYTES = 256 * 1024;
    private static final int INPUT_BYTES = 64 * 1024;

    private final File file;
    private final ByteBuffer lines;
    /** What the inflater writes into, as it takes only arrays; copied into {@link #lines}. */
    private final byte[] chunk = new byte[INPUT_BYTES];
    private final int capacity;
    private final InputStream in;
    private boolean endOfInput;
    private boolean closed;

    GzipLineSource(final File file)
    {
        this(file, ByteBuffer.allocateDirect(BUFFER_BYTES));
    }

    private GzipLineSource(final File file, final ByteBuffer lines)
    {
        super(new UnsafeBuffer(lines));
        this.file = file;
        this.lines = lines;
        this.capacity = lines.capacity();
        try
        {
            this.in = new GZIPInputStream(new FileInputStream(file), INPUT_BYTES);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    boolean nextLine()
    {
        int newline = scanLine(position, limit);
        while (newline < 0)
        {
            if (endOfInput)
            {
                if (position >= limit)
                {
                    return false;
                }
                newline = limit;
            }
            else if (limit - position == capacity)
            {
                skipLongLine();
                return true;
            }
            else
            {
                compactAndFill();
                newline = scanLine(position, limit);
            }
        }
        setLine(position, newline);
        position = newline + 1;
        return true;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        endOfInput = true;
        position = 0;
        limit = 0;
        BufferUtil.free(lines);
        try
        {
            in.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** The line fills the whole buffer: too long; drop bytes up to the next newline. */
    private void skipLongLine()
    {
        setSkippedLongLine();
        while (!endOfInput)
        {
            position = 0;
            limit = 0;
            fill();
            final int newline = indexOfNewline(buffer, 0, limit);
            if (newline >= 0)
            {
                position = newline + 1;
                return;
            }
        }
        position = limit;
    }

    private void compactAndFill()
    {
        final int remaining = limit - position;
        if (position > 0)
        {
            buffer.putBytes(0, buffer, position, remaining);
            position = 0;
            limit = remaining;
        }
        fill();
    }

    private void fill()
    {
        try
        {
            final int read = in.read(chunk, 0, Math.min(chunk.length, capacity - limit));
            if (read < 0)
            {
                endOfInput = true;
            }
            else
            {
                buffer.putBytes(limit, chunk, 0, read);
                limit += read;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
    }
}
