package dev.quietloop.bot.execution;

import dev.quietloop.bot.strategy.Fill;

/**
 * Fills waiting to be handed to the strategy, first in first out, in pre-allocated parallel
 * arrays. Paper execution queues a fill instead of calling the strategy, so a strategy is never
 * re-entered from inside its own {@code placeOrder}.
 * <p>
 * It cannot overflow: its capacity is the number of order slots, each queued fill belongs to an
 * order that keeps its slot until the fill is polled, and an order with a fill in the queue is not
 * matched again ({@link OpenOrders#fillPending}), so no slot ever has two fills queued.
 */
final class FillQueue
{
    private final int[] slot;
    private final long[] orderId;
    private final int[] symbolId;
    private final byte[] side;
    private final long[] price;
    private final long[] quantity;
    private final long[] leavesQuantity;
    private final long[] position;
    private int head;
    private int size;

    FillQueue(final int capacity)
    {
        slot = new int[capacity];
        orderId = new long[capacity];
        symbolId = new int[capacity];
        side = new byte[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
        leavesQuantity = new long[capacity];
        position = new long[capacity];
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    void add(
        final int slot,
        final long orderId,
        final int symbolId,
        final byte side,
        final long price,
        final long quantity,
        final long leavesQuantity,
        final long position)
    {
        final int capacity = this.slot.length;
        if (size == capacity)
        {
            throw new IllegalStateException("fill queue full: a slot has two fills queued (capacity " + capacity + ")");
        }
        final int tail = (head + size) % capacity;
        this.slot[tail] = slot;
        this.orderId[tail] = orderId;
        this.symbolId[tail] = symbolId;
        this.side[tail] = side;
        this.price[tail] = price;
        this.quantity[tail] = quantity;
        this.leavesQuantity[tail] = leavesQuantity;
        this.position[tail] = position;
        size++;
    }

    /**
     * Copies the oldest fill into {@code into} and removes it; the queue must not be empty.
     *
     * @return the order slot the fill belongs to.
     */
    int poll(final Fill into)
    {
        final int index = head;
        into.set(orderId[index], symbolId[index], side[index], price[index], quantity[index],
            leavesQuantity[index], position[index]);
        head = (index + 1) % slot.length;
        size--;
        return slot[index];
    }
}
