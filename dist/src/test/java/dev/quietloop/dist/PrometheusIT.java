package dev.quietloop.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.LoopbackPorts;
import dev.quietloop.protocol.testing.Promtool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Prometheus server (Debian's {@code prometheus}, which {@code .ci/run} installs) scrapes
 * the broker's {@code /metrics} during a live run, every second, and its HTTP API then gives the
 * run's {@code quietloop_bot_events_produced_total}: the bot's own count, as its summary has it;
 * and the live latency of every hop of the three processes.
 * Everything listens on loopback, on ports the system picked; the test stops what it started.
 */
class PrometheusIT
{
    private static final Pattern METRICS_URL = Pattern.compile("broker: metrics at (http://127\\.0\\.0\\.1:(\\d+)/metrics)");
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([0-9.e+]+)\"\\]");

    @TempDir
    Path dir;

    @Test
    void shouldLetPrometheusScrapeALiveRunAndGiveTheBotsEventsProduced() throws Exception
    {
        final String prometheusBinary = requirePrometheus();
        final Path reports = dir.resolve("reports");
        final Path counters = Files.createDirectories(dir.resolve("counters"));
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + QuietloopProcess.JVM_OPTIONS,
            "-cp", QuietloopProcess.LIB + "/*", "dev.quietloop.broker.BrokerMain",
            "--launch-bot", "--data", QuietloopProcess.ROOT.resolve("data/sample-quotes.csv").toString(), "--launch-stub",
            "--ingest", "tcp://127.0.0.1:0", "--reports", reports.toString(), "--run-id", "scraped", "--no-plots",
            "--jvm-options", QuietloopProcess.JVM_OPTIONS.toString(),
            "--bot-arg=--strategy=tick-signal", "--bot-arg=--rate=10000", "--bot-arg=--quiet",
            "--metrics-port", "0", "--metrics-linger", "8"));
        final ProcessBuilder brokerBuilder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        brokerBuilder.environment().put(CountersDirectory.ENV, counters.toString());
        final Process broker = brokerBuilder.start();
        Process prometheus = null;
        final StringBuilder output = new StringBuilder();
        try
        {
            final BufferedReader lines = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
            final int metricsPort = metricsPort(lines, output);
            String exposition = "";
            final Thread pump = new Thread(() -> lines.lines().forEach(line -> append(output, line)), "broker-output");
            pump.setDaemon(true);
            pump.start();

            final int webPort = LoopbackPorts.unused().port();
            final Path config = Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  scrape_timeout: 1s",
                "scrape_configs:",
                "  - job_name: quietloop",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + metricsPort + "']",
                ""));
            prometheus = new ProcessBuilder(prometheusBinary, "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + webPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();

            final String query = "max_over_time(quietloop_bot_events_produced_total[10m])";
            double seen = -1;
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (broker.isAlive() && System.nanoTime() < deadlineNs)
            {
                seen = Math.max(seen, queryValue(webPort, query));
                if (!exposition.contains("process=\"bot\""))
                {
                    exposition = scrape(metricsPort);
                }
                Thread.sleep(250);
            }
            assertTrue(broker.waitFor(30, TimeUnit.SECONDS), "the run ends: " + output);
            assertEquals(ExitCodes.OK, broker.exitValue(), output.toString());
            seen = Math.max(seen, queryValue(webPort, query));

            final Map<String, Long> summary = SummaryJson.read(reports.resolve("scraped/summary.json"));
            assertEquals(50_000L, summary.get(Accounting.BOT_EVENTS_PRODUCED), "tick-signal: an event a tick");
            assertEquals(summary.get(Accounting.BOT_EVENTS_PRODUCED), (long)seen,
                "Prometheus scraped the run's own count: " + output + "\n" + Files.readString(dir.resolve("prometheus.log")));
            assertTrue(exposition.contains("quietloop_broker_events_forwarded_total"), exposition);
            Promtool.assertClean(exposition);
            for (final String hop : List.of("tickToPublish", "ringToSend", "brokerDwell", "externalSend", "endToEnd"))
            {
                assertTrue(queryValue(webPort, "count(max_over_time(quietloop_hop_latency_seconds{hop=\"" + hop + "\"," +
                    "quantile=\"0.99\"}[10m]))") >= 1, "the live latency of every hop was scraped: " + hop);
            }
        }
        finally
        {
            if (null != prometheus)
            {
                prometheus.destroy();
                if (!prometheus.waitFor(10, TimeUnit.SECONDS))
                {
                    prometheus.destroyForcibly();
                }
            }
            broker.descendants().forEach(ProcessHandle::destroyForcibly);
            broker.destroyForcibly();
        }
    }

    /** The prometheus binary; without it the test is skipped, and under CI it fails. */
    private static String requirePrometheus()
    {
        for (final String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
        {
            final Path binary = Path.of(folder, "prometheus");
            if (Files.isExecutable(binary))
            {
                return binary.toString();
            }
        }
        assertTrue(null == System.getenv("CI"), "CI runs a real Prometheus: install Debian's prometheus package (.ci/run does)");
        Assumptions.abort("prometheus is not installed (apt-get install prometheus): no real server to scrape with here");
        return null;
    }

    private static int metricsPort(final BufferedReader lines, final StringBuilder output) throws IOException
    {
        for (String line = lines.readLine(); null != line; line = lines.readLine())
        {
            append(output, line);
            final Matcher matcher = METRICS_URL.matcher(line);
            if (matcher.find())
            {
                return Integer.parseInt(matcher.group(2));
            }
        }
        throw new AssertionError("the broker never said where /metrics is: " + output);
    }

    private static void append(final StringBuilder output, final String line)
    {
        synchronized (output)
        {
            output.append(line).append('\n');
        }
    }

    /** An instant query's one value; -1 while Prometheus has none (not up yet, nothing scraped yet). */
    private static double queryValue(final int webPort, final String query) throws InterruptedException
    {
        try
        {
            final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + webPort + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            final Matcher matcher = VALUE.matcher(response.body());
            return 200 == response.statusCode() && matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    /** One scrape of the broker's /metrics, as Prometheus makes it; empty when it did not answer. */
    private static String scrape(final int metricsPort) throws InterruptedException
    {
        try
        {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort +
                "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        catch (final IOException ex)
        {
            return "";
        }
    }
}
