package dev.quietloop.perf.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.protocol.process.Machine;

/**
 * The head of {@code RESULTS.md}, before the sections: when and at which commit the bench ran,
 * the machine, the JVM flags, the CPUs, an example run's command line and the methodology.
 */
final class ResultsHeader
{
    private final BenchSettings settings;
    private final Path jvmOptions;
    private final boolean pin;

    /** @param pin whether the isolation runs pinned their threads ({@code --pin}) */
    ResultsHeader(final BenchSettings settings, final Path jvmOptions, final boolean pin)
    {
        this.settings = settings;
        this.jvmOptions = jvmOptions;
        this.pin = pin;
    }

    /**
     * @param revision       the commit the bench ran, see {@link #revision(Path)}
     * @param exampleCommand the command line of one isolation run, shown as an example
     */
    List<String> lines(
        final List<String> sections,
        final double minutes,
        final String revision,
        final List<String> exampleCommand) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        lines.add("# quietloop benchmark results");
        lines.add("");
        lines.add("Written by `bin/bench.sh" + (settings.quick() ? " --quick" : "") + "` on " +
            LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC, " +
            String.format(Locale.ROOT, "%.1f", minutes) + " minutes, sections: " + String.join(", ", sections) +
            ", code at " + revision + ". Every figure below comes from that one bench run; ratios compare " +
            "figures measured in it.");
        lines.add("");
        lines.add("## Machine");
        lines.add("");
        lines.addAll(machine(Machine.current(), cpuModel()));
        lines.add("");
        lines.add("JVM flags (`config/jvm.options`, used by every process and every JMH fork):");
        lines.add("");
        lines.add("```");
        lines.addAll(List.of(MicroBenchmarks.jvmFlags(jvmOptions)));
        lines.add("```");
        lines.add("");
        lines.add("Every run keeps the heap of `config/jvm.options`, the defaults a user gets: its young generation " +
            "holds what JeroMQ's I/O thread in the bot allocates (19 to 36 MB/s at 10,000 ticks/s) for a run of " +
            "50 s or more, so the bot does not collect. The `bot GCs` column says whether a run held. Only the " +
            "throughput runs (both sides) add `" + BenchMain.PRE_TOUCH + "`: there the kernel clearing fresh heap " +
            "pages for JeroMQ's allocations took CPU from the pipeline (12% of both CPUs in a profile).");
        lines.add("");
        lines.add("Idle strategies, the defaults: the bot's trading thread spins (one core whole); the bot's sender, " +
            "the broker's receiver and forwarder and the stub's receive loop wake on work (100 spins, then they " +
            "block until a producer or their socket wakes them); the sender sends a frame that is not full at most " +
            "once per " + BotConfiguration.SEND_LINGER_US_DEFAULT + " µs linger (`--send-linger-us`) and naps " +
            "within it. On 2 cores only the trading thread may spin.");
        lines.add("");
        lines.add(pin ? "CPUs in the isolation runs: the bot's trading thread alone on one CPU (`--trading-cpu`), " +
            "every other thread of the three processes on the rest (`--cpus`), as on a production box with an isolated " +
            "core, and every thread but the trading thread and the hiccup meter `SCHED_BATCH`; nothing else is " +
            "pinned, so the machine's other work may still land on the trading CPU. The throughput, CPU and " +
            "fixed-rate runs take the default layout, which is the same on this machine." :
            "CPUs: nothing pinned (`--no-pin`); the operating system places every thread.");
        lines.add("");
        lines.add("Each pipeline run is the broker launching the stub and the bot, as `bin/run-bot.sh` does, for " +
            "example:");
        lines.add("");
        lines.add("```");
        lines.add(String.join(" ", exampleCommand).replace(Path.of("").toAbsolutePath() + "/", ""));
        lines.add("```");
        lines.add("");
        lines.add("Methodology: the bot replays at the rate asked, and every event carries its tick's intended time " +
            "(`originNs`), so a late replay counts as latency (no coordinated omission). The first events of an " +
            "isolation run (one a tick) are a warm-up whose samples are left out (`--warmup-events`, on the bot " +
            "and the stub); each pace says how many. Each isolation scenario runs " + settings.isolationRepeats() +
            " times and every other scenario " + settings.repeats() + " times" +
            (settings.cpuRepeats() == settings.repeats() ? "" : " (the CPU per event runs " + settings.cpuRepeats() +
            (settings.cpuRepeats() == 1 ? " time" : " times") + ")") + ", round-robin. Isolation tables pool " +
            "each scenario's samples over its runs; other tables show the median of the runs; in brackets, the " +
            "lowest and highest of the runs. The machine is shared and noisy: read the spreads.");
        lines.add("");
        return lines;
    }

    /**
     * The commit the bench ran, {@code git describe --always --dirty} (a {@code -dirty} suffix when the
     * working tree had changes), or "an unknown commit" outside a git checkout.
     */
    static String revision(final Path root)
    {
        try
        {
            final Process git = new ProcessBuilder("git", "describe", "--always", "--dirty")
                .directory(root.toFile()).redirectErrorStream(true).start();
            final String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 && !out.isEmpty() ? "`" + out + "`" : "an unknown commit";
        }
        catch (final IOException ex)
        {
            return "an unknown commit";
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "an unknown commit";
        }
    }

    /**
     * The machine, as each run's {@code config.yaml} records it ({@link Machine}), with the CPU model
     * beside it (or an empty string), and the JVM the bench driver runs in.
     */
    static List<String> machine(final Machine machine, final String cpuModel)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("- cores: " + machine.availableProcessors() +
            (null == machine.cpusOnline() ? "" : " (CPUs online: " + machine.cpusOnline() + ")") + cpuModel);
        lines.add("- memory: " + (machine.totalMemoryBytes() < 0 ? "unknown" :
            String.format(Locale.ROOT, "%.0f GiB", machine.totalMemoryBytes() / 1024.0 / 1024.0 / 1024.0)));
        lines.add("- OS: " + machine.osName() + " " + machine.osVersion() + " " + machine.osArch());
        lines.add("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") +
            " (" + System.getProperty("java.vendor") + "), bench driver flags: " +
            ManagementFactory.getRuntimeMXBean().getInputArguments().size() + " from the same file");
        return lines;
    }

    /** ", " and the CPU model, which {@link Machine} does not record; empty where the system does not say. */
    private static String cpuModel() throws IOException
    {
        final Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo))
        {
            return "";
        }
        try (Stream<String> lines = Files.lines(cpuinfo))
        {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> ", " + line.substring(line.indexOf(':') + 1).strip()).orElse("");
        }
    }
}
