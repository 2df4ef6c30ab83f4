package dev.quietloop.bot.replay;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Symbols of one file, interned to dense ids {@code 0..count-1} in order of first appearance.
 * The start-up scan inserts; the trading thread only looks up, straight from the row's bytes by
 * hash and byte compare, so a lookup allocates nothing. Fixed capacity: a file with more distinct
 * symbols has its extra rows rejected rather than a table that grows on the trading thread.
 */
final class SymbolTable
{
    static final int CAPACITY = 4096;
    static final int MAX_SYMBOL_BYTES = 32;
    static final String ALLOWED = "1 to 32 of A-Z a-z 0-9 . _ : / -";

    /** Twice the capacity keeps linear probes short. */
    private static final int SLOTS = CAPACITY * 2;
    private static final int SLOT_MASK = SLOTS - 1;
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
    private final int[] hashes = new int[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private final byte[] bytes = new byte[CAPACITY * MAX_SYMBOL_BYTES];
    private final String[] names = new String[CAPACITY];
    private int count;

    static boolean isSymbolByte(final byte b)
    {
        return b >= 0 && SYMBOL_BYTES[b];
    }

    static boolean isSymbol(final String text)
    {
        if (text.isEmpty() || text.length() > MAX_SYMBOL_BYTES)
        {
            return false;
        }
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c >= SYMBOL_BYTES.length || !SYMBOL_BYTES[c])
            {
                return false;
            }
        }
        return true;
    }

    /** The hash the row parsers compute while they check a symbol's bytes. */
    static int hashStep(final int hash, final byte b)
    {
        return 31 * hash + b;
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

    /** The id of a valid symbol's bytes, or -1 when it was never interned. */
    int lookup(final DirectBuffer buffer, final int start, final int length, final int hash)
    {
        int slot = slotOf(hash);
        while (true)
        {
            final int id = slotIds[slot] - 1;
            if (id < 0 || (hashes[id] == hash && matches(id, buffer, start, length)))
            {
                return id;
            }
            slot = (slot + 1) & SLOT_MASK;
        }
    }

    /** The id of a valid symbol's bytes, added if new; -1 when the table is full. Start-up only. */
    int intern(final DirectBuffer buffer, final int start, final int length, final int hash)
    {
        int slot = slotOf(hash);
        while (true)
        {
            final int id = slotIds[slot] - 1;
            if (id < 0)
            {
                return add(slot, buffer, start, length, hash);
            }
            if (hashes[id] == hash && matches(id, buffer, start, length))
            {
                return id;
            }
            slot = (slot + 1) & SLOT_MASK;
        }
    }

    /** Interns a symbol given on the command line or taken from a file name; it must be valid. */
    int intern(final String symbol)
    {
        final byte[] text = symbol.getBytes(StandardCharsets.US_ASCII);
        int hash = 0;
        for (final byte b : text)
        {
            hash = hashStep(hash, b);
        }
        return intern(new UnsafeBuffer(text), 0, text.length, hash);
    }

    private int add(final int slot, final DirectBuffer buffer, final int start, final int length, final int hash)
    {
        if (count == CAPACITY)
        {
            return -1;
        }
        final int id = count++;
        buffer.getBytes(start, bytes, id * MAX_SYMBOL_BYTES, length);
        hashes[id] = hash;
        lengths[id] = length;
        names[id] = new String(bytes, id * MAX_SYMBOL_BYTES, length, StandardCharsets.US_ASCII);
        slotIds[slot] = id + 1;
        return id;
    }

    private boolean matches(final int id, final DirectBuffer buffer, final int start, final int length)
    {
        if (lengths[id] != length)
        {
            return false;
        }
        final int offset = id * MAX_SYMBOL_BYTES;
        for (int i = 0; i < length; i++)
        {
            if (bytes[offset + i] != buffer.getByte(start + i))
            {
                return false;
            }
        }
        return true;
    }

    private static int slotOf(final int hash)
    {
        return (hash * 0x9E3779B9 >>> 16) & SLOT_MASK;
    }
}
