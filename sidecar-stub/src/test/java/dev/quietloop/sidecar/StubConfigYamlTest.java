package dev.quietloop.sidecar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.YamlDocument;
import dev.quietloop.sidecar.receive.FaultInjection;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StubConfigYamlTest
{
    @Test
    void shouldWriteEveryFieldUnderItsComponentNameWithTimesInTheUnitsOfTheirNames()
    {
        final StubConfig config = new StubConfig()
            .bind(Endpoint.parse("tcp://127.0.0.1:0"))
            .sockets(SocketSettings.DEFAULTS.withHighWaterMark(8))
            .delayUs(200)
            .stallAfter(10L)
            .stallSeconds(2)
            .exitAfter(500L)
            .idle(IdleChoice.SPIN)
            .drainMs(1_500)
            .summary(Path.of("sidecar.json"))
            .timeHops(false)
            .warmupEvents(300)
            .cpus("0")
            .exitWithParent(true)
            .security(LinkSecurity.OFF)
            .conclude();

        final Map<?, ?> sidecar = yaml(config);

        assertEquals(List.of("bind", "sockets", "delayNs", "stallAfter", "stallNs", "exitAfter", "idle", "drainMs",
            "summary", "timeHops", "warmupEvents", "cpus", "exitWithParent", "security"),
            new ArrayList<>(sidecar.keySet()), "every field, once, in order");
        assertEquals("tcp://127.0.0.1:*", sidecar.get("bind"), "a port left to the system");
        assertEquals(8L, YamlDocument.number(YamlDocument.map(sidecar, "sockets"), "highWaterMark"));
        assertEquals(200_000L, YamlDocument.number(sidecar, "delayNs"));
        assertEquals(10L, YamlDocument.number(sidecar, "stallAfter"));
        assertEquals(2_000_000_000L, YamlDocument.number(sidecar, "stallNs"));
        assertEquals(500L, YamlDocument.number(sidecar, "exitAfter"));
        assertEquals("spin", sidecar.get("idle"));
        assertEquals(1_500L, YamlDocument.number(sidecar, "drainMs"));
        assertEquals(Path.of("sidecar.json").toAbsolutePath().toString(), sidecar.get("summary"));
        assertEquals(false, sidecar.get("timeHops"));
        assertEquals("0", sidecar.get("cpus"));
        assertEquals(true, sidecar.get("exitWithParent"));
        assertEquals(false, YamlDocument.map(sidecar, "security").get("insecure"));
    }

    @Test
    void shouldWriteFaultsThatAreOffAsZeroAndNoSummaryAsNull()
    {
        final Map<?, ?> sidecar = yaml(new StubConfig().conclude());

        assertEquals("tcp://127.0.0.1:5557", sidecar.get("bind"));
        assertEquals(0L, YamlDocument.number(sidecar, "delayNs"));
        assertEquals(FaultInjection.OFF, YamlDocument.number(sidecar, "stallAfter"));
        assertEquals(FaultInjection.OFF, YamlDocument.number(sidecar, "exitAfter"));
        assertNull(sidecar.get("summary"));
    }

    private static Map<?, ?> yaml(final StubConfig config)
    {
        return YamlDocument.map(YamlDocument.parse(ConfigYaml.section("sidecar", config::writeYaml)), "sidecar");
    }
}
