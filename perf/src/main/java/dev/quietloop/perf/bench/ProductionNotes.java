package dev.quietloop.perf.bench;

import java.util.List;

import dev.quietloop.bot.config.BotConfiguration;

/** The closing section of RESULTS.md: what a production box changes, and the settings to apply. */
final class ProductionNotes
{
    static final List<String> LINES = List.of(
        "## On a production box",
        "",
        "These figures come from a shared 2-core machine where the trading thread's spinning takes one core and " +
            "everything else (the sender, two broker threads, the stub, three JVMs' JIT and GC threads) shares " +
            "the other. Every thread but the trading thread blocks when idle and the sender batches for up to " +
            BotConfiguration.SEND_LINGER_US_DEFAULT + " µs, so each hop downstream of the ring pays a wake-up " +
            "or the linger (tens of µs to a millisecond) and the scheduler's time slices show up at p99 and " +
            "beyond. What changes with isolated cores and spinning consumers:",
        "",
        "- The ring hop and the send hop stop paying wake-ups: with `--idle-sender spin`, and the broker's " +
            "`--idle-receiver spin --idle-forwarder spin`, `ringToSend` and `brokerDwell` fall to the cost of a " +
            "poll and a copy (single-digit µs), and `endToEnd` at 10k events/s to tens of µs, bound by the two " +
            "loopback TCP hops.",
        "- The tails stop being scheduling noise: with the hot threads alone on their cores, p99.9 approaches p99.",
        "- Safepoints stop mattering: a safepoint stops every Java thread of the bot, the trading thread " +
            "included, until the slowest of them reaches it, and here the sender and JeroMQ's I/O thread wait " +
            "for the other, crowded CPU. JDK 17's `ICBufferFull` safepoints (the JIT's inline-cache buffer " +
            "filling while hot code still compiles) took 0.2 to 4.5 ms each to reach here (`-Xlog:safepoint`). " +
            "This is the one coupling the ring does not cut, and a fault that keeps the other CPU busier " +
            "lengthens it; with a core for each hot thread it falls to microseconds.",
        "- The host stops taking the CPU: on a virtual machine the hypervisor can run something else on the " +
            "trading vCPU for milliseconds (the isolation tables' `stolen` column), which no setting in the guest " +
            "prevents; a dedicated host, or vCPUs pinned to physical cores by the hypervisor, does.",
        "- What does not change is the isolation itself: the trading thread only ever does `tryPublishEvent` on " +
            "a ring, so a stalled sidecar costs it nothing on any box.",
        "",
        "Settings:",
        "",
        "1. Isolate cores for the hot threads, kernel command line: `isolcpus=2-5 nohz_full=2-5 rcu_nocbs=2-5`; " +
            "keep IRQs off them (`irqbalance` banned from those cores, or `/proc/irq/*/smp_affinity`).",
        "2. Pin: the trading thread alone on an isolated core, the rest of the pipeline on others, with the " +
            "processes' own flags (threads started later inherit): bot `--trading-cpu 2 --cpus 3`, broker " +
            "`--cpus 4,5`, the stub or the real sidecar elsewhere. `bin/run-bot.sh --cpus 3,4,5 " +
            "--bot-arg=--trading-cpu=2` does it for a whole run: the broker's pinning passes to what it launches.",
        "3. Spin the consumers: bot `--idle-trading spin --idle-sender spin`, broker `--idle-receiver spin " +
            "--idle-forwarder spin` (one core each, whole).",
        "4. Keep the bot free of collections for the session: a collection stops the trading thread whatever " +
            "allocated, and JeroMQ's I/O thread allocates (19 to 36 MB/s at 10,000 ticks/s here). Size the young " +
            "generation (`-Xmn`; `config/jvm.options` gives 2 GB, 50 s or more at that rate) for the session's traffic, add " +
            "`-XX:+AlwaysPreTouch` and `-XX:+UseLargePages` if huge pages are configured; the summary's " +
            "`bot.gcCount` says whether it held.",
        "5. CPU frequency: `performance` governor, deep C-states off (`intel_idle.max_cstate=1` or " +
            "`processor.max_cstate=1`), turbo settled one way or the other so runs compare.",
        "6. Fewer safepoints: `-XX:GuaranteedSafepointInterval=0` (in `config/jvm.options` already) removes the " +
            "periodic ones. On JDK 17 `-XX:+UnlockExperimentalVMOptions -XX:InlineCacheBufferSize=2m` (in it too; at most " +
            "1/100 of the code cache): it removed the `ICBufferFull` safepoints from the bot's runs here. JDK 25 " +
            "has no such buffer and refuses the flag; `-XX:+IgnoreUnrecognizedVMOptions` lets it start without.",
        "7. Keep the hop timers on (`--time-hops`, the default): their cost is one clock read per hop, and they " +
            "are how you see where the time goes.",
        "");

    private ProductionNotes()
    {
    }
}
