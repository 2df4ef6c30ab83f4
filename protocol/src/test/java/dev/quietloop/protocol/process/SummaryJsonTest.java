package dev.quietloop.protocol.process;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryJsonTest
{
    @Test
    void shouldNestDottedKeysAndReadThemBack()
    {
        final Map<String, Long> flat = new TreeMap<>(Map.of(
            "bot.ticks", 50_000L,
            "bot.ringRejected", 0L,
            "sendLatencyNs.p99_9", 41_000L,
            "sidecar.byType.signal", -3L));

        final String json = SummaryJson.write(flat);

        assertTrue(json.contains("\"bot\": {"), json);
        assertTrue(json.contains("\"ticks\": 50000"), json);
        assertEquals(flat, SummaryJson.parse(json));
    }

    @Test
    void shouldRefuseAKeyThatIsBothAValueAndAnObject()
    {
        assertThrows(IllegalArgumentException.class, () -> SummaryJson.write(Map.of("a", 1L, "a.b", 2L)));
    }

    @Test
    void shouldRejectMalformedJson()
    {
        assertThrows(IllegalArgumentException.class, () -> SummaryJson.parse("{\"a\": 1.5}"));
        assertThrows(IllegalArgumentException.class, () -> SummaryJson.parse("{\"a\": 1} x"));
    }
}
