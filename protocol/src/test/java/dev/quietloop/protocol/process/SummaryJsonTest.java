package dev.quietloop.protocol.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryJsonTest
{
    /**
     * summary.json as every run so far has written it: two spaces a level, {@code "key": value},
     * keys sorted level by level, a new line at the end. Scripts and saved runs depend on it.
     */
    static final String NESTED_SAMPLE_JSON = """
        {
          "bot": {
            "positionE8": {
              "BTCUSDT": -150000000
            },
            "ringRejected": 0,
            "ticks": 50000
          },
          "bot-side": 1,
          "fingerprint": -9223372036854775808,
          "run": {
            "exitCode": 0
          },
          "sendLatencyNs": {
            "max": 9223372036854775807,
            "p99_9": 41000
          }
        }
        """;

    @TempDir
    Path dir;

    static Map<String, Long> nestedSample()
    {
        // "bot-side" sorts before "bot.ticks" as a whole key, after "bot" as a name on its level.
        return Map.of(
            "bot.positionE8.BTCUSDT", -150_000_000L,
            "bot.ringRejected", 0L,
            "bot.ticks", 50_000L,
            "bot-side", 1L,
            "fingerprint", Long.MIN_VALUE,
            "run.exitCode", 0L,
            "sendLatencyNs.max", Long.MAX_VALUE,
            "sendLatencyNs.p99_9", 41_000L);
    }

    @Test
    void shouldWriteTheNestedSampleByteForByte() throws IOException
    {
        assertEquals(NESTED_SAMPLE_JSON, SummaryJson.write(nestedSample()));

        final Path file = dir.resolve("summary.json");
        SummaryJson.write(file, nestedSample());
        assertArrayEquals(NESTED_SAMPLE_JSON.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }

    @Test
    void shouldWriteAnEmptySummaryAsAnEmptyObject()
    {
        assertEquals("{}\n", SummaryJson.write(Map.of()));
        assertEquals(Map.of(), SummaryJson.parse("{}\n"));
    }

    @Test
    void shouldReadTheFileFormatWrittenSoFar() throws IOException
    {
        final Path file = dir.resolve("old.json");
        Files.writeString(file, NESTED_SAMPLE_JSON, StandardCharsets.UTF_8);

        assertEquals(new TreeMap<>(nestedSample()), SummaryJson.read(file));
    }

    @Test
    void shouldReadAnyWhitespaceBetweenTokens()
    {
        final Map<String, Long> expected = Map.of("bot.ticks", 5L, "fingerprint", -1L);

        assertEquals(expected, SummaryJson.parse("{\"bot\":{\"ticks\":5},\"fingerprint\":-1}"));
        assertEquals(expected, SummaryJson.parse("\r\n{\t\"bot\" :\r\n{ \"ticks\" : 5 } ,\n\"fingerprint\":-1 }\r\n\n"));
    }

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
    void shouldReadBackNamesWithQuotesBackslashesAndAccents()
    {
        final Map<String, Long> flat = Map.of("bot.positionE8.A\"B\\C", 1L, "bot.positionE8.\u00e9\u20ac", 2L);

        final String json = SummaryJson.write(flat);

        assertTrue(json.contains("\"A\\\"B\\\\C\": 1"), json);
        assertEquals(flat, SummaryJson.parse(json));
    }

    @Test
    void shouldRefuseAKeyThatIsBothAValueAndAnObject()
    {
        assertThrows(IllegalArgumentException.class, () -> SummaryJson.write(Map.of("a", 1L, "a.b", 2L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1.5}",
        "{\"a\": 1} x",
        "{\"a\": 1}}",
        "{\"a\": \"1\"}",
        "{\"a\": true}",
        "{\"a\": null}",
        "{\"a\": [1]}",
        "{\"a\": 9223372036854775808}",
        "{\"a\": 1",
        "{\"a\": {\"b\": 1}",
        "{\"a\": \"1}",
        "{\"a\": 1 \"b\": 2}",
        "{: 1}",
        "[1]",
        "1",
        ""})
    void shouldRejectWhatIsNotNestedObjectsOfIntegers(final String json)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SummaryJson.parse(json));

        assertTrue(ex.getMessage().startsWith("bad summary JSON"), ex.getMessage());
    }

    @Test
    void shouldNameTheErrorWithoutTheRestOfTheFile()
    {
        final String broken = NESTED_SAMPLE_JSON.replace("\"ticks\": 50000", "\"ticks\" 50000");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SummaryJson.parse(broken));

        assertTrue(ex.getMessage().startsWith("bad summary JSON: Expected a :"), ex.getMessage());
        assertFalse(ex.getMessage().contains("sendLatencyNs"), ex.getMessage());
    }
}
