package dev.quietloop.bot.replay;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Lines of a gzip file, inflated into one reused buffer: the partial last line is moved to the
 * front and the rest refilled, so no line is ever copied elsewhere and nothing is allocated per
 * line. {@link FileInputStream} reads into native memory, not the heap, which keeps the refills
 * allocation-free too.
 */
final class GzipLineSource extends LineSource
{
    static final int BUFFER_BYTES = 256 * 1024;
    private static final int INPUT_BYTES = 64 * 1024;

    private final File file;
    private final byte[] bytes;
    private final InputStream in;
    private int position;
    private int limit;
    private boolean endOfInput;

    GzipLineSource(final File file)
    {
        super(new UnsafeBuffer(new byte[BUFFER_BYTES]));
        this.file = file;
        this.bytes = buffer.byteArray();
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
        int newline = indexOfNewline(buffer, position, limit);
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
            else if (limit - position == bytes.length)
            {
                skipLongLine();
                return true;
            }
            else
            {
                final int scanned = limit - position;
                compactAndFill();
                newline = indexOfNewline(buffer, scanned, limit);
            }
        }
        setLine(position, newline);
        position = newline + 1;
        return true;
    }

    @Override
    public void close()
    {
        endOfInput = true;
        position = 0;
        limit = 0;
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
            System.arraycopy(bytes, position, bytes, 0, remaining);
            position = 0;
            limit = remaining;
        }
        fill();
    }

    private void fill()
    {
        try
        {
            final int read = in.read(bytes, limit, bytes.length - limit);
            if (read < 0)
            {
                endOfInput = true;
            }
            else
            {
                limit += read;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
    }
}
