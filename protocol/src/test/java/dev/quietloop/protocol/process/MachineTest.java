package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;

class MachineTest
{
    @Test
    void shouldSeeTheMachineThisJvmRunsOn()
    {
        final Machine machine = Machine.current();

        assertEquals(Runtime.getRuntime().availableProcessors(), machine.availableProcessors());
        assertEquals(CpuAffinity.format(CpuAffinity.online("test")), machine.cpusOnline());
        assertEquals(System.getProperty("os.name"), machine.osName());
        assertTrue(machine.totalMemoryBytes() > 0, machine.toString());
    }

    @Test
    void shouldWriteWhatItDoesNotKnowAsNull()
    {
        final Machine unknown = new Machine(null, 1, "os", "1.0", "arch", -1);

        final Map<?, ?> written = YamlDocument.map(
            YamlDocument.parse(ConfigYaml.section(ConfigYaml.MACHINE, unknown::writeYaml)), ConfigYaml.MACHINE);

        assertTrue(written.containsKey("cpusOnline") && written.containsKey("totalMemoryBytes"), written.toString());
        assertNull(written.get("cpusOnline"));
        assertNull(written.get("totalMemoryBytes"));
        assertEquals(1L, YamlDocument.number(written, "availableProcessors"));
    }
}
