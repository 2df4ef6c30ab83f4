package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class AgentThreadsTest
{
    @Test
    void shouldCloseTheAgentsInTheReverseOrderOfTheirStart() throws InterruptedException
    {
        final List<String> closed = new CopyOnWriteArrayList<>();
        final CountDownLatch running = new CountDownLatch(3);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (AgentThreads agents = new AgentThreads("toy", "toy.errors", new PrintStream(err, true, StandardCharsets.UTF_8)))
        {
            for (final String name : List.of("first", "second", "third"))
            {
                agents.start(new Named(name, running, closed), new SleepingIdleStrategy(), counter());
            }
            assertTrue(running.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("third", "second", "first"), closed);
    }

    @Test
    void shouldPrintTheFirstErrorOnceAndCountEveryOne() throws InterruptedException
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicCounter errors = counter();
        final CountDownLatch failures = new CountDownLatch(4); // the 4th starts once the 3rd was counted
        try (AgentThreads agents = new AgentThreads("toy", "toy.errors", new PrintStream(err, true, StandardCharsets.UTF_8)))
        {
            agents.start(new Failing(failures), new SleepingIdleStrategy(), errors);
            assertTrue(failures.await(10, TimeUnit.SECONDS));
        }
        final String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("toy: error on failing (later ones are only counted in toy.errors):"), printed);
        assertEquals(1, printed.split("IllegalStateException: failure", -1).length - 1, printed);
        assertTrue(errors.get() >= 3, "counted: " + errors.get());
    }

    private static AtomicCounter counter()
    {
        final CountersManager counters = new CountersManager(
            new UnsafeBuffer(new byte[1024 * 64]), new UnsafeBuffer(new byte[1024 * 16]));
        return counters.newCounter("errors");
    }

    private record Named(String roleName, CountDownLatch running, List<String> closed) implements Agent
    {
        @Override
        public int doWork()
        {
            running.countDown();
            return 0;
        }

        @Override
        public void onClose()
        {
            closed.add(roleName);
        }
    }

    private record Failing(CountDownLatch failures) implements Agent
    {
        @Override
        public int doWork()
        {
            failures.countDown();
            throw new IllegalStateException("failure");
        }

        @Override
        public String roleName()
        {
            return "failing";
        }
    }
}
