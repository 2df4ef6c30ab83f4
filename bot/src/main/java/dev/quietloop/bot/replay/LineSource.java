package dev.quietloop.bot.replay;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The lines of a file as ranges of one off-heap {@link UnsafeBuffer}, for the row parsers: no
 * copy, no {@code String}. After {@link #nextLine()} the line is {@code buffer[lineStart, lineEnd)}
 * without its {@code \n} or {@code \r\n}, and {@link #commas} holds where its commas are; both
 * are valid until the next call.
 */
abstract class LineSource implements AutoCloseable
{
    /** Longer lines are rejected whole ({@link RejectReason#LINE_TOO_LONG}) without being parsed. */
    static final int MAX_LINE_BYTES = 4096;

    /** Rows of every format have at most 8 fields; further commas are only counted. */
    static final int MAX_COMMAS = 15;

    final UnsafeBuffer buffer;
    /** Where the line's commas are, found in the same pass as its end, so fields parse independently. */
    final int[] commas = new int[MAX_COMMAS + Long.BYTES];
    int commaCount;
    /** Where the next line starts. */
    int position;
    /** The end of the bytes held: the mapped window's length, or the bytes inflated so far. */
    int limit;
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

    /**
     * Takes {@code buffer[position, newline)} as the line, for a parser that found the newline itself
     * and checked the line is short and has no {@code \r}; {@link #commas} are not recorded.
     */
    final void takeLine(final int newline)
    {
        lineStart = position;
        lineEnd = newline;
        lineTooLong = false;
        lineNumber++;
        position = newline + 1;
    }

    /** An empty line flagged too long, when the line's bytes were skipped without being held whole. */
    final void setSkippedLongLine()
    {
        lineStart = 0;
        lineEnd = 0;
        lineTooLong = true;
        lineNumber++;
    }

    /**
     * The index of the first {@code \n} in {@code buffer[from, limit)}, or -1, recording the commas
     * before it in {@link #commas}; eight bytes a step.
     */
    final int scanLine(final int from, final int limit)
    {
        final UnsafeBuffer buffer = this.buffer;
        int count = 0;
        int i = from;
        final int lastWord = limit - Long.BYTES;
        while (i <= lastWord)
        {
            final long word = buffer.getLong(i, ByteOrder.LITTLE_ENDIAN);
            final long newlines = Swar.matches(word, Swar.NEWLINES);
            final long commaBits = Swar.matches(word, Swar.COMMAS);
            if (newlines != 0)
            {
                // Keep only the commas below the first newline's bit.
                commaCount = recordCommas(commaBits & ((newlines & -newlines) - 1), i, count);
                return i + (Long.numberOfTrailingZeros(newlines) >>> 3);
            }
            count = recordCommas(commaBits, i, count);
            i += Long.BYTES;
        }
        for (; i < limit; i++)
        {
            final byte b = buffer.getByte(i);
            if (b == '\n')
            {
                commaCount = count;
                return i;
            }
            if (b == ',')
            {
                count = recordCommas(0x80L, i, count);
            }
        }
        commaCount = count;
        return -1;
    }

    /**
     * Records the commas of one word and returns the new count. The first is written whether it
     * exists or not (when not, as garbage past the count), so the usual word, with no comma or one,
     * costs no branch that depends on the data.
     */
    private int recordCommas(final long commaBits, final int wordStart, final int count)
    {
        if (count >= MAX_COMMAS)
        {
            return count + Long.bitCount(commaBits);
        }
        final int[] commas = this.commas;
        commas[count] = wordStart + (Long.numberOfTrailingZeros(commaBits) >>> 3);
        int recorded = count + (int)((commaBits | -commaBits) >>> 63);
        for (long bits = commaBits & (commaBits - 1); bits != 0; bits &= bits - 1)
        {
            if (recorded < MAX_COMMAS)
            {
                commas[recorded] = wordStart + (Long.numberOfTrailingZeros(bits) >>> 3);
            }
            recorded++;
        }
        return recorded;
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
