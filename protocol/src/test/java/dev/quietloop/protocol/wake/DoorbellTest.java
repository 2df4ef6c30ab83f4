package dev.quietloop.protocol.wake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DoorbellTest
{
    private static final long FOREVER_NS = TimeUnit.SECONDS.toNanos(60);

    @Test
    void shouldWakeAConsumerParkedForAMinuteWhenRung() throws Exception
    {
        final AtomicLong published = new AtomicLong();
        final Doorbell doorbell = new Doorbell(() -> published.get() > 0);
        final CountDownLatch woke = new CountDownLatch(1);
        final Thread consumer = new Thread(() ->
        {
            doorbell.awaitWork(FOREVER_NS);
            woke.countDown();
        });
        consumer.start();
        while (!doorbell.isConsumerAsleep())
        {
            Thread.onSpinWait();
        }

        published.set(1);
        doorbell.ring();

        assertTrue(woke.await(20, TimeUnit.SECONDS), "the ring woke the consumer, long before its minute");
        consumer.join();
        assertFalse(doorbell.isConsumerAsleep(), "the consumer clears its announcement on waking");
    }

    @Test
    void shouldNotParkWhenWorkIsAlreadyThere()
    {
        final Doorbell doorbell = new Doorbell(() -> true);

        doorbell.awaitWork(FOREVER_NS); // would hold the test past its timeout if it parked

        assertFalse(doorbell.isConsumerAsleep());
    }

    /**
     * A producer and a consumer hand over values one at a time, the consumer parking for a minute
     * whenever it finds nothing: a single lost wake-up would stall the hand-over past the timeout.
     */
    @Test
    void shouldLoseNoWakeUpOverManyHandOvers() throws Exception
    {
        final int handOvers = 20_000;
        final AtomicLong published = new AtomicLong();
        final AtomicLong consumed = new AtomicLong();
        final Doorbell doorbell = new Doorbell(() -> published.get() > consumed.get());
        final Thread consumer = new Thread(() ->
        {
            while (consumed.get() < handOvers)
            {
                if (published.get() > consumed.get())
                {
                    consumed.incrementAndGet();
                }
                else
                {
                    doorbell.awaitWork(FOREVER_NS);
                }
            }
        });
        consumer.start();

        for (int i = 1; i <= handOvers; i++)
        {
            published.set(i);
            doorbell.ring();
            while (consumed.get() < i)
            {
                Thread.onSpinWait();
            }
        }
        consumer.join(TimeUnit.SECONDS.toMillis(20));

        assertEquals(handOvers, consumed.get());
    }
}
