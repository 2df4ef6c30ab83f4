package dev.quietloop.protocol.config;

import dev.quietloop.protocol.process.CpuAffinity;
import picocli.CommandLine.Option;

/**
 * The {@code --cpus} flag every process takes, as a picocli mixin: where its threads may run.
 * On a box with isolated cores, the pipeline's processes go on the shared ones and the bot's
 * trading thread ({@code --trading-cpu}) on a core of its own.
 */
public final class CpuOptions
{
    public static final String FLAG = "--cpus";

    /**
     * The launcher's {@code --cpus} for a process it launches (the broker's own {@code --cpus}, or its
     * default layout's): pins as {@link #FLAG} does, under its own name so that the launched process
     * can record it apart from its flags. A launched process's {@code config.yaml} section holds the
     * CPU flags its user gave it; the launcher's choice is the launcher's, decided again on every run
     * (and not at all with {@code --no-pin}), so it goes into the section's {@code run} record, which
     * {@code --config} does not read back. Hidden: only a launcher gives it, and no file sets it.
     */
    public static final String LAUNCHER_FLAG = "--launcher-cpus";

    @Option(names = FLAG, paramLabel = "LIST",
        description = "pin every thread of this process to these CPUs once it has started up, before it handles " +
        "events, e.g. 1, 0,2 or 2-5 (default: the operating system places them); threads started later inherit it")
    private String cpus;

    /** The CPU list as given, or null: each process's configuration checks it with {@link CpuAffinity#validate}. */
    public String cpus()
    {
        return cpus;
    }
}
