package dev.quietloop.bot.execution;

import dev.quietloop.strategy.Fill;

/**
 * Fills waiting to be handed to the strategy, first in first out, in pre-allocated flyweights.
 * Paper execution queues a fill instead of calling the strategy, so a strategy is never re-entered
 * from inside its own {@code placeOrder}.
 * <p>
 * It cannot overflow: its capacity is the number of order slots, each queued fill belongs to an
 * order that keeps its slot until the fill is polled, and an order with a fill in the queue is not
 * matched again ({@link OpenOrders#fillPending}), so no slot ever has two fills queued.
 */
final class FillQueue
{
    private final int[] slot;
    private final Fill[] fills;
    private int head;
    private int size;

    FillQueue(final int capacity)
    {
        slot = new int[capacity];
        fills = new Fill[capacity];
        for (int i = 0; i < capacity; i++)
        {
            fills[i] = new Fill();
        }
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    /** @return the queue's own flyweight for the fill of the order in {@code slot}, for the caller to set. */
    Fill add(final int slot)
    {
        final int capacity = this.slot.length;
        if (size == capacity)
        {
            throw new IllegalStateException("fill queue full: a slot has two fills queued (capacity " + capacity + ")");
        }
        final int tail = (head + size) % capacity;
        this.slot[tail] = slot;
        size++;
        return fills[tail];
    }

    /**
     * Copies the oldest fill into {@code into} and removes it; the queue must not be empty.
     *
     * @return the order slot the fill belongs to.
     */
    int poll(final Fill into)
    {
        final int index = head;
        final Fill fill = fills[index];
        into.set(fill.orderId(), fill.symbolId(), fill.side(), fill.price(), fill.quantity(), fill.leavesQuantity(),
            fill.position());
        head = (index + 1) % slot.length;
        size--;
        return slot[index];
    }
}
