package dev.quietloop.bot.replay;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The lines of a file as ranges of one {@link UnsafeBuffer}, for the row parsers: no copy, no
 * {@code String}. After {@link #nextLine()} the line is {@code buffer[lineStart, lineEnd)}
 * without its {@code \n} or {@code \r\n}, valid until the next call.
 */
abstract class LineSource implements AutoCloseable
{
    /** Longer lines are rejected whole ({@link RejectReason#LINE_TOO_LONG}) without being parsed. */
    static final int MAX_LINE_BYTES = 4096;

    final UnsafeBuffer buffer;
    int lineStart;
    int lineEnd;
    boolean lineTooLong;
    long lineNumber;

    LineSource(final UnsafeBuffer buffer)
    {
        this.buffer = buffer;
    }

    /**
     * Advances to the next line; false at the end of the file.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read (or its gzip data is corrupt).
     */
    abstract boolean nextLine();

    /** Releases the file; idempotent; {@link #nextLine()} returns false afterwards. */
    @Override
    public abstract void close();

    /** Sets the line to {@code [start, newline)}, dropping a {@code \r} before the newline. */
    final void setLine(final int start, final int newline)
    {
        final int end = newline > start && buffer.getByte(newline - 1) == '\r' ? newline - 1 : newline;
        lineStart = start;
        lineEnd = end;
        lineTooLong = end - start > MAX_LINE_BYTES;
        lineNumber++;
    }

    /** An empty line flagged too long, when the line's bytes were skipped without being held whole. */
    final void setSkippedLongLine()
    {
        lineStart = 0;
        lineEnd = 0;
        lineTooLong = true;
        lineNumber++;
    }

    /** The index of the first {@code \n} in {@code buffer[from, limit)}, or -1; eight bytes a step. */
    static int indexOfNewline(final UnsafeBuffer buffer, final int from, final int limit)
    {
        int i = from;
        final int lastWord = limit - Long.BYTES;
        while (i <= lastWord)
        {
            final int found = Swar.indexOf(buffer.getLong(i, ByteOrder.LITTLE_ENDIAN), Swar.NEWLINES);
            if (found < Long.BYTES)
            {
                return i + found;
            }
            i += Long.BYTES;
        }
        for (; i < limit; i++)
        {
            if (buffer.getByte(i) == '\n')
            {
                return i;
            }
        }
        return -1;
    }
}
