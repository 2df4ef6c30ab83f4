package dev.quietloop.sidecar.check;

import org.agrona.collections.Hashing;

/**
 * An open-addressing table of streams keyed by (source id, epoch), holding each stream's last
 * sequence and whether it has ended. Lookups never allocate; only a new stream may grow the arrays.
 * A slot index is valid until the next insertion. Owned by one thread.
 */
final class StreamTable
{
    static final int INITIAL_CAPACITY = 16;

    private int[] sourceIds;
    private long[] epochs;
    private long[] lastSequences;
    private boolean[] used;
    private boolean[] ended;
    private int mask;
    private int size;

    StreamTable()
    {
        allocate(INITIAL_CAPACITY);
    }

    /** The slot of the stream, added with last sequence 0 if it was not there. */
    int slotOf(final int sourceId, final long epoch)
    {
        int slot = find(sourceId, epoch);
        if (used[slot])
        {
            return slot;
        }
        if ((size + 1) * 2 > used.length)
        {
            grow();
            slot = find(sourceId, epoch);
        }
        used[slot] = true;
        sourceIds[slot] = sourceId;
        epochs[slot] = epoch;
        size++;
        return slot;
    }

    /** Number of streams seen. */
    int size()
    {
        return size;
    }

    int capacity()
    {
        return used.length;
    }

    long lastSequence(final int slot)
    {
        return lastSequences[slot];
    }

    void lastSequence(final int slot, final long sequence)
    {
        lastSequences[slot] = sequence;
    }

    boolean isEnded(final int slot)
    {
        return ended[slot];
    }

    void markEnded(final int slot)
    {
        ended[slot] = true;
    }

    /** The slot holding the key, or the empty slot where it belongs; the table is never full. */
    private int find(final int sourceId, final long epoch)
    {
        int slot = hash(sourceId, epoch, mask);
        while (used[slot] && (sourceIds[slot] != sourceId || epochs[slot] != epoch))
        {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(final int sourceId, final long epoch, final int mask)
    {
        return Hashing.hash(epoch * 31 + sourceId, mask);
    }

    private void grow()
    {
        final int[] oldSourceIds = sourceIds;
        final long[] oldEpochs = epochs;
        final long[] oldLastSequences = lastSequences;
        final boolean[] oldUsed = used;
        final boolean[] oldEnded = ended;
        allocate(oldUsed.length * 2);
        for (int i = 0; i < oldUsed.length; i++)
        {
            if (oldUsed[i])
            {
                final int slot = find(oldSourceIds[i], oldEpochs[i]);
                used[slot] = true;
                sourceIds[slot] = oldSourceIds[i];
                epochs[slot] = oldEpochs[i];
                lastSequences[slot] = oldLastSequences[i];
                ended[slot] = oldEnded[i];
            }
        }
    }

    private void allocate(final int capacity)
    {
        sourceIds = new int[capacity];
        epochs = new long[capacity];
        lastSequences = new long[capacity];
        used = new boolean[capacity];
        ended = new boolean[capacity];
        mask = capacity - 1;
    }
}
