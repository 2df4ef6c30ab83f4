package dev.quietloop.protocol.config;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void shouldRefuseASendWhileNoPeerIsConnected() throws java.io.IOException
    {
        final Endpoint nobody;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            nobody = Endpoint.loopback(probe.getLocalPort());
        }
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket push = SocketSettings.DEFAULTS.withLingerMs(0).push(context);
            SocketSettings.connect(push, nobody);

            assertFalse(push.send(new byte[8], 0, 8, ZMQ.DONTWAIT), "queued blind to a peer that is not there");
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
}
