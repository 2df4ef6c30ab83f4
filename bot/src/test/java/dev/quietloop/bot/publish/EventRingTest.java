package dev.quietloop.bot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.protocol.wake.Doorbell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EventRingTest
{
    private final BotCounters counters = new BotCounters();
    private final EventRing ring = new EventRing(8, counters.ringRejected);
    private final EventPublisher publisher =
        new EventPublisher(ring, 1, 7, counters.eventsProduced, counters.ringRejected);

    @Test
    void shouldWakeTheSleepingSenderAtTheEndOfATickThatPublished() throws Exception
    {
        final Doorbell doorbell = ring.doorbell();
        final CountDownLatch woke = new CountDownLatch(1);
        final Thread sender = new Thread(() ->
        {
            doorbell.awaitWork(TimeUnit.SECONDS.toNanos(60));
            woke.countDown();
        });
        sender.start();
        while (!doorbell.isConsumerAsleep())
        {
            Thread.onSpinWait();
        }

        publisher.beginTick(1, 2);
        publisher.publishSignal(1, (byte)1, 1, 100, 5);
        publisher.endTick();

        assertTrue(woke.await(20, TimeUnit.SECONDS), "woken at the tick's end, long before the minute");
        sender.join();
    }

    @Test
    void shouldTellTheSleepingSenderThereIsWorkOnlyOncePublished() throws Exception
    {
        // The sender's last look before it parks: a sender that looks after the publish never parks.
        final Doorbell doorbell = ring.doorbell();
        final Thread before = new Thread(() -> doorbell.awaitWork(TimeUnit.MILLISECONDS.toNanos(1)));
        before.start();
        before.join();

        publisher.beginTick(1, 2);
        publisher.publishSignal(1, (byte)1, 1, 100, 5);
        doorbell.awaitWork(TimeUnit.SECONDS.toNanos(60)); // would outlast the test's timeout if it parked

        assertFalse(doorbell.isConsumerAsleep());
        assertEquals(0, counters.ringRejected.get());
    }
}
