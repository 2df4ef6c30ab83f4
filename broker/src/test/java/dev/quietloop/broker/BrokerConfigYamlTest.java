package dev.quietloop.broker;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrokerConfigYamlTest
{
    @Test
    void shouldWriteEveryFieldUnderItsComponentNameWithPathsAbsoluteAndArgumentsAsSequences()
    {
        final BrokerConfig config = new BrokerConfig(Endpoint.loopback(0), Endpoint.loopback(5557), false,
            List.of("--delay-us=200"), false, Path.of("none.csv"), List.of("--ring-size=1024", "--quiet"), 2, "run-1",
            true, Path.of("reports"), 10, 512, 8_192, SocketSettings.DEFAULTS.withKernelBufferBytes(65_536), "backoff",
            "yield", Path.of("config/jvm.options"), false, false, "0", true,
            LinkSecurity.OFF);

        final Map<?, ?> broker =
            YamlDocument.map(YamlDocument.parse(ConfigYaml.section("broker", config::writeYaml)), "broker");

        final List<String> components =
            Stream.of(BrokerConfig.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(components, new ArrayList<>(broker.keySet()), "every field, once, in order");
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
