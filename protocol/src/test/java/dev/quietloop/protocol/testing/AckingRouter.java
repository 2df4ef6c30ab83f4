package dev.quietloop.protocol.testing;

import java.util.Arrays;

import dev.quietloop.wire.Ack;
import dev.quietloop.wire.Frame;
import org.zeromq.ZMQ;

/**
 * A broker's ingest for tests: a ROUTER that hands over each frame a bot sends, and acknowledges
 * it at once, as the broker does (cumulatively per source and epoch), unless told to stay silent.
 */
public final class AckingRouter
{
    private final ZMQ.Socket router;
    private final byte[] identity = new byte[256];
    private final byte[] ack = new byte[Ack.BYTES];
    private volatile boolean silent;
    private int sourceId;
    private long epoch;
    private long events;
    private long frames;
    private boolean endOfStream;

    public AckingRouter(final ZMQ.Socket router)
    {
        this.router = router;
    }

    /** A broker that takes frames and never says so: its bots cannot prove delivery. */
    public AckingRouter silent()
    {
        silent = true;
        return this;
    }

    public ZMQ.Socket socket()
    {
        return router;
    }

    /**
     * Receives one frame into {@code buffer} and acknowledges it.
     *
     * @return its length, or -1 when nothing came (a timeout, or DONTWAIT with nothing there)
     */
    public int recv(final byte[] buffer, final int offset, final int length, final int flags)
    {
        final int identityLength = router.recv(identity, 0, identity.length, flags);
        if (identityLength < 0)
        {
            return -1;
        }
        final int frameLength = router.recv(buffer, offset, length, 0);
        final byte[] frame = 0 == offset ? buffer : Arrays.copyOfRange(buffer, offset, offset + frameLength);
        if (!silent && frameLength > 0 && Frame.validate(frame, frameLength) == Frame.VALID)
        {
            acknowledge(frame, identityLength);
        }
        return frameLength;
    }

    /** Receives one frame (waiting as the socket's receive timeout says) and acknowledges it; null on a timeout. */
    public byte[] recv()
    {
        final byte[] buffer = new byte[Frame.MAX_FRAME_BYTES + 1];
        final int length = recv(buffer, 0, buffer.length, 0);
        return length < 0 ? null : Arrays.copyOf(buffer, length);
    }

    private void acknowledge(final byte[] frame, final int identityLength)
    {
        if (Frame.sourceId(frame) != sourceId || Frame.epoch(frame) != epoch)
        {
            sourceId = Frame.sourceId(frame);
            epoch = Frame.epoch(frame);
            events = 0;
            frames = 0;
            endOfStream = false;
        }
        events += Frame.isControl(frame) ? 0 : Frame.eventCount(frame);
        frames++;
        endOfStream |= Frame.isEndOfStream(frame);
        Ack.encode(ack, sourceId, epoch, events, frames, endOfStream);
        router.send(identity, 0, identityLength, ZMQ.SNDMORE);
        router.send(ack, 0, Ack.BYTES, 0);
    }
}
