package dev.quietloop.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.protocol.latency.LiveLatency;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.testing.Promtool;
import dev.quietloop.wire.ConfigException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} over a real loopback socket, from real counters files; promtool checks the names where it is installed. */
class MetricsEndpointTest
{
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void shouldServeEveryCounterAndTheLiveLatencyOfEachHopWithTheProcessAndSourceAsLabels() throws Exception
    {
        final String text;
        try (CounterRegistry bot = CounterRegistry.inFile(dir, "bot", 32);
            MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, dir, out))
        {
            bot.newCounter("bot.eventsProduced").set(42);
            bot.newCounter("bot.rejected.crossedBook").set(3);
            bot.newCounter("bot.sourceId").set(7);
            bot.newCounter("bot.cpuMs").set(2_500);
            bot.newCounter("sidecar.receiveSpanNs").set(1_500_000_000);
            final Histogram interval = new Histogram(3_600_000_000_000L, 3);
            for (long ns = 1_000; ns <= 100_000; ns += 1_000)
            {
                interval.recordValue(ns);
            }
            new LiveLatency("tickToPublish", bot::newCounter).publish(interval);

            text = scrape(endpoint);
        }
        final String labels = "{pid=\"" + PID + "\",process=\"bot\",source=\"7\"}";
        assertTrue(text.contains("quietloop_bot_events_produced_total" + labels + " 42.0\n"), text);
        assertTrue(text.contains("quietloop_bot_rejected_crossed_book_total" + labels + " 3.0"), text);
        assertTrue(text.contains("quietloop_process_up" + labels + " 1.0"), text);
        assertTrue(text.contains("# TYPE quietloop_bot_cpu_seconds gauge"), text);
        assertTrue(text.contains("quietloop_bot_cpu_seconds" + labels + " 2.5"), text);
        assertTrue(text.contains("quietloop_sidecar_receive_span_seconds" + labels + " 1.5"), text);
        final String hop = "{hop=\"tickToPublish\",pid=\"" + PID + "\",process=\"bot\",source=\"7\"";
        assertTrue(text.contains("quietloop_hop_latency_seconds" + hop + ",quantile=\"0.5\"} 5.0015E-5\n"), text);
        assertTrue(text.contains("quietloop_hop_latency_seconds" + hop + ",quantile=\"0.99\"} 9.9007E-5\n"), text);
        assertTrue(text.contains("quietloop_hop_latency_max_seconds" + hop + "} 1.00031E-4\n"), text);
        assertTrue(text.contains("quietloop_hop_latency_interval_events" + hop + "} 100.0\n"), text);
        // The values are HdrHistogram's at 3 significant digits, in seconds: 50,015 ns is p50 of 1..100 us.
        assertTrue(!text.contains("source_id"), "the source id is a label, not a counter: " + text);
        assertTrue(!text.contains("live_"), "live latency is served as latency, not as counters: " + text);
        Promtool.assertClean(text);
    }

    @Test
    void shouldServeAProcessThatExitedWithItsLastCountsAndSayItIsDown() throws Exception
    {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, dir, out))
        {
            try (CounterRegistry stub = CounterRegistry.inFile(dir, "sidecar-stub", 32))
            {
                stub.newCounter("sidecar.eventsReceived").set(9);
                assertTrue(scrape(endpoint).contains("quietloop_sidecar_events_received_total{pid=\"" + PID +
                    "\",process=\"sidecar-stub\"} 9.0"));
            } // deletes its file, as a process does on a clean exit

            final String text = scrape(endpoint);

            final String labels = "{pid=\"" + PID + "\",process=\"sidecar-stub\"}";
            assertTrue(text.contains("quietloop_sidecar_events_received_total" + labels + " 9.0"), text);
            assertTrue(text.contains("quietloop_process_up" + labels + " 0.0"), text);
        }
    }

    @Test
    void shouldServeNoLatencyForAnIntervalThatTimedNoEvent() throws Exception
    {
        final String text;
        try (CounterRegistry stub = CounterRegistry.inFile(dir, "sidecar-stub", 32);
            MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, dir, out))
        {
            new LiveLatency("endToEnd", stub::newCounter).publish(new Histogram(3_600_000_000_000L, 3));
            text = scrape(endpoint);
        }
        final String hop = "{hop=\"endToEnd\",pid=\"" + PID + "\",process=\"sidecar-stub\"";
        assertTrue(text.contains("quietloop_hop_latency_seconds" + hop + ",quantile=\"0.99\"} NaN\n"), text);
        assertTrue(text.contains("quietloop_hop_latency_interval_events" + hop + "} 0.0\n"), text);
    }

    @Test
    void shouldNameAnAddressItCannotListenOn() throws IOException
    {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            final ConfigException ex = assertThrows(ConfigException.class,
                () -> MetricsEndpoint.start("127.0.0.1", taken.getLocalPort(), dir, out));

            assertTrue(ex.getMessage().startsWith("--metrics-port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:" +
                taken.getLocalPort()), ex.getMessage());
        }
    }

    @Test
    void shouldNameMetricsByPrometheusConventions()
    {
        assertEquals("quietloop_bot_events_produced", MetricNames.of("bot.eventsProduced"));
        assertEquals("quietloop_broker_rejected_too_large", MetricNames.of("broker.rejectedTooLarge"));
        assertEquals("quietloop_bot_rejected_crossed_book", MetricNames.of("bot.rejected.crossedBook"));
        assertEquals("quietloop_sidecar_by_type_order_placed", MetricNames.of("sidecar.byType.orderPlaced"));
        assertEquals("quietloop_a_b", MetricNames.of("a-.-b."));
        for (final String name : List.of("bot.eventsProduced", "x.ABC", "weird name!"))
        {
            assertTrue(MetricNames.of(name).matches("[a-z_][a-z0-9_]*"), MetricNames.of(name));
        }
    }

    static String scrape(final MetricsEndpoint endpoint) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(endpoint.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
