package dev.quietloop.bot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.EventPoller;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;
import org.junit.jupiter.api.Test;

class EventPublisherTest
{
    private static final int SOURCE_ID = 7;
    private static final long EPOCH = 123_456_789L;

    private final BotCounters counters = new BotCounters();
    private EventRing ring;

    @Test
    void shouldCountRejectedEventWhenRingIsFull()
    {
        final EventPublisher publisher = publisher(4);
        int published = 0;
        for (int i = 0; i < 10; i++)
        {
            publisher.beginTick(i, 1_000 + i);
            if (publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, i))
            {
                published++;
            }
        }

        assertEquals(4, published);
        assertEquals(10, counters.eventsProduced.get());
        assertEquals(6, counters.ringRejected.get());
        assertEquals(10, publisher.lastSequence());
    }

    @Test
    void shouldTimeEveryPublishAfterTheWarmUpRejectedOrNot()
    {
        final HopLatency tickToPublish = HopLatency.of(Hop.TICK_TO_PUBLISH, true, 3);
        final EventPublisher publisher = new EventPublisher(
            new EventRing(4, counters.ringRejected), SOURCE_ID, EPOCH, counters.eventsProduced,
            counters.ringRejected, tickToPublish);
        for (int i = 0; i < 10; i++)
        {
            publisher.beginTick(System.nanoTime(), 1_000 + i);
            publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, i);
        }

        assertEquals(6, counters.ringRejected.get());
        assertEquals(7, tickToPublish.total().getTotalCount(), "sequences 4 to 10, the last six rejected");
    }

    @Test
    void shouldEndAWarmUpByTicksAtTheLastEventOfItsLastTick()
    {
        final WarmUp warmUp = WarmUp.ofTicks(3);
        final HopLatency tickToPublish = HopLatency.of(Hop.TICK_TO_PUBLISH, true, warmUp);
        final EventPublisher publisher = new EventPublisher(
            new EventRing(64, counters.ringRejected), SOURCE_ID, EPOCH, counters.eventsProduced,
            counters.ringRejected, tickToPublish);
        for (int tick = 0; tick < 10; tick++)
        {
            publisher.beginTick(System.nanoTime(), 1_000 + tick);
            publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, tick);
            publisher.publishSignal(0, Event.SIDE_SELL, 1, 100, tick);
            if (tick < 3)
            {
                assertTrue(warmUp.isOpen(), "still in the warm-up's ticks at tick " + (tick + 1));
            }
        }

        assertEquals(6, warmUp.lastSequence(), "two events a tick for three ticks");
        assertEquals(6, tickToPublish.warmUpTotal().getTotalCount());
        assertEquals(14, tickToPublish.total().getTotalCount());
    }

    @Test
    void shouldOfferEveryEventToItsSinkAndLeaveCountingWhatItRefusesToTheSink()
    {
        final List<Long> offered = new ArrayList<>();
        final List<Byte> endsOffered = new ArrayList<>();
        final EventSink everyOther = new EventSink()
        {
            @Override
            public boolean offer(final Event event)
            {
                offered.add(event.sequence);
                return event.sequence % 2 == 0;
            }

            @Override
            public boolean offerEndOfStream(final Event endOfStream)
            {
                endsOffered.add(endOfStream.type);
                return true;
            }
        };
        final EventPublisher publisher =
            new EventPublisher(everyOther, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);

        final List<Boolean> published = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            published.add(publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, i));
        }
        assertTrue(publisher.tryPublishEndOfStream(4, 0));

        assertEquals(List.of(1L, 2L, 3L, 4L), offered);
        assertEquals(List.of(false, true, false, true), published);
        assertEquals(List.of(EventType.END_OF_STREAM), endsOffered);
        assertEquals(4, counters.eventsProduced.get());
        assertEquals(0, counters.ringRejected.get(), "the sink counts what it refuses, where it was lost");
    }

    @Test
    void shouldAssignSequencesFromOneIncludingRejectedEvents() throws Exception
    {
        final EventPublisher publisher = publisher(4);
        for (int i = 0; i < 10; i++)
        {
            publisher.beginTick(i, 1_000 + i);
            publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, i);
        }

        final List<Long> sequences = new ArrayList<>();
        final List<Long> marketDataNs = new ArrayList<>();
        drain(ring.poller(), event ->
        {
            sequences.add(event.sequence);
            marketDataNs.add(event.marketDataNs);
        });
        assertEquals(List.of(1L, 2L, 3L, 4L), sequences);
        assertEquals(List.of(1_000L, 1_001L, 1_002L, 1_003L), marketDataNs);

        assertTrue(publisher.publishCancel(0, 42, Event.SIDE_SELL, Event.REASON_REJECTED));
        final List<Event> next = new ArrayList<>();
        drain(ring.poller(), event -> next.add(new Event().copyFrom(event)));
        assertEquals(1, next.size());
        assertEquals(11, next.get(0).sequence);
    }

    @Test
    void shouldFillEveryHeaderFieldOfPublishedEvents() throws Exception
    {
        final EventPublisher publisher = publisher(8);
        publisher.beginTick(7_777, 55);
        assertTrue(publisher.publishOrder(EventType.ORDER_FILLED, 3, 99, Event.SIDE_SELL, 12_345, 678));
        assertTrue(publisher.publishPosition(3, -678, 12_400, -37));

        final List<Event> events = new ArrayList<>();
        drain(ring.poller(), event -> events.add(new Event().copyFrom(event)));
        final Event event = events.get(0);
        assertEquals(EventType.ORDER_FILLED, event.type);
        assertEquals(SOURCE_ID, event.sourceId);
        assertEquals(EPOCH, event.epoch);
        assertEquals(1, event.sequence);
        assertEquals(55, event.marketDataNs);
        assertEquals(7_777, event.originNs);
        assertEquals(3, event.symbolId);
        assertEquals(99, event.orderId);
        assertEquals(Event.SIDE_SELL, event.side);
        assertEquals(12_345, event.price);
        assertEquals(678, event.quantity);

        final Event position = events.get(1);
        assertEquals(EventType.POSITION, position.type);
        assertEquals(2, position.sequence);
        assertEquals(7_777, position.originNs, "every event of one tick carries the tick's origin");
        assertEquals(3, position.symbolId);
        assertEquals(-678, position.quantity);
        assertEquals(12_400, position.price);
        assertEquals(-37, position.value);
    }

    @Test
    void shouldPublishEndOfStreamWithCountersWithoutSequencingIt() throws Exception
    {
        final EventPublisher publisher = publisher(4);
        for (int i = 0; i < 5; i++)
        {
            publisher.publishSignal(0, Event.SIDE_BUY, 1, 100, i);
        }
        assertFalse(publisher.tryPublishEndOfStream(500, 9), "the ring is full");

        drain(ring.poller(), event -> { });
        assertTrue(publisher.tryPublishEndOfStream(500, 9));

        final List<Event> events = new ArrayList<>();
        drain(ring.poller(), event -> events.add(new Event().copyFrom(event)));
        final Event endOfStream = events.get(0);
        assertEquals(EventType.END_OF_STREAM, endOfStream.type);
        assertEquals(0, endOfStream.sequence);
        assertEquals(500, endOfStream.ticks);
        assertEquals(5, endOfStream.eventsProduced);
        assertEquals(1, endOfStream.ringRejected);
        assertEquals(5, counters.eventsProduced.get(), "an end of stream is not a produced event");
    }

    private EventPublisher publisher(final int ringSize)
    {
        ring = new EventRing(ringSize, counters.ringRejected);
        return new EventPublisher(ring, SOURCE_ID, EPOCH, counters.eventsProduced, counters.ringRejected);
    }

    static void drain(final EventPoller<Event> poller, final java.util.function.Consumer<Event> consumer)
        throws Exception
    {
        poller.poll((event, sequence, endOfBatch) ->
        {
            consumer.accept(event);
            return true;
        });
    }
}
