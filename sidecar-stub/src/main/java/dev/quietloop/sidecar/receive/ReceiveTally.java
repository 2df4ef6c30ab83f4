package dev.quietloop.sidecar.receive;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.sidecar.check.SequenceChecker;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventListener;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * What the receive loop counts of what arrives: frames, refused frames by reason, events by type,
 * the receive spans; and where each business event and end of stream goes on to, the sequence
 * checker and the end-to-end hop. Owned by the receive thread; allocates nothing per frame.
 */
public final class ReceiveTally implements EventListener
{
    public static final String FRAMES_RECEIVED = Accounting.SIDECAR_FRAMES_RECEIVED;
    public static final String EVENTS_RECEIVED = Accounting.SIDECAR_EVENTS_RECEIVED;
    public static final String BY_TYPE_PREFIX = Accounting.SIDECAR_BY_TYPE_PREFIX;
    /** Frames refused, of every kind: the sum of the {@code sidecar.rejected*} counters. */
    public static final String DECODE_ERRORS = Accounting.SIDECAR_DECODE_ERRORS;
    /** Refused frames of one kind are counted under this prefix and {@link Frame#rejectionName}. */
    public static final String REJECTED_PREFIX = "sidecar.";
    /** Times the receiver rebuilt its JeroMQ context after a failure on its I/O thread. */
    public static final String RECEIVER_RESTARTS = Accounting.SIDECAR_RECEIVER_RESTARTS;
    /** From the first business event's frame to the last one's, on the receive loop's clock: for rates. */
    public static final String RECEIVE_SPAN_NS = Accounting.SIDECAR_RECEIVE_SPAN_NS;
    /** Business events past the warm-up (a sequence above {@code --warmup-events}): for a rate once compiled. */
    public static final String AFTER_WARMUP_EVENTS = Accounting.SIDECAR_AFTER_WARMUP_EVENTS;
    /** From the frame of the first business event past the warm-up to the last one's: for that rate. */
    public static final String AFTER_WARMUP_SPAN_NS = Accounting.SIDECAR_AFTER_WARMUP_SPAN_NS;

    private final SequenceChecker checker;
    private final HopLatency endToEnd;
    private final long warmupEvents;
    private final AtomicCounter framesReceived;
    private final AtomicCounter eventsReceived;
    private final AtomicCounter[] byType = new AtomicCounter[EventType.CODES];
    private final AtomicCounter decodeErrors;
    private final AtomicCounter[] rejected = new AtomicCounter[Frame.VALIDATION_RESULTS];
    private final AtomicCounter receiverRestarts;
    private final AtomicCounter receiveSpanNs;
    private final AtomicCounter afterWarmupEvents;
    private final AtomicCounter afterWarmupSpanNs;
    private long firstEventNs = -1;
    private long firstAfterWarmupNs = -1;
    /** When the frame being decoded arrived, on the receive loop's clock: for the receive spans. */
    private long frameNs;
    /** When the frame being decoded came off the socket, on the bot's clock: {@code System.nanoTime()}. */
    private long frameReceivedNs;

    /**
     * @param counters     where every counter of the receive side is registered
     * @param checker      fed with every business event and end of stream
     * @param endToEnd     the hop from each business event's origin on the bot to its frame's receipt here;
     *                     it times apart the warm-up: the events of the frames the bot flagged as its
     *                     warm-up, and each stream's first events up to {@code --warmup-events} (by sequence)
     * @param warmupEvents events of a stream up to this sequence are left out of the after-warm-up count
     *                     and span, as {@code endToEnd} leaves them out of its timing
     */
    public ReceiveTally(
        final CounterRegistry counters, final SequenceChecker checker, final HopLatency endToEnd, final long warmupEvents)
    {
        this.checker = checker;
        this.endToEnd = endToEnd;
        this.warmupEvents = warmupEvents;
        framesReceived = counters.newCounter(FRAMES_RECEIVED);
        eventsReceived = counters.newCounter(EVENTS_RECEIVED);
        for (int type = EventType.SIGNAL; type < EventType.CODES; type++)
        {
            byType[type] = counters.newCounter(BY_TYPE_PREFIX + EventType.name(type));
        }
        decodeErrors = counters.newCounter(DECODE_ERRORS);
        for (int result = Frame.REJECTED_TOO_LARGE; result < Frame.VALIDATION_RESULTS; result++)
        {
            rejected[result] = counters.newCounter(REJECTED_PREFIX + Frame.rejectionName(result));
        }
        receiverRestarts = counters.newCounter(RECEIVER_RESTARTS);
        receiveSpanNs = counters.newCounter(RECEIVE_SPAN_NS);
        afterWarmupEvents = counters.newCounter(AFTER_WARMUP_EVENTS);
        afterWarmupSpanNs = counters.newCounter(AFTER_WARMUP_SPAN_NS);
    }

    /** A frame came off the socket at {@code nowNs} on the receive loop's clock; its events follow. */
    public void onFrame(final long nowNs)
    {
        // The origin was stamped by System.nanoTime() in the bot: a machine-wide clock on Linux,
        // not the receive loop's NanoClock, which a test may replace.
        frameReceivedNs = endToEnd.isEnabled() ? System.nanoTime() : 0;
        frameNs = nowNs;
        framesReceived.incrementRelease();
    }

    /** The frame was refused whole, for {@code reason} ({@link Frame#validate}): none of its events count. */
    public void onRejected(final int reason)
    {
        rejected[reason].incrementRelease();
        decodeErrors.incrementRelease();
    }

    @Override
    public void onEvent(final Event event)
    {
        final int type = event.type;
        byType[type].incrementRelease();
        if (!EventType.isControl(type))
        {
            eventsReceived.incrementRelease();
            checker.onEvent(event.sourceId, event.epoch, event.sequence);
            if (event.warmUp)
            {
                endToEnd.record(event.originNs, frameReceivedNs, 1, true);
            }
            else
            {
                endToEnd.recordEvent(event.sequence, event.originNs, frameReceivedNs);
            }
            if (firstEventNs < 0)
            {
                firstEventNs = frameNs;
            }
            receiveSpanNs.setRelease(frameNs - firstEventNs);
            if (event.sequence > warmupEvents)
            {
                if (firstAfterWarmupNs < 0)
                {
                    firstAfterWarmupNs = frameNs;
                }
                afterWarmupEvents.incrementRelease();
                afterWarmupSpanNs.setRelease(frameNs - firstAfterWarmupNs);
            }
        }
        else if (type == EventType.END_OF_STREAM)
        {
            checker.onEndOfStream(event.sourceId, event.epoch, event.eventsProduced);
        }
    }

    /** True when every stream seen has ended: a drain can stop at once. */
    public boolean allStreamsEnded()
    {
        return checker.allStreamsEnded();
    }

    /** Counts the receiver's restarts of its JeroMQ context. */
    public AtomicCounter receiverRestarts()
    {
        return receiverRestarts;
    }
}
