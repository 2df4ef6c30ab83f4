package dev.quietloop.protocol.wake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

@Timeout(30)
class SocketWaitTest
{
    private static final long FOREVER_NS = TimeUnit.SECONDS.toNanos(60);

    @Test
    void shouldReturnWhenAMessageArrivesOnAnIdleSocket() throws Exception
    {
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            final Endpoint bound = SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
            final ZMQ.Socket push = context.createSocket(SocketType.PUSH);
            push.connect(bound.zmqAddress());
            final byte[] buffer = new byte[16];
            final CountDownLatch received = new CountDownLatch(3);
            final Thread reader = new Thread(() ->
            {
                try (SocketWait wait = new SocketWait(pull))
                {
                    while (received.getCount() > 0)
                    {
                        // Drain, then block for up to a minute: only the next message ends the wait early.
                        while (pull.recv(buffer, 0, buffer.length, ZMQ.DONTWAIT) >= 0)
                        {
                            received.countDown();
                        }
                        if (received.getCount() > 0)
                        {
                            wait.awaitWork(FOREVER_NS);
                        }
                    }
                }
            });
            reader.start();

            for (int i = 0; i < 3; i++)
            {
                Thread.sleep(50); // the reader is blocked by now, most likely: each message must wake it
                assertTrue(push.send(new byte[] {(byte)i}, 0));
            }

            assertTrue(received.await(20, TimeUnit.SECONDS), "each message woke the blocked reader");
            reader.join();
        }
    }

    @Test
    void shouldReturnAfterItsLongestWaitWithNothingToRead()
    {
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
            try (SocketWait wait = new SocketWait(pull))
            {
                wait.awaitWork(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertEquals(-1, pull.recv(new byte[4], 0, 4, ZMQ.DONTWAIT));
        }
    }
}
