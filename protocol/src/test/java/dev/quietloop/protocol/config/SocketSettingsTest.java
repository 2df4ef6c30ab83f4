package dev.quietloop.protocol.config;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.LoopbackPorts;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketSettingsTest
{
    @Test
    void shouldBindAnEphemeralLoopbackPortAndReportIt()
    {
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket pull = SocketSettings.DEFAULTS.pull(context);
            final Endpoint bound = SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));

            assertEquals("127.0.0.1", bound.host());
            assertNotEquals(0, bound.port());
        }
    }

    @Test
    void shouldKeepFramesQueuedUntilAPeerBindsAndDeliverThem()
    {
        final Endpoint later = LoopbackPorts.unused();
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket push = SocketSettings.DEFAULTS.withLingerMs(0).push(context);
            SocketSettings.connect(push, later);
            assertTrue(push.send(new byte[]{ 1, 2, 3 }, 0, 3, ZMQ.DONTWAIT), "queued for the peer to come");

            final ZMQ.Socket pull = SocketSettings.DEFAULTS.pull(context);
            pull.setReceiveTimeOut(30_000);
            SocketSettings.bind(pull, later);

            assertArrayEquals(new byte[]{ 1, 2, 3 }, pull.recv(0), "delivered once the peer is there");
        }
    }

    @Test
    void shouldRefuseSendsBeyondTheHighWaterMarkWhileNoPeerIsConnected()
    {
        final Endpoint nobody = LoopbackPorts.unused();
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket push = SocketSettings.DEFAULTS.withLingerMs(0).withHighWaterMark(4).push(context);
            SocketSettings.connect(push, nobody);
            int accepted = 0;
            while (accepted < 100 && push.send(new byte[8], 0, 8, ZMQ.DONTWAIT))
            {
                accepted++;
            }

            assertTrue(accepted < 100, "back-pressure after the high-water mark, accepted " + accepted);
        }
    }

    @Test
    void shouldBindAndDeliverWithKernelBuffersSet()
    {
        // A listening channel refuses SO_SNDBUF: the binding PULL must not ask for it.
        final SocketSettings small = SocketSettings.DEFAULTS.withKernelBufferBytes(65_536);
        try (ZContext context = new ZContext(1))
        {
            final ZMQ.Socket pull = small.pull(context);
            final Endpoint bound = SocketSettings.bind(pull, Endpoint.loopback(Endpoint.EPHEMERAL));
            final ZMQ.Socket push = small.push(context);
            SocketSettings.connect(push, bound);
            pull.setReceiveTimeOut(10_000);

            assertTrue(push.send(new byte[] {7}, 0));
            assertArrayEquals(new byte[] {7}, pull.recv());
        }
    }

    @Test
    void shouldNameTheEndpointWhenThePortIsTaken()
    {
        try (ZContext context = new ZContext())
        {
            final Endpoint bound = SocketSettings.bind(
                SocketSettings.DEFAULTS.pull(context), Endpoint.loopback(Endpoint.EPHEMERAL));
            final ZMQ.Socket second = SocketSettings.DEFAULTS.pull(context);

            final ConfigException ex = assertThrows(ConfigException.class, () -> SocketSettings.bind(second, bound));

            assertTrue(ex.getMessage().contains(bound.toString()), ex.getMessage());
            assertTrue(ex.getMessage().contains("in use"), ex.getMessage());
        }
    }

    @Test
    void shouldWriteEveryFieldUnderItsOwnNameAsYaml()
    {
        final SocketSettings settings = new SocketSettings(1, 2, 3, 4, 5, 6, 7, 8, 9);

        final Map<?, ?> sockets =
            YamlDocument.map(YamlDocument.parse(ConfigYaml.section("sockets", settings::writeYaml)), "sockets");

        final Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("lingerMs", 1L);
        expected.put("highWaterMark", 2L);
        expected.put("reconnectIvlMs", 3L);
        expected.put("reconnectIvlMaxMs", 4L);
        expected.put("heartbeatIvlMs", 5L);
        expected.put("heartbeatTimeoutMs", 6L);
        expected.put("maxFrameBytes", 7L);
        expected.put("handshakeIvlMs", 8L);
        expected.put("kernelBufferBytes", 9L);
        final Map<String, Long> written = new LinkedHashMap<>();
        sockets.forEach((key, value) -> written.put((String)key, ((Number)value).longValue()));
        assertEquals(expected, written);
    }
}
