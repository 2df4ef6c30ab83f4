package dev.quietloop.broker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryCompareTest
{
    @Test
    void shouldShowPercentilesSideBySideWithRatios()
    {
        final Map<String, Long> a = SummaryTextTest.sample();
        final Map<String, Long> b = SummaryTextTest.sample();
        b.put("sendLatencyNs.p50", 17_134L);
        b.put("latencyNs.tickToPublish.p99", 2_000L);

        final List<String> lines = SummaryCompare.render("a", a, "b", b);

        assertTrue(squeezed(lines).contains("send p50 8.6 17.1 2.00"), lines.toString());
        assertTrue(squeezed(lines).contains("send max 2439.2 2439.2 1.00"), lines.toString());
        assertTrue(squeezed(lines).contains("tickToPublish p99 - 2.0 -"), lines.toString());
        assertEquals("accounting: same", lines.get(lines.size() - 1), "latency is not accounting");
    }

    @Test
    void shouldFlagEveryDifferingAccountingKey()
    {
        final Map<String, Long> a = SummaryTextTest.sample();
        final Map<String, Long> b = SummaryTextTest.sample();
        b.put("bot.pnlE8", -1L);
        b.put("bot.rejected.badSymbol", 4L);
        b.put("sidecar.byType.heartbeat", 9L);

        final List<String> lines = SummaryCompare.render("a", a, "b", b);

        assertTrue(squeezed(lines).contains("bot.pnlE8 -50425000 -1 !="), lines.toString());
        assertTrue(squeezed(lines).contains("bot.rejected.badSymbol 0 4 !="), lines.toString());
        assertTrue(squeezed(lines).contains("bot.fills 1027 1027"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("heartbeat")), "heartbeats count time, not trading");
        assertEquals("accounting: DIFFERENT (2 keys)", lines.get(lines.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        none recorded      |             |    |                 |    | fingerprint no fingerprint recorded              | same
        equal, either key  | fingerprint | 42 | bot.fingerprint | 42 | fingerprint 000000000000002a 000000000000002a    | same
        different          | fingerprint | 42 | fingerprint     | 43 | fingerprint 000000000000002a 000000000000002b != | DIFFERENT (1 keys)
        """)
    void shouldCompareTheFingerprintsTheRunsRecorded(final String what, final String aKey, final Long aValue,
        final String bKey, final Long bValue, final String line, final String accounting)
    {
        final Map<String, Long> a = SummaryTextTest.sample();
        final Map<String, Long> b = SummaryTextTest.sample();
        if (null != aKey)
        {
            a.put(aKey, aValue);
            b.put(bKey, bValue);
        }

        final List<String> lines = SummaryCompare.render("a", a, "b", b);

        assertTrue(squeezed(lines).contains(line), lines.toString());
        assertEquals("accounting: " + accounting, lines.get(lines.size() - 1));
    }

    @Test
    void shouldNotCompareAFingerprintOnlyOneRunRecorded()
    {
        final Map<String, Long> b = SummaryTextTest.sample();
        b.put("fingerprint", 43L);

        final List<String> lines = SummaryCompare.render("a", SummaryTextTest.sample(), "b", b);

        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fingerprint") && l.contains("not compared")),
            lines.toString());
    }

    /** The lines with runs of spaces as one: the tests check content, the renderer the columns. */
    private static List<String> squeezed(final List<String> lines)
    {
        return lines.stream().map(l -> l.trim().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void shouldGiveNoRatioAgainstZero()
    {
        assertEquals("-", SummaryCompare.ratio(0L, 5L));
        assertEquals("-", SummaryCompare.ratio(null, 5L));
        assertEquals("0.50", SummaryCompare.ratio(10L, 5L));
    }
}
