package dev.quietloop.sidecar.check;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Checks sequences per (source, epoch) stream so that no event is lost silently: per stream the
 * next sequence expected is the last + 1; a higher one adds the difference to the gaps, a lower
 * one is a duplicate, and an end of stream turns events missing at the tail into gaps. Hence,
 * per stream, {@code received - duplicates + gaps = produced}.
 * <p>
 * Owned by the receive thread; its counters may be read from any thread.
 */
public final class SequenceChecker
{
    public static final String GAPS = Accounting.SIDECAR_GAPS;
    public static final String DUPLICATES = Accounting.SIDECAR_DUPLICATES;
    public static final String STREAMS = Accounting.SIDECAR_STREAMS;
    public static final String STREAMS_ENDED = Accounting.SIDECAR_STREAMS_ENDED;

    private final StreamTable table = new StreamTable();
    private final AtomicCounter gaps;
    private final AtomicCounter duplicates;
    private final AtomicCounter streams;
    private final AtomicCounter streamsEnded;
    private int endedCount;

    public SequenceChecker(final CounterRegistry registry)
    {
        gaps = registry.newCounter(GAPS);
        duplicates = registry.newCounter(DUPLICATES);
        streams = registry.newCounter(STREAMS);
        streamsEnded = registry.newCounter(STREAMS_ENDED);
    }

    /** A business event: signal or order. */
    public void onEvent(final int sourceId, final long epoch, final long sequence)
    {
        final int slot = slotOf(sourceId, epoch);
        final long expected = table.lastSequence(slot) + 1;
        if (sequence >= expected)
        {
            if (sequence > expected)
            {
                gaps.getAndAddRelease(sequence - expected);
            }
            table.lastSequence(slot, sequence);
        }
        else
        {
            duplicates.incrementRelease();
        }
    }

    /** An end of stream: the source produced {@code eventsProduced} events in this epoch. A repeat changes nothing. */
    public void onEndOfStream(final int sourceId, final long epoch, final long eventsProduced)
    {
        final int slot = slotOf(sourceId, epoch);
        if (table.isEnded(slot))
        {
            return;
        }
        final long last = table.lastSequence(slot);
        if (eventsProduced > last)
        {
            gaps.getAndAddRelease(eventsProduced - last);
            table.lastSequence(slot, eventsProduced);
        }
        table.markEnded(slot);
        endedCount++;
        streamsEnded.incrementRelease();
    }

    /** True once at least one stream was seen and every stream seen has ended; for the owning thread. */
    public boolean allStreamsEnded()
    {
        return endedCount > 0 && endedCount == table.size();
    }

    public long gaps()
    {
        return gaps.get();
    }

    public long duplicates()
    {
        return duplicates.get();
    }

    public long streams()
    {
        return streams.get();
    }

    public long streamsEnded()
    {
        return streamsEnded.get();
    }

    private int slotOf(final int sourceId, final long epoch)
    {
        final int before = table.size();
        final int slot = table.slotOf(sourceId, epoch);
        if (table.size() != before)
        {
            streams.incrementRelease();
        }
        return slot;
    }
}
