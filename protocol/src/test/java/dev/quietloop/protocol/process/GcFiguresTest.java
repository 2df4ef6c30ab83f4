package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GcFiguresTest
{
    @Test
    void shouldCountACollectionAskedFor()
    {
        final Map<String, Long> before = new LinkedHashMap<>();
        GcFigures.addTo(before, "bot");
        System.gc(); // the JVM flags do not disable explicit collections

        final Map<String, Long> after = new LinkedHashMap<>();
        GcFigures.addTo(after, "bot");

        assertEquals(java.util.List.of("bot.gcCount", "bot.gcMs"), java.util.List.copyOf(after.keySet()));
        assertTrue(after.get("bot.gcCount") > before.get("bot.gcCount"), before + " then " + after);
        assertTrue(after.get("bot.gcMs") >= before.get("bot.gcMs"), before + " then " + after);
    }
}
