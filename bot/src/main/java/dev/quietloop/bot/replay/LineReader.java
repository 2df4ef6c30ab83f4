package dev.quietloop.bot.replay;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines of bytes through one reused buffer, for loading files of any size without a
 * {@code String} per line. A line longer than the buffer is cut and flagged.
 */
final class LineReader
{
    private static final int CHUNK_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private final byte[] line;
    private int position;
    private int limit;
    private int length;
    private boolean tooLong;
    private long lineNumber;

    LineReader(final InputStream in, final int maxLineBytes)
    {
        this.in = in;
        this.line = new byte[maxLineBytes];
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException
    {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true)
        {
            if (position == limit)
            {
                limit = Math.max(0, in.read(chunk));
                position = 0;
                if (limit == 0)
                {
                    if (!any)
                    {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            final byte b = chunk[position++];
            if (b == '\n')
            {
                break;
            }
            if (length < line.length)
            {
                line[length++] = b;
            }
            else
            {
                tooLong = true;
            }
        }
        if (!tooLong && length > 0 && line[length - 1] == '\r')
        {
            length--;
        }
        lineNumber++;
        return true;
    }

    byte[] line()
    {
        return line;
    }

    int length()
    {
        return length;
    }

    boolean isTooLong()
    {
        return tooLong;
    }

    /** 1-based number of the current line. */
    long lineNumber()
    {
        return lineNumber;
    }
}
