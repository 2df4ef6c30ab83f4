package dev.quietloop.broker.metrics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.LiveLatency;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.CountersFile;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

/**
 * Every quietloop process's counters on this host, read from their counters files at each scrape
 * (the files the processes' threads count into; nothing here touches a process): each counter as
 * a Prometheus counter ({@code quietloop_bot_events_produced_total}), a length of time kept in ns
 * or ms as a gauge in seconds ({@code quietloop_sidecar_receive_span_seconds}), each hop's live latency
 * ({@code live.<hop>.*}, the last interval) as a summary in seconds with quantiles 0.5, 0.99 and
 * 0.999, its largest as a gauge, and whether each process still runs.
 * <p>
 * Labels: {@code process} (the role: {@code bot}, {@code broker}, {@code sidecar-stub}),
 * {@code pid}, and for a bot its {@code source} id; {@code hop} for latency. A process that
 * exits deletes its file; it is served on with its last counts, {@code quietloop_process_up} 0,
 * until this broker exits, so that a run's account stays readable to its last scrape.
 */
final class CountersCollector implements MultiCollector
{
    static final String UP = "quietloop_process_up";
    static final String LATENCY = "quietloop_hop_latency_seconds";
    static final String LATENCY_MAX = "quietloop_hop_latency_max_seconds";
    static final String LATENCY_EVENTS = "quietloop_hop_latency_interval_events";
    /** Processes kept after they exit, the oldest dropped first: a long-lived broker's memory stays bounded. */
    static final int MAX_EXITED = 64;
    private static final double NS_PER_SECOND = 1e9;
    private static final double MS_PER_SECOND = 1e3;
    private static final String NS = "Ns";
    private static final String MS = "Ms";

    private final Path dir;
    private final Map<Path, CountersFile> seen = new LinkedHashMap<>();
    /** Dropped past {@link #MAX_EXITED}: a file a killed process left is not opened again. */
    private final Set<Path> dropped = new HashSet<>();

    /** @param dir the counters directory ({@link CountersDirectory#resolve()}) */
    CountersCollector(final Path dir)
    {
        this.dir = dir;
    }

    @Override
    public synchronized MetricSnapshots collect()
    {
        refresh();
        final Map<String, CounterSnapshot.Builder> counters = new TreeMap<>();
        final Map<String, GaugeSnapshot.Builder> durations = new TreeMap<>();
        final GaugeSnapshot.Builder up = GaugeSnapshot.builder().name(UP)
            .help("1 while the quietloop process runs, 0 once it has exited (its last counts are served on)");
        final SummarySnapshot.Builder latency = SummarySnapshot.builder().name(LATENCY)
            .help("the latency of a hop over its process's last interval (about a second), in seconds");
        final GaugeSnapshot.Builder latencyMax = GaugeSnapshot.builder().name(LATENCY_MAX)
            .help("the largest latency of a hop over its process's last interval, in seconds");
        final GaugeSnapshot.Builder latencyEvents = GaugeSnapshot.builder().name(LATENCY_EVENTS)
            .help("events a hop timed over its process's last interval");
        for (final Map.Entry<Path, CountersFile> entry : seen.entrySet())
        {
            final CountersFile file = entry.getValue();
            final Map<String, Long> values = file.snapshot();
            final Labels labels = labels(file, values);
            final boolean running = Files.exists(entry.getKey()) && file.isOwnerAlive();
            up.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(running ? 1 : 0).build());
            final Map<String, Map<String, Long>> hops = new TreeMap<>();
            values.forEach((name, value) ->
            {
                if (name.startsWith(LiveLatency.PREFIX))
                {
                    final int dot = name.lastIndexOf('.');
                    hops.computeIfAbsent(name.substring(LiveLatency.PREFIX.length(), dot), hop -> new TreeMap<>())
                        .put(name.substring(dot + 1), value);
                }
                else if (isDuration(name))
                {
                    durations.computeIfAbsent(MetricNames.of(name.substring(0, name.length() - 2)) + "_seconds",
                        metric -> GaugeSnapshot.builder().name(metric)
                            .help("quietloop figure " + name + " in seconds, read from the process's counters file"))
                        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels)
                            .value(name.endsWith(NS) ? value / NS_PER_SECOND : value / MS_PER_SECOND).build());
                }
                else if (!Accounting.BOT_SOURCE_ID.equals(name))
                {
                    counters.computeIfAbsent(MetricNames.of(name), metric -> CounterSnapshot.builder().name(metric)
                        .help("quietloop counter " + name + ", read from the process's counters file"))
                        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build());
                }
            });
            hops.forEach((hop, stats) ->
            {
                final Labels hopLabels = labels.add("hop", hop);
                latency.dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().labels(hopLabels)
                    .quantiles(Quantiles.of(
                        new Quantile(0.5, seconds(stats, LiveLatency.P50_NS)),
                        new Quantile(0.99, seconds(stats, LiveLatency.P99_NS)),
                        new Quantile(0.999, seconds(stats, LiveLatency.P999_NS))))
                    .build());
                latencyMax.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(hopLabels)
                    .value(seconds(stats, LiveLatency.MAX_NS)).build());
                latencyEvents.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(hopLabels)
                    .value(stats.getOrDefault(LiveLatency.EVENTS, 0L)).build());
            });
        }
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        counters.values().forEach(builder -> snapshots.add(builder.build()));
        durations.values().forEach(builder -> snapshots.add(builder.build()));
        snapshots.add(up.build());
        snapshots.add(latency.build());
        snapshots.add(latencyMax.build());
        snapshots.add(latencyEvents.build());
        return new MetricSnapshots(snapshots);
    }

    /** Opens the files that appeared since the last scrape; keeps those that went, up to {@link #MAX_EXITED}. */
    private void refresh()
    {
        for (final Path path : CountersDirectory.list(dir))
        {
            if (!seen.containsKey(path) && !dropped.contains(path))
            {
                try
                {
                    CountersFile.openReadOnly(path).ifPresent(file -> seen.put(path, file));
                }
                catch (final IllegalStateException ex)
                {
                    // not a counters file of ours (yet): the next scrape looks again
                }
            }
        }
        final List<Path> exited = new ArrayList<>();
        seen.forEach((path, file) ->
        {
            if (!Files.exists(path) || !file.isOwnerAlive())
            {
                exited.add(path);
            }
        });
        for (int i = 0; i < exited.size() - MAX_EXITED; i++)
        {
            seen.remove(exited.get(i)).unmap();
            dropped.add(exited.get(i));
        }
        dropped.removeIf(path -> !Files.exists(path)); // gone from the folder: it cannot come back
    }

    /**
     * A figure in ns or ms ({@code sidecar.receiveSpanNs}, {@code bot.cpuMs}): a length of time, not a
     * count, served as a gauge in seconds, the unit Prometheus names take.
     */
    static boolean isDuration(final String name)
    {
        return name.length() > 2 && (name.endsWith(NS) || name.endsWith(MS));
    }

    private static Labels labels(final CountersFile file, final Map<String, Long> values)
    {
        final Labels labels = Labels.of("process", file.role(), "pid", Long.toString(file.pid()));
        final Long source = values.get(Accounting.BOT_SOURCE_ID);
        return null == source ? labels : labels.add("source", Long.toString(source));
    }

    /** An interval that timed no event has no latency: NaN, as Prometheus has it for a summary with no observation. */
    private static double seconds(final Map<String, Long> stats, final String key)
    {
        return stats.getOrDefault(LiveLatency.EVENTS, 0L) == 0 ? Double.NaN : stats.getOrDefault(key, 0L) / NS_PER_SECOND;
    }
}
