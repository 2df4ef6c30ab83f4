package dev.quietloop.protocol.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.process.CounterRegistry;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;

class LiveHopsTest
{
    @Test
    void shouldPublishEachTimedHopsIntervalIntoTheCountersAndKeepItInTheRunsTotal()
    {
        final CounterRegistry registry = new CounterRegistry(64);
        final Map<String, AtomicCounter> counters = new TreeMap<>();
        final HopLatency timed = HopLatency.of(Hop.TICK_TO_PUBLISH, true);
        final HopLatency off = HopLatency.of(Hop.RING_TO_SEND, false);
        final LiveHops hops = new LiveHops(name ->
        {
            final AtomicCounter counter = registry.newCounter(name);
            counters.put(name, counter);
            return counter;
        }, timed, off);
        for (long ns = 1_000; ns <= 100_000; ns += 1_000)
        {
            timed.record(0, ns, 1);
        }

        hops.publish();

        final Map<String, Long> live = values(counters);
        assertEquals(100L, live.get("live.tickToPublish.events"));
        assertEquals(50_000, live.get("live.tickToPublish.p50Ns"), 50);
        assertEquals(99_000, live.get("live.tickToPublish.p99Ns"), 99);
        assertEquals(100_000, live.get("live.tickToPublish.maxNs"), 100);
        assertFalse(live.keySet().stream().anyMatch(name -> name.contains("ringToSend")), "a hop not timed takes no counters");

        timed.record(0, 7_000, 1);
        hops.publish();

        assertEquals(1L, values(counters).get("live.tickToPublish.events"), "the last interval alone");
        assertEquals(101, timed.total().getTotalCount(), "every interval published is in the run's total");
        assertTrue(registry.snapshot().isEmpty(), "the summary's snapshot leaves the live counters out");
    }

    @Test
    void shouldStopItsThreadWhenClosed() throws InterruptedException
    {
        final HopLatency timed = HopLatency.of(Hop.END_TO_END, true);
        final LiveHops.Running running = new LiveHops(new CounterRegistry(64)::newCounter, timed).start("live-latency-test");

        running.close();

        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> "live-latency-test".equals(thread.getName())));
    }

    private static Map<String, Long> values(final Map<String, AtomicCounter> counters)
    {
        final Map<String, Long> values = new TreeMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.get()));
        return values;
    }
}
