package dev.quietloop.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import net.openhft.chronicle.wire.WireType;
import org.junit.jupiter.api.Test;

/** docs/grafana-dashboard.json: a panel per hop and one for the account, on metrics /metrics serves by those names. */
class GrafanaDashboardTest
{
    private static final Path DASHBOARD =
        Path.of(System.getProperty("quietloop.root", "..")).resolve("docs/grafana-dashboard.json");

    @Test
    void shouldHaveAPanelPerHopAndTheAccountOnTheMetricsServedByThoseNames() throws IOException
    {
        final String text = Files.readString(DASHBOARD, StandardCharsets.UTF_8);
        final Map<?, ?> dashboard = (Map<?, ?>)WireType.JSON_ONLY.fromString(text);

        assertEquals("quietloop", dashboard.get("title"));
        assertTrue(((List<?>)dashboard.get("panels")).size() >= Hop.values().length + 1);
        for (final Hop hop : Hop.values())
        {
            assertTrue(text.contains(CountersCollector.LATENCY + "{hop=\\\"" + hop.key() + "\\\""), hop.key());
        }
        for (final String counter : List.of(Accounting.BOT_EVENTS_PRODUCED, Accounting.BOT_RING_REJECTED,
            Accounting.BOT_EVENTS_SENT, Accounting.BROKER_EVENTS_RECEIVED, Accounting.BROKER_EVENTS_FORWARDED,
            Accounting.SIDECAR_EVENTS_RECEIVED, Accounting.SIDECAR_GAPS))
        {
            assertTrue(text.contains(MetricNames.of(counter) + "_total"), counter);
        }
    }
}
