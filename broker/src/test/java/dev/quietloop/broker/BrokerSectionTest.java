package dev.quietloop.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.YamlDocument;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrokerSectionTest
{
    @Test
    void shouldWriteEverySettingWithPathsAbsoluteAndArgumentsAsSequences()
    {
        final BrokerContext ctx = new BrokerContext()
            .ingest(Endpoint.loopback(0))
            .sidecar(Endpoint.loopback(5557))
            .drainTimeoutS(10)
            .ringSize(512)
            .maxFrameBytes(8_192)
            .sockets(SocketSettings.DEFAULTS.withKernelBufferBytes(65_536))
            .idleForwarder(new IdleChoice("yield"))
            .timeHops(false)
            .cpus("0")
            .exitWithParent(true)
            .run(new RunContext()
                .stubArgs(List.of("--delay-us=200"))
                .dataFile(Path.of("none.csv"))
                .botArgs(List.of("--ring-size=1024", "--quiet"))
                .expectBots(2)
                .runId("run-1")
                .reportsDir(Path.of("reports"))
                .jvmOptionsFile(Path.of("config/jvm.options"))
                .plots(false))
            .conclude();

        final Map<?, ?> broker =
            YamlDocument.map(YamlDocument.parse(ConfigYaml.section("broker", wire -> BrokerSection.write(ctx, wire))), "broker");

        assertEquals(List.of("ingest", "sidecar", "launchStub", "stubArgs", "launchBot", "dataFile", "botArgs",
            "expectBots", "runId", "runIdGiven", "reportsDir", "drainTimeoutSeconds", "ringSize", "maxFrameBytes",
            "sockets", "idleReceiver", "idleForwarder", "jvmOptionsFile", "timeHops", "plots", "cpus", "exitWithParent",
            "security"), new ArrayList<>(broker.keySet()), "every setting, once, in order");
        assertEquals("tcp://127.0.0.1:*", broker.get("ingest"), "a port left to the system");
        assertEquals("tcp://127.0.0.1:5557", broker.get("sidecar"));
        assertEquals(false, broker.get("launchStub"));
        assertEquals(List.of("--delay-us=200"), broker.get("stubArgs"));
        assertEquals(false, broker.get("launchBot"));
        assertEquals(Path.of("none.csv").toAbsolutePath().toString(), broker.get("dataFile"));
        assertEquals(List.of("--ring-size=1024", "--quiet"), broker.get("botArgs"));
        assertEquals(2L, YamlDocument.number(broker, "expectBots"));
        assertEquals("run-1", broker.get("runId"));
        assertEquals(true, broker.get("runIdGiven"));
        assertEquals(Path.of("reports").toAbsolutePath().toString(), broker.get("reportsDir"));
        assertEquals(10L, YamlDocument.number(broker, "drainTimeoutSeconds"));
        assertEquals(512L, YamlDocument.number(broker, "ringSize"));
        assertEquals(8_192L, YamlDocument.number(broker, "maxFrameBytes"));
        assertEquals(65_536L, YamlDocument.number(YamlDocument.map(broker, "sockets"), "kernelBufferBytes"));
        assertEquals("backoff", broker.get("idleReceiver"));
        assertEquals("yield", broker.get("idleForwarder"));
        assertEquals(Path.of("config/jvm.options").toAbsolutePath().toString(), broker.get("jvmOptionsFile"));
        assertEquals(false, broker.get("timeHops"));
        assertEquals("0", broker.get("cpus"));
        assertEquals(true, broker.get("exitWithParent"));
        assertEquals(false, YamlDocument.map(broker, "security").get("insecure"));
    }
}
