package dev.quietloop.bot.replay;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

/** One line of bytes as a {@link LineSource}, to drive a row parser without a file. */
final class OneLineSource extends LineSource
{
    final int length;

    OneLineSource(final byte[] line)
    {
        super(new UnsafeBuffer(line));
        this.length = line.length;
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
