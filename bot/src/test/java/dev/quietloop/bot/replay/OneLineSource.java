package dev.quietloop.bot.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/** One line of bytes (no newline), off-heap like every line source, its commas found: drives a row parser without a file. */
final class OneLineSource extends LineSource
{
    final int length;

    OneLineSource(final byte[] line)
    {
        super(new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(1, line.length))));
        buffer.putBytes(0, line);
        this.length = line.length;
        scanLine(0, length);
    }

    OneLineSource(final String line)
    {
        this(line.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    boolean nextLine()
    {
        return false;
    }

    @Override
    public void close()
    {
    }
}
