package dev.quietloop.protocol.config;

import zmq.Msg;
import zmq.msg.MsgAllocator;

/**
 * The message allocator of every quietloop socket: it keeps a hostile frame size from killing
 * JeroMQ's I/O thread. JeroMQ 0.6.0's ZMTP decoder reads a frame's 8-byte size as a signed long,
 * so a size with its top bit set passes its max-message-size check as a negative number, and its
 * low 32 bits are then allocated: a negative int ({@code NegativeArraySizeException}) or up to 2 GB
 * of direct memory ({@code OutOfMemoryError}), both thrown on the I/O thread. Every size that
 * reaches this allocator has passed that check, so one outside {@code [0, maxFrameBytes]} can only
 * be such a forged size: the frame gets no room (an empty message, which every receiver refuses
 * as a bad frame and which fails a handshake) and the stream goes on, instead of the I/O thread.
 */
final class FrameSizeGuard implements MsgAllocator
{
    private final int maxFrameBytes;

    FrameSizeGuard(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes < 0 ? Integer.MAX_VALUE : maxFrameBytes; // -1: JeroMQ's "no limit"
    }

    @Override
    public Msg allocate(final int size)
    {
        if (size < 0 || size > maxFrameBytes)
        {
            return new Msg(0);
        }
        return new Msg(size);
    }
}
