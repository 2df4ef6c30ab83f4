package dev.quietloop.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

class BindLatchTest
{
    @Test
    void shouldHandTheBoundEndpointToTheWaitingThread() throws InterruptedException
    {
        final BindLatch latch = new BindLatch("ingest");
        final Endpoint endpoint = Endpoint.parse("tcp://127.0.0.1:40001");
        final Thread agent = new Thread(() -> latch.bound(endpoint));
        agent.start();
        assertSame(endpoint, latch.await(10_000));
        agent.join();
    }

    @Test
    void shouldRethrowTheAgentsConfigExceptionAsItIs()
    {
        final BindLatch latch = new BindLatch("ingest");
        final ConfigException taken = new ConfigException("cannot bind tcp://127.0.0.1:1: Address already in use");
        latch.failed(taken);
        assertSame(taken, assertThrows(ConfigException.class, () -> latch.await(1)));
    }

    @Test
    void shouldNameTheSocketWhenACheckedFailureOrATimeoutEndsTheWait()
    {
        final BindLatch failed = new BindLatch("sidecar tcp://127.0.0.1:2");
        failed.failed(new IOException("boom"));
        assertTrue(assertThrows(IllegalStateException.class, () -> failed.await(1)).getMessage()
            .startsWith("cannot bind sidecar tcp://127.0.0.1:2"));
        assertEquals("ingest not bound after 1 ms",
            assertThrows(IllegalStateException.class, () -> new BindLatch("ingest").await(1)).getMessage());
    }
}
