package dev.quietloop.protocol.config;

import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

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
