package dev.quietloop.bot.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Lines of bytes held whole in one off-heap buffer of exactly their length, as a mapped plain file
 * holds them: drives a reader, and the fast path up to the very end of the bytes, without a file.
 */
final class BytesLineSource extends LineSource
{
    BytesLineSource(final byte[] bytes)
    {
        super(new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(1, bytes.length))));
        buffer.putBytes(0, bytes);
        limit = bytes.length;
    }

    BytesLineSource(final String text)
    {
        this(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    boolean nextLine()
    {
        if (position >= limit)
        {
            return false;
        }
        final int newline = scanLine(position, limit);
        final int end = newline < 0 ? limit : newline;
        setLine(position, end);
        position = end + 1;
        return true;
    }

    @Override
    public void close()
    {
        position = 0;
        limit = 0;
    }
}
