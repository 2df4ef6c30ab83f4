package dev.quietloop.bot.replay;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Symbols of one file, interned to dense ids {@code 0..count-1} in order of first appearance.
 * The start-up scan inserts; the trading thread only looks up, straight from the row's bytes
 * compared eight at a time, so a lookup allocates nothing. Only valid symbols are ever inserted,
 * so finding a symbol also proves it valid. Fixed capacity: a file with more distinct symbols has
 * its extra rows rejected rather than a table that grows on the trading thread.
 */
final class SymbolTable
{
    static final int CAPACITY = 4096;
    static final int MAX_SYMBOL_BYTES = 32;
    static final String ALLOWED = "1 to 32 of A-Z a-z 0-9 . _ : / -";

    private static final int WORDS = MAX_SYMBOL_BYTES / Long.BYTES;
    /** Twice the capacity keeps linear probes short. */
    private static final int SLOTS = CAPACITY * 2;
    private static final int SLOT_MASK = SLOTS - 1;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final boolean[] SYMBOL_BYTES = new boolean[128];

    static
    {
        for (int b = 0; b < SYMBOL_BYTES.length; b++)
        {
            SYMBOL_BYTES[b] = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                b == '.' || b == '_' || b == ':' || b == '/' || b == '-';
        }
    }

    /** {@code id + 1} per slot; 0 is an empty slot. */
    private final int[] slotIds = new int[SLOTS];
    private final int[] lengths = new int[CAPACITY];
    /** Each symbol's bytes as {@link #WORDS} little-endian words, zero-padded. */
    private final long[] words = new long[CAPACITY * WORDS];
    private final String[] names = new String[CAPACITY];
    private int count;

    static boolean isSymbol(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return isSymbol(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    static boolean isSymbol(final DirectBuffer buffer, final int start, final int length)
    {
        if (length < 1 || length > MAX_SYMBOL_BYTES)
        {
            return false;
        }
        for (int i = start; i < start + length; i++)
        {
            final byte b = buffer.getByte(i);
            if (b < 0 || !SYMBOL_BYTES[b])
            {
                return false;
            }
        }
        return true;
    }

    int count()
    {
        return count;
    }

    String name(final int id)
    {
        if (id < 0 || id >= count)
        {
            throw new IndexOutOfBoundsException("symbol id " + id + " of " + count);
        }
        return names[id];
    }

    /** The id of the symbol in {@code buffer[start, start + length)}, or -1 when it was never interned. */
    int lookup(final UnsafeBuffer buffer, final int start, final int length)
    {
        if (length < 1 || length > MAX_SYMBOL_BYTES)
        {
            return -1;
        }
        final long word0 = word(buffer, start, length, 0);
        final long word1 = length > Long.BYTES ? word(buffer, start, length, 1) : 0;
        final long word2 = length > 2 * Long.BYTES ? word(buffer, start, length, 2) : 0;
        final long word3 = length > 3 * Long.BYTES ? word(buffer, start, length, 3) : 0;
        return find(word0, word1, word2, word3, length);
    }

    /**
     * The id of a symbol of {@code 1 <= length <= 16} bytes given as two little-endian words, the
     * bytes past its end zeroed, or -1 when it was never interned: for a parser that read the words already.
     */
    int lookup(final long word0, final long word1, final int length)
    {
        return find(word0, word1, 0, 0, length);
    }

    private int find(final long word0, final long word1, final long word2, final long word3, final int length)
    {
        int slot = slotOf(word0, word1, word2, word3, length);
        while (true)
        {
            final int id = slotIds[slot] - 1;
            if (id < 0)
            {
                return -1;
            }
            final int offset = id * WORDS;
            if (lengths[id] == length && words[offset] == word0 && words[offset + 1] == word1 &&
                words[offset + 2] == word2 && words[offset + 3] == word3)
            {
                return id;
            }
            slot = (slot + 1) & SLOT_MASK;
        }
    }

    /** The id of a symbol, added if new and valid; -1 when it is not a symbol or the table is full. Start-up only. */
    int intern(final UnsafeBuffer buffer, final int start, final int length)
    {
        if (!isSymbol(buffer, start, length))
        {
            return -1;
        }
        final int found = lookup(buffer, start, length);
        if (found >= 0 || count == CAPACITY)
        {
            return found;
        }
        final int id = count++;
        final int offset = id * WORDS;
        for (int i = 0; i < WORDS; i++)
        {
            words[offset + i] = length > i * Long.BYTES ? word(buffer, start, length, i) : 0;
        }
        lengths[id] = length;
        final byte[] bytes = new byte[length];
        buffer.getBytes(start, bytes);
        names[id] = new String(bytes, StandardCharsets.US_ASCII);
        int slot = slotOf(words[offset], words[offset + 1], words[offset + 2], words[offset + 3], length);
        while (slotIds[slot] != 0)
        {
            slot = (slot + 1) & SLOT_MASK;
        }
        slotIds[slot] = id + 1;
        return id;
    }

    /** Interns a symbol given on the command line or taken from a file name. */
    int intern(final String symbol)
    {
        final byte[] bytes = symbol.getBytes(StandardCharsets.ISO_8859_1);
        return intern(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    /** Word {@code index} of the symbol, the bytes past its end zeroed. */
    private static long word(final UnsafeBuffer buffer, final int start, final int length, final int index)
    {
        final int from = start + index * Long.BYTES;
        final int bytes = Math.min(Long.BYTES, length - index * Long.BYTES);
        if (from + Long.BYTES <= buffer.capacity())
        {
            final long word = buffer.getLong(from, ByteOrder.LITTLE_ENDIAN);
            return bytes == Long.BYTES ? word : word & ((1L << (bytes << 3)) - 1);
        }
        long word = 0;
        for (int i = bytes - 1; i >= 0; i--)
        {
            word = (word << 8) | (buffer.getByte(from + i) & 0xFF);
        }
        return word;
    }

    private static int slotOf(final long word0, final long word1, final long word2, final long word3, final int length)
    {
        final long mixed = word0 ^ Long.rotateLeft(word1, 17) ^ Long.rotateLeft(word2, 31) ^
            Long.rotateLeft(word3, 47) ^ length;
        return (int)((mixed * GOLDEN) >>> 40) & SLOT_MASK;
    }
}
