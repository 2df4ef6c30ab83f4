package dev.quietloop.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTest
{
    @Test
    void shouldParseTcpEndpoints()
    {
        assertEquals(new Endpoint("127.0.0.1", 5556), Endpoint.parse("tcp://127.0.0.1:5556"));
        assertEquals(new Endpoint("localhost", 7), Endpoint.parse("localhost:7"));
        assertEquals(new Endpoint("::1", 9), Endpoint.parse("tcp://[::1]:9"));
        assertEquals("tcp://[::1]:9", Endpoint.parse("tcp://[::1]:9").zmqAddress());
    }

    @Test
    void shouldTreatZeroAndStarAsEphemeral()
    {
        assertTrue(Endpoint.parse("tcp://127.0.0.1:*").isEphemeral());
        assertEquals("tcp://127.0.0.1:*", Endpoint.parse("tcp://127.0.0.1:0").zmqAddress());
    }

    @Test
    void shouldNameTheProblemInBadEndpoints()
    {
        assertMessage("unsupported transport 'ipc'", "ipc:///tmp/x:1");
        assertMessage("bad port 'abc'", "tcp://127.0.0.1:abc");
        assertMessage("bad port in endpoint: 70000", "tcp://127.0.0.1:70000");
        assertMessage("bad endpoint 'tcp://nohost'", "tcp://nohost");
        assertMessage("empty endpoint", " ");
    }

    private static void assertMessage(final String expected, final String text)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Endpoint.parse(text));
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
