package dev.quietloop.bot.execution;

/**
 * The order slots of paper execution: pre-allocated parallel arrays, so placing, finding and
 * retiring an order never allocates. A slot stays taken from placement until the order is done
 * (filled or cancelled) and its last fill has been handed to the strategy, which is what lets the
 * fill queue be bounded by the slot count.
 * <p>
 * Taken slots are also listed in placement order; order ids increase, so the list is sorted by
 * id and found by binary search, and matching walks it in time priority.
 */
final class OpenOrders
{
    final long[] orderId;
    final int[] symbolId;
    final byte[] side;
    final long[] price;
    /** Quantity still working; 0 once the order is done. */
    final long[] leavesQuantity;
    /** The order has a fill in the queue that the strategy has not seen yet. */
    final boolean[] fillPending;

    private final int[] freeSlots;
    private int freeCount;
    private final int[] slotsByTime;
    private int takenCount;

    OpenOrders(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("order slots must be positive: " + capacity);
        }
        orderId = new long[capacity];
        symbolId = new int[capacity];
        side = new byte[capacity];
        price = new long[capacity];
        leavesQuantity = new long[capacity];
        fillPending = new boolean[capacity];
        freeSlots = new int[capacity];
        slotsByTime = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    int capacity()
    {
        return orderId.length;
    }

    boolean hasFreeSlot()
    {
        return freeCount > 0;
    }

    /** Slots taken, whether the order is working or waiting for its last fill to be delivered. */
    int takenCount()
    {
        return takenCount;
    }

    /** The {@code index}-th taken slot in placement order. */
    int slotAt(final int index)
    {
        return slotsByTime[index];
    }

    /** @return the slot, which the caller has checked is free to take ({@link #hasFreeSlot()}). */
    int take(final long orderId, final int symbolId, final byte side, final long price, final long quantity)
    {
        final int slot = freeSlots[--freeCount];
        this.orderId[slot] = orderId;
        this.symbolId[slot] = symbolId;
        this.side[slot] = side;
        this.price[slot] = price;
        this.leavesQuantity[slot] = quantity;
        this.fillPending[slot] = false;
        slotsByTime[takenCount++] = slot;
        return slot;
    }

    /** @return the order's index in placement order, or -1 when it is unknown or its slot was released. */
    int indexOf(final long orderId)
    {
        int low = 0;
        int high = takenCount - 1;
        while (low <= high)
        {
            final int middle = (low + high) >>> 1;
            final long middleId = this.orderId[slotsByTime[middle]];
            if (middleId < orderId)
            {
                low = middle + 1;
            }
            else if (middleId > orderId)
            {
                high = middle - 1;
            }
            else
            {
                return middle;
            }
        }
        return -1;
    }

    /** Whether the order in {@code slot} is working on {@code symbolId} with no fill queued, so it may match. */
    boolean isMatchable(final int slot, final int symbolId)
    {
        return this.symbolId[slot] == symbolId && leavesQuantity[slot] > 0 && !fillPending[slot];
    }

    /**
     * Takes a fill of {@code quantity} off the order in {@code slot}, which then waits for the fill
     * to be delivered before it matches again.
     *
     * @return the quantity still working.
     */
    long fill(final int slot, final long quantity)
    {
        fillPending[slot] = true;
        return leavesQuantity[slot] -= quantity;
    }

    /** Ends the order at {@code index} in placement order; its slot waits for a fill still queued. */
    void cancelAt(final int index)
    {
        final int slot = slotsByTime[index];
        leavesQuantity[slot] = 0;
        if (!fillPending[slot])
        {
            releaseAt(index);
        }
    }

    /** The strategy has the fill of the order in {@code slot}: a done order gives its slot back. */
    void fillDelivered(final int slot)
    {
        fillPending[slot] = false;
        if (leavesQuantity[slot] == 0)
        {
            releaseAt(indexOf(orderId[slot]));
        }
    }

    /** Releases the slot of the order at {@code index} in placement order. */
    private void releaseAt(final int index)
    {
        final int slot = slotsByTime[index];
        System.arraycopy(slotsByTime, index + 1, slotsByTime, index, takenCount - index - 1);
        takenCount--;
        orderId[slot] = 0;
        leavesQuantity[slot] = 0;
        fillPending[slot] = false;
        freeSlots[freeCount++] = slot;
    }
}
