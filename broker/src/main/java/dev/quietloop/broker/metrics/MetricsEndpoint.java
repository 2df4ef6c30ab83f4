package dev.quietloop.broker.metrics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.quietloop.wire.ConfigException;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The broker's {@code /metrics}, in the Prometheus text format, served by the Prometheus Java
 * client's HTTP server on its own threads: what {@link CountersCollector} reads at each scrape.
 */
public final class MetricsEndpoint implements AutoCloseable
{
    public static final String PORT_FLAG = "--metrics-port";
    public static final String BIND_FLAG = "--metrics-bind";
    public static final String LINGER_FLAG = "--metrics-linger";
    public static final String BIND_DEFAULT = "127.0.0.1";
    /** What {@code --metrics-port} means when not given: no endpoint. */
    public static final int OFF = -1;

    private final HTTPServer server;
    private final String url;

    private MetricsEndpoint(final HTTPServer server, final String url)
    {
        this.server = server;
        this.url = url;
    }

    /**
     * Serves {@code /metrics} on {@code bind:port} (0: a port the system picks), reading the counters
     * files of {@code countersDir}, and says where on {@code out}.
     *
     * @throws ConfigException naming the address when it cannot be listened on.
     */
    public static MetricsEndpoint start(final String bind, final int port, final Path countersDir, final PrintStream out)
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new CountersCollector(countersDir));
        final HTTPServer server;
        try
        {
            server = HTTPServer.builder().hostname(bind).port(port).registry(registry).buildAndStart();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new ConfigException(PORT_FLAG + " " + port + ": cannot listen on " + bind + ":" + port + " (" +
                ex.getMessage() + ")");
        }
        final String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + server.getPort() + "/metrics";
        out.println("broker: metrics at " + url);
        out.flush();
        return new MetricsEndpoint(server, url);
    }

    /** Where it serves, the port the system picked included. */
    public String url()
    {
        return url;
    }

    public int port()
    {
        return server.getPort();
    }

    @Override
    public void close()
    {
        server.close();
    }
}
