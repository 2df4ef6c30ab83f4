package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProcessCpuTest
{
    @Test
    void shouldAddThisProcessesCpuTimeUnderTheKeyGivenInWholeMilliseconds()
    {
        final Map<String, Long> summary = new TreeMap<>();
        ProcessCpu.addTo(summary, "bot.cpuMs");

        // A HotSpot JVM that has started and loaded this test has used a clock tick or more.
        assertEquals(List.of("bot.cpuMs"), List.copyOf(summary.keySet()));
        assertTrue(summary.get("bot.cpuMs") > 0, summary.toString());
        assertTrue(summary.get("bot.cpuMs") <= TimeUnit.NANOSECONDS.toMillis(ProcessCpu.cpuNs()), summary.toString());
    }
}
