package dev.quietloop.broker.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.testing.YamlDocument;
import dev.quietloop.protocol.testing.PrintCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigWriterTest
{
    @TempDir
    Path runDir;

    private final PrintCapture err = new PrintCapture();

    @Test
    void shouldJoinTheMachineTheBrokerAndTheChildrenSectionsThenDeleteTheChildrenFiles() throws Exception
    {
        ConfigYaml.write(runDir.resolve("bot.yaml"), "bot", (wire) -> wire.write("strategy").text("imbalance"), err.stream);
        // A child's file without a final new line still ends its section.
        Files.writeString(runDir.resolve("sidecar.yaml"), "sidecar: {\n  idle: backoff\n}", StandardCharsets.UTF_8);

        assertTrue(RunConfigWriter.write(runDir, (wire) -> wire.write("ringSize").int64(1_024), err.stream));

        assertEquals("", err.text());
        final Map<?, ?> config = YamlDocument.read(runDir.resolve(RunConfigWriter.CONFIG_FILE));
        assertEquals(List.of("machine", "broker", "bot", "sidecar"), new ArrayList<>(config.keySet()));
        final Map<?, ?> broker = YamlDocument.map(config, "broker");
        assertEquals(1_024L, YamlDocument.number(broker, "ringSize"));
        assertEquals(ProcessHandle.current().pid(), YamlDocument.number(YamlDocument.map(broker, "jvm"), "pid"));
        assertEquals("imbalance", YamlDocument.map(config, "bot").get("strategy"));
        assertEquals("backoff", YamlDocument.map(config, "sidecar").get("idle"));
        assertEquals(List.of(RunConfigWriter.CONFIG_FILE), files(), "the children's files are gone, no temporary left");
    }

    @Test
    void shouldWriteTheMachineAndTheBrokerAloneWhenNoChildWroteASection() throws Exception
    {
        assertTrue(RunConfigWriter.write(runDir, (wire) -> wire.write("launchBot").bool(false), err.stream));

        final Map<?, ?> config = YamlDocument.read(runDir.resolve(RunConfigWriter.CONFIG_FILE));
        assertEquals(List.of("machine", "broker"), new ArrayList<>(config.keySet()));
    }

    @Test
    void shouldSayInOneLineAndKeepTheChildrenFilesWhenConfigYamlCannotBeWritten() throws Exception
    {
        ConfigYaml.write(runDir.resolve("bot.yaml"), "bot", (wire) -> wire.write("strategy").text("imbalance"), err.stream);
        final Path blocked = Files.createDirectories(runDir.resolve(RunConfigWriter.CONFIG_FILE).resolve("in-the-way"));

        assertFalse(RunConfigWriter.write(runDir, (wire) -> wire.write("ringSize").int64(1_024), err.stream));

        final String message = err.text();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("broker: cannot write " + blocked.getParent() + ": "), message);
        assertTrue(Files.isRegularFile(runDir.resolve("bot.yaml")), "its section is nowhere else");
    }

    private List<String> files() throws Exception
    {
        try (var stream = Files.list(runDir))
        {
            return stream.map((file) -> file.getFileName().toString()).sorted().toList();
        }
    }
}
