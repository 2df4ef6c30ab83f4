package dev.quietloop.broker.ring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;

/**
 * Builds the broker ring: one producer (the receiver), one polling consumer (the forwarder),
 * every slot allocated up front at the largest frame size.
 */
public final class BrokerRing
{
    private BrokerRing()
    {
    }

    /**
     * The wait strategy is never waited on: the forwarder polls and idles with its own strategy.
     * A busy-spin strategy is chosen because its publish-side signal is a no-op (no lock).
     */
    public static RingBuffer<FrameSlot> create(final int ringSize, final int maxFrameBytes)
    {
        return RingBuffer.createSingleProducer(() -> new FrameSlot(maxFrameBytes), ringSize, new BusySpinWaitStrategy());
    }

    /** True when every published slot has been consumed by the gating consumers. */
    public static boolean isEmpty(final RingBuffer<FrameSlot> ring)
    {
        return ring.remainingCapacity() == ring.getBufferSize();
    }
}
