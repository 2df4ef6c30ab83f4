package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import org.junit.jupiter.api.Test;

class BrokerConfigTest
{
    private static BrokerConfig config(final int ringSize, final String idle, final String runId, final Endpoint sidecar)
    {
        return new BrokerConfig(Endpoint.loopback(0), sidecar, false, List.of(), false, Path.of("none.csv"), List.of(),
            0, runId, true, Path.of("reports"), 10, ringSize, 16_384, SocketSettings.DEFAULTS, idle, "backoff", Path.of("none.options"), true, true, null, false,
            LinkSecurity.OFF);
    }

    @Test
    void shouldAcceptDefaults()
    {
        assertEquals(1024, config(1024, "backoff", "r", Endpoint.loopback(5557)).ringSize());
    }

    @Test
    void shouldNameEachBadValue()
    {
        assertMessage("--ring-size", () -> config(1000, "backoff", "r", Endpoint.loopback(5557)));
        assertMessage("unknown idle strategy 'fast'", () -> config(1024, "fast", "r", Endpoint.loopback(5557)));
        assertMessage("bad --run-id '../x'", () -> config(1024, "backoff", "../x", Endpoint.loopback(5557)));
        assertMessage("bad --run-id 'latest'", () -> config(1024, "backoff", "latest", Endpoint.loopback(5557)));
        assertMessage("--sidecar", () -> config(1024, "backoff", "r", Endpoint.loopback(0)));
    }

    @Test
    void shouldSendBotsToLoopbackWhenIngestIsBoundToEveryInterface()
    {
        assertEquals(Endpoint.loopback(5556), ChildArguments.connectable(new Endpoint("0.0.0.0", 5556)));
        assertEquals(new Endpoint("10.0.0.1", 5556), ChildArguments.connectable(new Endpoint("10.0.0.1", 5556)));
    }

    private static void assertMessage(final String expected, final Runnable build)
    {
        final ConfigException ex = assertThrows(ConfigException.class, build::run);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
